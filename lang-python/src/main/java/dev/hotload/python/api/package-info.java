/**
 * The Java half of the original's Python API ({@code import hotload}): the loop that hotload.py hands its steps to,
 * and its prompt ({@code repl=True}, {@code hotload.prompt()}).
 */
package dev.hotload.python.api;
