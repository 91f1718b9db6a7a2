package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What hotload prints of a program that went wrong is short and true, whatever the program: exceptions whose
 * causes form a loop, whose {@code toString()} throws, sources of NUL bytes, modules too large for Jython. It
 * never loops, never shows hotload's own frames, and the session goes on.
 */
class TracesIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void causesThatFormALoopAreToldOnceAndOnceEnds(Lang lang) throws Exception {
        String loop = switch (lang) {
            // Python has no chained exceptions: a Java one, raised from Python.
            case PYTHON -> "from java.lang import RuntimeException\na = RuntimeException('first')\n"
                    + "b = RuntimeException('second', a)\na.initCause(b)\nraise a\n";
            case JAVA -> lang.statement("RuntimeException a = new RuntimeException(\"first\");"
                    + " RuntimeException b = new RuntimeException(\"second\", a); a.initCause(b); throw a;");
            case GROOVY -> lang.statement("def a = new RuntimeException('first'); def b = new RuntimeException('second', a);"
                    + " a.initCause(b); throw a");
        };
        List<String> err = once(lang, loop);

        assertThat(err).anyMatch(line -> line.contains("RuntimeException") && line.contains("first"));
        if (lang != Lang.PYTHON) {
            assertThat(err).contains("Caused by: [CIRCULAR REFERENCE: java.lang.RuntimeException: first]");
        }
        assertShortAndOwnFramesHidden(err);
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"JAVA", "GROOVY"})
    void suppressedExceptionsAreShownAndTheirLoopsToldOnce(Lang lang) throws Exception {
        String code = "RuntimeException main = new RuntimeException(\"main\");"
                + " RuntimeException closing = new RuntimeException(\"closing\");"
                + " main.addSuppressed(closing); closing.addSuppressed(main); throw main;";
        List<String> err = once(lang, lang.statement(code));

        assertThat(err).contains("\tSuppressed: java.lang.RuntimeException: closing",
                "\t\tSuppressed: [CIRCULAR REFERENCE: java.lang.RuntimeException: main]");
        assertShortAndOwnFramesHidden(err);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anExceptionWhoseTextCannotBeMadeIsShownByItsClass(Lang lang) throws Exception {
        String program = switch (lang) {
            case PYTHON -> "class Unprintable(Exception):\n    def __str__(self):\n        raise ValueError('no text')\n"
                    + "raise Unprintable()\n";
            case JAVA -> "public class Lib {\n    static class Unprintable extends RuntimeException {\n"
                    + "        @Override public String toString() { throw new IllegalStateException(\"no text\"); }\n    }\n"
                    + "    public static void main(String[] args) {\n        throw new Unprintable();\n    }\n}\n";
            case GROOVY -> "class Unprintable extends RuntimeException {\n"
                    + "    String toString() { throw new IllegalStateException('no text') }\n}\nthrow new Unprintable()\n";
        };
        List<String> err = once(lang, program);

        assertThat(err).anyMatch(line -> line.contains("Unprintable") && (line.contains("its toString() threw")
                || line.contains("<exception str() failed>")));
        assertShortAndOwnFramesHidden(err);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anAllNulSourceIsAShortErrorAndTheNextSaveRuns(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.write(entry, new byte[10_000]);
            hotload.awaitErr(lang.entry + " changed, failed in", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);

            String err = String.join("\n", hotload.stderrLines());
            assertThat(err).doesNotContain("\u0000").contains("\\x00");
            assertThat(err.length()).isLessThan(2_000);
        }
    }

    @Test
    void aPythonModuleTooLargeForJythonIsOneLine() throws Exception {
        StringBuilder module = new StringBuilder("def f():\n");
        for (int i = 0; i < 20_000; i++) {
            module.append("    x").append(i).append(" = ").append(i).append('\n');
        }
        List<String> err = once(Lang.PYTHON, module.append("f()\n").toString());

        assertThat(err).containsExactly("hotload: lib.py is too large for Jython to compile (the JVM allows 64 KB of code"
                + " per function, the module's own code included): split its long functions",
                err.get(1));
        assertThat(err.get(1)).startsWith("hotload: the program failed in").endsWith("(too large)");
    }

    /** @return what {@code hotload --once} printed on standard error running {@code program}, which fails */
    private List<String> once(Lang lang, String program) throws Exception {
        Files.writeString(dir.resolve(lang.entry), program);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", lang.entry)) {
            assertThat(hotload.awaitExit(START)).isEqualTo(1);
            return hotload.stderrLines();
        }
    }

    private static void assertShortAndOwnFramesHidden(List<String> err) {
        assertThat(err).hasSizeLessThan(30).noneMatch(line -> line.contains("at dev.hotload"))
                .noneMatch(line -> line.contains("at picocli"));
        assertThat(err.get(err.size() - 1)).startsWith("hotload: the program failed in");
    }
}
