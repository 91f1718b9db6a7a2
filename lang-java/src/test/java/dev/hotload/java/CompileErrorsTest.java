package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.compiled.CompileErrors;
import dev.hotload.compiled.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each compiler's errors, printed as javac prints them: where, what, the source line and a caret. ECJ's messages
 * are its own words, but for a syntax error, which it says in javac's.
 */
class CompileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void javacsMultiLineMessageHasTheSourceLineAfterItsFirstLineAndTheCaretUnderTheTabbedColumn() {
        String printed = printedErrors(JavaCompilerKind.JAVAC, "Lib.java", "class Lib {\n\tint f() {\n\t\treturn missing;\n\t}\n}\n");

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
    void ecjsUnknownSymbolHasTheCaretUnderTheTabbedColumn() {
        String printed = printedErrors(JavaCompilerKind.ECJ, "Lib.java", "class Lib {\n\tint f() {\n\t\treturn missing;\n\t}\n}\n");

        assertThat(printed).isEqualTo("""
                Lib.java:3: error: missing cannot be resolved to a variable
                \t\treturn missing;
                \t\t       ^
                1 error
                """);
    }

    @ParameterizedTest
    @EnumSource(JavaCompilerKind.class)
    void aMissingSemicolonIsExpectedAfterTheTokenThatWantsIt(JavaCompilerKind kind) {
        String printed = printedErrors(kind, "Lib.java", "class Lib {\n    void f() {\n        int x = 3\n    }\n}\n");

        assertThat(printed).isEqualTo("""
                Lib.java:3: error: ';' expected
                        int x = 3
                                 ^
                1 error
                """);
    }

    @ParameterizedTest
    @EnumSource(JavaCompilerKind.class)
    void aTypeMismatchNamesBothTypes(JavaCompilerKind kind) {
        String printed = printedErrors(kind, "Lib.java", "class Lib {\n    int x = \"text\";\n}\n");

        assertThat(printed).startsWith("Lib.java:2: error: " + switch (kind) {
            case JAVAC -> "incompatible types: java.lang.String cannot be converted to int";
            case ECJ -> "Type mismatch: cannot convert from java.lang.String to int";
        } + "\n    int x = \"text\";\n            ^\n");
    }

    @ParameterizedTest
    @EnumSource(JavaCompilerKind.class)
    void aMissingReturnIsShownWhereTheCompilerPlacesIt(JavaCompilerKind kind) {
        String printed = printedErrors(kind, "Lib.java", "class Lib {\n    int f(boolean b) {\n        if (b) { return 1; }\n    }\n}\n");

        assertThat(printed).isEqualTo(switch (kind) {
            case JAVAC -> "Lib.java:4: error: missing return statement\n    }\n    ^\n";
            case ECJ -> "Lib.java:2: error: This method must return a result of type int\n    int f(boolean b) {\n        ^\n";
        } + "1 error\n");
    }

    @ParameterizedTest
    @EnumSource(JavaCompilerKind.class)
    void anUnknownMethodAndClassAreNamed(JavaCompilerKind kind) {
        String printed = printedErrors(kind, "Lib.java", "class Lib {\n    void f() {\n        undefined();\n        new Nope();\n    }\n}\n");

        assertThat(printed).contains(switch (kind) {
            case JAVAC -> List.of("Lib.java:3: error: cannot find symbol", "symbol:   method undefined()",
                    "Lib.java:4: error: cannot find symbol", "symbol:   class Nope");
            case ECJ -> List.of("Lib.java:3: error: The method undefined() is undefined for the type Lib",
                    "Lib.java:4: error: Nope cannot be resolved to a type");
        }).endsWith("2 errors\n");
    }

    @ParameterizedTest
    @EnumSource(JavaCompilerKind.class)
    void errorsInSeveralFilesAreCounted(JavaCompilerKind kind) throws Exception {
        Files.writeString(dir.resolve("A.java"), "class A { int x = \"text\"; }");
        String printed = printedErrors(kind, "B.java", "class B { void f() { undefined(); } }");

        assertThat(printed).startsWith("A.java:1: error: ").contains("\nB.java:1: error: ").endsWith("2 errors\n");
    }

    private String printedErrors(JavaCompilerKind kind, String name, String source) {
        try {
            Files.writeString(dir.resolve(name), source);
            List<SourceText> sources;
            try (var files = Files.list(dir)) {
                sources = files.sorted().map(CompileErrorsTest::read).toList();
            }
            JavaToolsCompiler compiler = JavaToolsCompiler.start(kind, List.of());
            try {
                return CompileErrors.report(compiler.compile(sources, Map.of(), Set.of()).errors(), compiler.errorHeader(),
                        dir);
            } finally {
                compiler.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceText read(Path path) {
        try {
            return SourceText.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
