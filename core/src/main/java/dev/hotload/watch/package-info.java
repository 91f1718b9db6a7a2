/** What to watch and how to notice that it changed: the watch set, file snapshots and the polling watcher. */
package dev.hotload.watch;
