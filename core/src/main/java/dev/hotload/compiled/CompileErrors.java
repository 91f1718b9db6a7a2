package dev.hotload.compiled;

import dev.hotload.loop.Outcome;
import dev.hotload.loop.Printable;
import dev.hotload.watch.PrintableName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Shows compile errors as compilers print them: where ({@code Lib.java:3:}), what, the source line and a caret
 * under the column, any details of the message, and a last line that counts them ({@code 2 errors}). The source
 * is shown {@linkplain Printable printable}, and errors that repeat one another on one line are shown once.
 */
public final class CompileErrors {

    /** What the first line of an error names besides the file. */
    public enum Header {
        /** The line only, as javac prints it: {@code Lib.java:3: error: ';' expected} */
        LINE,
        /** The line and the column: {@code lib.groovy:2:8: error: Unexpected input} */
        LINE_AND_COLUMN
    }

    private CompileErrors() {
    }

    /** @return the outcome of a build that failed: nothing ran, and its errors are for the loop to print */
    static Outcome outcomeOf(BuildResult failed, Header header, Path workingDir) {
        return Outcome.invalid(failed.failure(), failed.unreadable()
                ? unreadable(failed.errors(), workingDir) : report(failed.errors(), header, workingDir));
    }

    /**
     * @param workingDir file names are shown relative to it when they are under it, as the user typed them
     * @return the errors, one after another, and a last line that counts them
     */
    public static String report(List<CompileError> errors, Header header, Path workingDir) {
        StringBuilder report = new StringBuilder();
        int i = 0;
        while (i < errors.size()) {
            CompileError error = errors.get(i);
            int same = 1;
            while (i + same < errors.size() && isSameError(errors.get(i + same), error)) {
                same++;
            }
            report.append(format(error, header, workingDir)).append('\n');
            if (same > 1) {
                // A binary or all-NUL file: javac's 100 "illegal character" errors on its one line are one error.
                report.append("(and ").append(same - 1).append(" more like it on that line)\n");
            }
            i += same;
        }
        return report.append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append('\n').toString();
    }

    private static boolean isSameError(CompileError one, CompileError other) {
        return one.line() > 0 && Objects.equals(one.file(), other.file()) && one.line() == other.line()
                && one.message().equals(other.message());
    }

    /**
     * @param errors errors of {@linkplain CompileError#unreadable sources that could not be read}
     * @return a line of hotload's for each: {@code hotload: cannot read Lib.java: permission denied}
     */
    public static String unreadable(List<CompileError> errors, Path workingDir) {
        StringBuilder report = new StringBuilder();
        errors.forEach(error -> report.append("hotload: cannot read ").append(fileName(error.file(), workingDir))
                .append(": ").append(error.message()).append('\n'));
        return report.toString();
    }

    /** @return one error: where, the message's first line, the source line with a caret, the message's rest */
    static String format(CompileError error, Header header, Path workingDir) {
        String[] message = error.message().split("\\R", 2);
        StringBuilder text = new StringBuilder();
        if (error.file() != null) {
            text.append(fileName(error.file(), workingDir));
            if (error.line() > 0) {
                text.append(':').append(error.line());
                if (header == Header.LINE_AND_COLUMN && error.column() > 0) {
                    text.append(':').append(error.column());
                }
            }
            text.append(": ");
        }
        // The message may quote the source: a NUL, an escape sequence.
        text.append("error: ").append(Printable.line(message[0]));
        if (error.lineText() != null && error.line() > 0) {
            Printable.Shown line = Printable.around(error.lineText(), Math.max(0, error.column() - 1));
            text.append('\n').append(line.text()).append('\n').append(caret(line.text(), line.column()));
        }
        if (message.length > 1) {
            text.append('\n').append(Printable.lines(message[1]));
        }
        return text.toString();
    }

    /** @return {@code file} relative to {@code workingDir} when it is under it, else as it is */
    static String fileName(Path file, Path workingDir) {
        return PrintableName.of(file.startsWith(workingDir) ? workingDir.relativize(file) : file);
    }

    /**
     * @param column how many of the line's chars come before the caret
     * @return the line that puts a caret under that column; tabs are kept, so that it lines up in any terminal
     */
    static String caret(String line, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
