/** A third-party reloader in a jar of its own: shell scripts, found by hotload through ServiceLoader. */
package dev.hotload.examples.shell;
