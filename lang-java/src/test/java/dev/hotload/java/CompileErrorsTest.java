package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.compiled.CompileErrors;
import dev.hotload.compiled.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac's errors, printed as javac prints them. */
class CompileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aMultiLineMessageHasTheSourceLineAfterItsFirstLineAndTheCaretUnderTheTabbedColumn() throws Exception {
        String printed = printedErrors("Lib.java", "class Lib {\n\tint f() {\n\t\treturn missing;\n\t}\n}\n");

        assertThat(printed).isEqualTo("""
                Lib.java:3: error: cannot find symbol
                \t\treturn missing;
                \t\t       ^
                  symbol:   variable missing
                  location: class Lib
                1 error
                """);
    }

    @Test
    void errorsInSeveralFilesAreCounted() throws Exception {
        Files.writeString(dir.resolve("A.java"), "class A { int x = \"text\"; }");
        String printed = printedErrors("B.java", "class B { void f() { undefined(); } }");

        assertThat(printed).contains("A.java:1: error: incompatible types", "B.java:1: error: cannot find symbol")
                .endsWith("2 errors\n");
    }

    private String printedErrors(String name, String source) throws Exception {
        Files.writeString(dir.resolve(name), source);
        List<SourceText> sources;
        try (var files = Files.list(dir)) {
            sources = files.sorted().map(path -> {
                try {
                    return SourceText.read(path);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        JavacCompiler compiler = JavacCompiler.start(List.of());
        try {
            return CompileErrors.report(compiler.compile(sources, Map.of(), Set.of()).errors(), compiler.errorHeader(), dir);
        } finally {
            compiler.close();
        }
    }
}
