/**
 * Running a program's entry, whatever its language: on a thread of its own, awaited briefly (or to its end with
 * {@code --once}), its exceptions and exit calls turned into outcomes, and replaced by the next run after its
 * unload hooks.
 */
package dev.hotload.run;
