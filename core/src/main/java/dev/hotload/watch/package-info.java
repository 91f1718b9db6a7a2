/**
 * What to watch and how to notice that it changed: the watch set, file snapshots, the watchers, and when a save
 * is complete.
 */
package dev.hotload.watch;
