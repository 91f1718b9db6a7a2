/** The API that reloaded code calls ({@link dev.hotload.Hotload}), and the generation bookkeeping reloaders drive. */
package dev.hotload;
