/**
 * Generations of compiled JVM classes, for the languages that compile to class files (Java, Groovy): a class
 * loader per save, exit calls rewritten, dependencies read from class files, one entry thread at a time.
 */
package dev.hotload.jvm;
