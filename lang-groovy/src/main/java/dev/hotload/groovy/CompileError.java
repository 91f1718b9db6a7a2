package dev.hotload.groovy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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
        String why = error instanceof CharacterCodingException
                ? "cannot read it: it is not valid UTF-8 text"
                : "cannot read it: " + error.getMessage();
        return new CompileError(file, 0, 0, why);
    }
}
