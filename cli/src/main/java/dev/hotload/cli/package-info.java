/** The {@code hotload} command: parses the command line, picks the language and runs the reload loop. */
package dev.hotload.cli;
