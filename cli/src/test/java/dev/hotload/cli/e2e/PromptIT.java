package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code hotload --repl} in a terminal, as a user works: type a line, save a file, type again and see the new
 * code's answer; the program's output above the prompt; Ctrl-C and Ctrl-D.
 */
@Isolated
class PromptIT {

    /** JShell's first start in a cold JVM takes seconds. */
    private static final Duration FIRST_EVALUATION = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** A history and a sockets' folder of its own, in the test's folder: never the user's. */
    private Map<String, String> env() throws IOException {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        return Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_RUNTIME_DIR", runtime.toString());
    }

    @Test
    void pythonAfterASaveThePromptCallsTheNewFunctionAndKeepsItsOwnVariables() throws Exception {
        Path lib = dir.resolve("lib.py");
        // No final newline, as most editors save.
        Files.writeString(lib, "def greet(n):\n    return 'hi ' + n\nprint(greet('start'))");
        try (TerminalProcess hotload = TerminalProcess.start(dir, env(), "hotload", "--repl", "lib.py")) {
            assertThat(hotload.await(">>> ", START)).contains("hi start", "Ctrl-D on an empty line ends hotload");
            hotload.type("kept = 'you'\n");
            hotload.type("greet(kept)\n");
            hotload.await("'hi you'", RELOAD);

            Files.writeString(lib, "def greet(n):\n    return 'hello ' + n\nprint(greet('saved'))");
            hotload.await("lib.py changed", RELOAD);
            hotload.type("greet(kept)\n");
            hotload.await("'hello you'", RELOAD);

            hotload.type("\u0004");
            assertThat(hotload.awaitExit(RELOAD)).isZero();
        }
        // The lines typed are kept for the next session, in a folder only the user can read.
        Path history = Files.list(dir.resolve("state/hotload/history")).findFirst().orElseThrow();
        assertThat(Files.readString(history)).contains("greet(kept)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void javaSnippetsSeeTheProgramsClassesAsTheLastSaveLeftThem() throws Exception {
        Path lib = dir.resolve("Lib.java");
        Files.writeString(lib, """
                public class Lib {
                    static int twice(int n) { return 2 * n; }
                    public static void main(String[] args) { System.out.println("twice 21 = " + twice(21)); }
                }""");
        try (TerminalProcess hotload = TerminalProcess.start(dir, env(), "hotload", "-i", "Lib.java")) {
            hotload.await("jshell> ", START);
            hotload.type("int x = 7;\n");
            hotload.await("x ==> 7", FIRST_EVALUATION);
            hotload.type("Lib.twice(x)\n");
            hotload.await("==> 14", RELOAD);

            Files.writeString(lib, Files.readString(lib).replace("2 * n", "20 * n"));
            hotload.await("twice 21 = 420", RELOAD);
            hotload.type("Lib.twice(x)\n");
            hotload.await("==> 140", RELOAD);

            hotload.type("System.exit(3);\n");
            assertThat(hotload.awaitExit(RELOAD)).isEqualTo(3);
        }
    }

    @Test
    void groovyLinesRunInTheScriptsBindingWithTheProgramsClassesOfTheLastSave() throws Exception {
        Path greeter = dir.resolve("Greeter.groovy");
        Files.writeString(greeter, "class Greeter {\n    String greet(String n) { 'hi ' + n }\n}\n");
        Files.writeString(dir.resolve("main.groovy"), "name = 'script'\nprintln new Greeter().greet(name)\n");
        try (TerminalProcess hotload = TerminalProcess.start(dir, env(), "hotload", "--repl", "main.groovy")) {
            assertThat(hotload.await("groovy> ", START)).contains("hi script");
            hotload.type("new Greeter().greet(name.reverse())\n");
            hotload.await("===> hi tpircs", RELOAD);

            Files.writeString(greeter, "class Greeter {\n    String greet(String n) { 'hello ' + n }\n}\n");
            hotload.await("hello script", RELOAD);
            hotload.type("new Greeter().greet(name.reverse())\n");
            hotload.await("===> hello tpircs", RELOAD);

            hotload.type("\u0004");
            assertThat(hotload.awaitExit(RELOAD)).isZero();
        }
    }

    @Test
    void ctrlCStopsAnEvaluationOrCancelsTheLineAndHotloadGoesOn() throws Exception {
        Files.writeString(dir.resolve("slow.py"), "import time\n");
        try (TerminalProcess hotload = TerminalProcess.start(dir, env(), "hotload", "--repl", "slow.py")) {
            hotload.await(">>> ", START);
            hotload.type("print('sl' + 'eeping'); time.sleep(600)\n");
            hotload.await("sleeping", RELOAD);
            hotload.type("\u0003");
            hotload.await("hotload: evaluation stopped", RELOAD);

            hotload.type("'never' + 'run'");
            hotload.await("'never' + 'run'", RELOAD);
            hotload.type("\u0003");
            hotload.type("6 * 7\n");
            hotload.await("42\r\n", RELOAD);

            // Ctrl-C killed the line editor's stty(1) once, which printed a stack trace and ended its input.
            assertThat(hotload.text()).doesNotContain("neverrun").doesNotContain("\tat ");
            hotload.type("\u0004");
            assertThat(hotload.awaitExit(RELOAD)).as(hotload::text).isZero();
        }
    }

    @Test
    void sigtermAtThePromptEndsHotloadWithItsLastLineAndGivesTheTerminalBack() throws Exception {
        Files.writeString(dir.resolve("idle.py"), "x = 1");
        try (TerminalProcess hotload = TerminalProcess.start(dir, env(), "hotload", "--repl", "idle.py", "; stty -a")) {
            hotload.await(">>> ", START);
            hotload.type("x +");
            hotload.await("x +", RELOAD);
            hotload.terminateJvm();

            hotload.await("hotload: stopped", RELOAD);
            assertThat(hotload.awaitExit(RELOAD)).isZero(); // stty's
            // The modes the shell had: lines, echo and signals, none turned off ("-icanon").
            assertThat(hotload.text()).containsPattern("(^|\\s)icanon\\s").containsPattern("(^|\\s)isig\\s")
                    .containsPattern("(^|\\s)echo\\s");
        }
    }

    @Test
    void whatTheProgramPrintsWhileALineIsTypedShowsAboveItAndTheLineStaysWhole() throws Exception {
        Files.writeString(dir.resolve("ticks.py"), """
                import threading, time
                def tick():
                    n = 0
                    while True:
                        n += 1
                        print('tick %d' % n)
                        time.sleep(0.2)
                t = threading.Thread(target=tick)
                t.daemon = True
                t.start()
                """);
        try (TerminalProcess hotload = TerminalProcess.start(dir, env(), "hotload", "--repl", "ticks.py")) {
            hotload.await(">>> ", START);
            hotload.type("'ab' +");
            int ticks = hotload.count("tick ");
            hotload.await("tick ", ticks + 2, RELOAD);
            hotload.type(" 'cd'\n");

            hotload.await("'abcd'", RELOAD);
        }
    }

    @Test
    void withoutATerminalRepLSaysWhyAndExitsWithStatus2() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "print('x')\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--repl", "lib.py")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines())
                    .containsExactly("hotload: --repl needs a terminal: standard input and output must be one");
            assertThat(hotload.stdoutLines()).isEmpty();
        }
    }
}
