package dev.hotload.groovy;

import dev.hotload.jvm.CompilerOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shows Groovy's compile errors as compilers do: {@code hello.groovy:3:9: error: ...}, the line, a caret. */
final class CompileErrors {

    private CompileErrors() {
    }

    /**
     * @param errors the compile's errors
     * @param sources the compiled sources' text, for the lines shown
     * @param workingDir file names are shown relative to it when they are under it, as the user typed them
     * @return the errors, and their count
     */
    static String report(List<CompileError> errors, Map<Path, SourceText> sources, Path workingDir) {
        return CompilerOutput.report(errors.stream().map(error -> format(error, sources.get(error.file()), workingDir)).toList());
    }

    /** @return one error: where, what, and the source line with a caret under the column */
    static String format(CompileError error, SourceText source, Path workingDir) {
        StringBuilder text = new StringBuilder();
        if (error.file() != null) {
            text.append(CompilerOutput.fileName(error.file(), workingDir));
            if (error.line() > 0) {
                text.append(':').append(error.line());
                if (error.column() > 0) {
                    text.append(':').append(error.column());
                }
            }
            text.append(": ");
        }
        text.append("error: ").append(error.message());
        if (source != null && error.line() > 0) {
            String line = source.line(error.line());
            text.append('\n').append(line).append('\n').append(CompilerOutput.caret(line, error.column() - 1));
        }
        return text.toString();
    }
}
