/** The API that reloaded code calls ({@link dev.hotload.Hotload}), and the state it keeps across reloads. */
package dev.hotload;
