/** The Java half of the original's Python API ({@code import hotload}): the loop that hotload.py hands its steps to. */
package dev.hotload.python.api;
