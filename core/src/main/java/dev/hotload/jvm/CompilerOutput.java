package dev.hotload.jvm;

import java.nio.file.Path;

/** How compilers point at an error: the file as the user typed it, and a caret under the column in its line. */
public final class CompilerOutput {

    private CompilerOutput() {
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
