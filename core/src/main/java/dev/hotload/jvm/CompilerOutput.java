package dev.hotload.jvm;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;

/** How compilers point at an error: the file as the user typed it, and a caret under the column in its line. */
public final class CompilerOutput {

    private CompilerOutput() {
    }

    /** @return the errors, one after another, and a last line that counts them: {@code 2 errors} */
    public static String report(List<String> errors) {
        StringBuilder report = new StringBuilder();
        errors.forEach(error -> report.append(error).append('\n'));
        return report.append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append('\n').toString();
    }

    /** @return why a source could not be read, for a compile error: not UTF-8, or what the system said */
    public static String unreadable(IOException error) {
        return error instanceof CharacterCodingException
                ? "cannot read it: it is not valid UTF-8 text"
                : "cannot read it: " + error.getMessage();
    }

    /** @return {@code file} relative to {@code workingDir} when it is under it, else as it is */
    public static String fileName(Path file, Path workingDir) {
        return file.startsWith(workingDir) ? workingDir.relativize(file).toString() : file.toString();
    }

    /**
     * @param line the source line
     * @param column how many of its chars come before the caret
     * @return the line that puts a caret under that column; tabs are kept, so that it lines up in any terminal
     */
    public static String caret(String line, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
