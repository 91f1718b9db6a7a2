/**
 * The pipeline of every language that compiles to class files (Java, Groovy): a source tree, an incremental
 * build over the language's {@link dev.hotload.compiled.Compiler}, compile errors shown as compilers show them,
 * and a session that turns each good build into a new generation and runs its entry. A language brings its
 * compiler and its reloader; everything else is here.
 */
package dev.hotload.compiled;
