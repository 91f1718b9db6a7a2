package dev.hotload.compiled;

import dev.hotload.watch.SavedFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One error of a compile, where the compiler placed it.
 *
 * @param file the source, absolute; null when the compiler names none
 * @param line from 1; 0 when unknown
 * @param column from 1, counting chars (a tab is one); 0 when unknown
 * @param message the compiler's message: a first line, then any details
 * @param lineText the text of that line, for a caret under the column; null when unknown
 */
public record CompileError(Path file, int line, int column, String message, String lineText) {

    /** @return an error at a place in {@code source} */
    public static CompileError at(SourceText source, int line, int column, String message) {
        return new CompileError(source.path(), line, column, message, source.line(line));
    }

    /** @return an error in {@code file} at no known line */
    public static CompileError in(Path file, String message) {
        return new CompileError(file, 0, 0, message, null);
    }

    /** @return an error the compiler places nowhere */
    public static CompileError of(String message) {
        return new CompileError(null, 0, 0, message, null);
    }

    /**
     * @return the error of a source that could not be read, its message why in a few words ("permission denied",
     *     "it is not valid UTF-8 text"), as {@link CompileErrors#unreadable} shows it
     */
    public static CompileError unreadable(Path file, IOException error) {
        return in(file, SavedFiles.reason(error));
    }
}
