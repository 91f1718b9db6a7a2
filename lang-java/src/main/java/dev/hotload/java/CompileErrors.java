package dev.hotload.java;

import dev.hotload.jvm.CompilerOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Shows javac's errors the way javac does: {@code Lib.java:3: error: ';' expected}, the line, a caret. */
final class CompileErrors {

    private CompileErrors() {
    }

    /**
     * @param errors javac's errors
     * @param workingDir file names are shown relative to it when they are under it, as the user typed them
     * @return the errors as javac prints them, and their count
     */
    static String report(List<Diagnostic<? extends JavaFileObject>> errors, Path workingDir) {
        return CompilerOutput.report(errors.stream().map(error -> format(error, workingDir)).toList());
    }

    /** @return one error as javac prints it: the message's first line, the source line and a caret, the rest */
    static String format(Diagnostic<? extends JavaFileObject> error, Path workingDir) {
        String[] message = error.getMessage(Locale.getDefault()).split("\\R", 2);
        StringBuilder text = new StringBuilder();
        if (error.getSource() instanceof SourceFile source) {
            text.append(CompilerOutput.fileName(source.path(), workingDir))
                    .append(':').append(error.getLineNumber()).append(": ");
        }
        text.append("error: ").append(message[0]);
        if (error.getSource() instanceof SourceFile source && error.getPosition() != Diagnostic.NOPOS) {
            String line = source.lineAt(error.getPosition());
            text.append('\n').append(line)
                    .append('\n').append(CompilerOutput.caret(line, source.columnOf(error.getPosition())));
        }
        if (message.length > 1) {
            text.append('\n').append(message[1]);
        }
        return text.toString();
    }
}
