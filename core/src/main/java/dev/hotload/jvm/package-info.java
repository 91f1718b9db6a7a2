/**
 * Compiled JVM classes and their class loaders: a generation (a class loader per save) that defines the
 * program's classes with their exit calls rewritten, the libraries' loader beneath it, and the dependencies
 * between classes read from their class files.
 */
package dev.hotload.jvm;
