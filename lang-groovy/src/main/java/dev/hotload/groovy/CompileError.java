package dev.hotload.groovy;

import dev.hotload.jvm.CompilerOutput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One error of a compile, where Groovy placed it.
 *
 * @param file the source, absolute; null when Groovy names none
 * @param line from 1; 0 when unknown
 * @param column from 1; 0 when unknown
 * @param message Groovy's message, without its own "@ line, column" suffix
 */
record CompileError(Path file, int line, int column, String message) {

    /** @return the error of a source that could not be read */
    static CompileError unreadable(Path file, IOException error) {
        return new CompileError(file, 0, 0, CompilerOutput.unreadable(error));
    }
}
