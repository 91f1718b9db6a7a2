package dev.hotload.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.loop.Printable;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compile errors as compilers print them, whichever language made them. */
class CompileErrorsTest {

    private static final Path DIR = Path.of("/home/me/proj");
    private static final SourceText LIB = new SourceText(DIR.resolve("Lib.java"),
            "class Lib {\n\tint f() {\n\t\treturn missing;\n\t}\n}\n");

    @Test
    void javacsHeaderNamesTheLineAndTheCaretStandsUnderTheTabbedColumn() {
        CompileError error = CompileError.at(LIB, 3, 10, "cannot find symbol\n  symbol:   variable missing");

        assertThat(CompileErrors.report(List.of(error), CompileErrors.Header.LINE, DIR)).isEqualTo("""
                Lib.java:3: error: cannot find symbol
                \t\treturn missing;
                \t\t       ^
                  symbol:   variable missing
                1 error
                """);
    }

    @Test
    void aFileNameWithANewlineStaysOnTheErrorsLine() {
        CompileError error = CompileError.in(DIR.resolve("odd\nhotload: forged.java"), "cannot read it: no");

        assertThat(CompileErrors.report(List.of(error), CompileErrors.Header.LINE, DIR))
                .isEqualTo("odd\\nhotload: forged.java: error: cannot read it: no\n1 error\n");
    }

    @Test
    void sourcesThatCannotBeReadAreALineOfHotloadsEachNamingTheFileAndWhy() {
        List<CompileError> unreadable = List.of(
                CompileError.unreadable(DIR.resolve("Lib.java"), new AccessDeniedException(DIR.resolve("Lib.java").toString())),
                CompileError.unreadable(DIR.resolve("util/Text.java"), new MalformedInputException(1)));

        assertThat(CompileErrors.unreadable(unreadable, DIR)).isEqualTo("""
                hotload: cannot read Lib.java: permission denied
                hotload: cannot read util/Text.java: it is not valid UTF-8 text
                """);
    }

    @Test
    void aHeaderWithColumnsNamesTheColumnToo() {
        SourceText script = new SourceText(DIR.resolve("scripts/lib.groovy"), "println 'a'\ndef x = (1 + \n");

        assertThat(CompileErrors.report(List.of(CompileError.at(script, 2, 12, "Unexpected input: '+'")),
                CompileErrors.Header.LINE_AND_COLUMN, DIR)).isEqualTo("""
                scripts/lib.groovy:2:12: error: Unexpected input: '+'
                def x = (1 +\s
                           ^
                1 error
                """);
    }

    @Test
    void errorsWithoutAPlaceSayWhatTheyCanAndAreCounted() {
        List<CompileError> errors = List.of(CompileError.of("General error during conversion"),
                CompileError.in(Path.of("/elsewhere/B.java"), "cannot read it: it is not valid UTF-8 text"));

        assertThat(CompileErrors.report(errors, CompileErrors.Header.LINE, DIR)).isEqualTo("""
                error: General error during conversion
                /elsewhere/B.java: error: cannot read it: it is not valid UTF-8 text
                2 errors
                """);
    }

    @Test
    void anAllNulSourceIsOneShortErrorWithItsCharactersEscaped() {
        SourceText nul = new SourceText(DIR.resolve("Lib.java"), "\u0000".repeat(10_000));
        List<CompileError> errors = java.util.stream.IntStream.range(0, 100)
                .mapToObj(column -> CompileError.at(nul, 1, column + 1, "illegal character: '\\u0000'"))
                .toList();

        String report = CompileErrors.report(errors, CompileErrors.Header.LINE, DIR);

        assertThat(report).isEqualTo("Lib.java:1: error: illegal character: '\\u0000'\n"
                + "\\x00".repeat(Printable.WIDTH / 4) + "... (10,000 characters)\n"
                + "^\n"
                + "(and 99 more like it on that line)\n"
                + "100 errors\n");
    }
}
