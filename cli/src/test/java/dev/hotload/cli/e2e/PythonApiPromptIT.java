package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The Python API's prompt under {@code bin/jython}, as a user works: {@code hotload.hotload(..., repl=True)} in a
 * launch script, and {@code hotload.prompt()} opened on demand by a host's script; type a line, save the module,
 * type again and see the new code's answer.
 */
@Isolated
class PythonApiPromptIT {

    private static final String CLEAR = "\033[H\033[2J";
    private static final String LIB = "def greet(n):\n    return 'hi ' + n\nprint(greet('start'))\n";
    private static final String LIB_SAVED = "def greet(n):\n    return 'hello ' + n\nprint(greet('saved'))\n";

    @TempDir
    Path dir;

    /** A history of its own, in the test's folder: never the user's. */
    private Map<String, String> env() {
        return Map.of("XDG_STATE_HOME", dir.resolve("state").toString());
    }

    @Test
    void replTrueGivesAPromptInTheReloadedModuleThatSeesEverySaveAndCtrlDEndsTheLoop() throws Exception {
        Files.writeString(dir.resolve("lib.py"), LIB);
        // The README's launch script, ClearTerminal first, with repl=True.
        Files.writeString(dir.resolve("launch.py"), """
                import hotload
                hotload.hotload(
                    watch=[hotload.listfiles(".", ext=".py")],
                    steps=[hotload.ClearTerminal(), hotload.ReloadedPythonModule.from_module_name("lib")],
                    repl=True,
                )
                print("after the " + "loop")
                """);
        try (TerminalProcess jython = TerminalProcess.start(dir, env(), "jython", "launch.py")) {
            assertThat(jython.await(">>> ", START)).contains("hi start",
                    "hotload: watching 2 files (file events); Ctrl-C cancels a line, Ctrl-D on an empty line ends hotload");
            jython.type("kept = 'you'\n");
            jython.type("greet(kept)\n");
            jython.await("'hi you'", RELOAD);

            Files.writeString(dir.resolve("lib.py"), LIB_SAVED);
            jython.await("lib.py changed", RELOAD);
            jython.type("greet(kept)\n");
            jython.await("'hello you'", RELOAD);

            jython.type("\u0004");
            assertThat(jython.awaitExit(RELOAD)).isZero();
            // The loop ended as a KeyboardInterrupt ends it: hotload() returned, and the script went on.
            assertThat(jython.text()).contains("hotload: stopped", "after the loop", "hello saved")
                    .as("the prompt's screen is the user's: ClearTerminal does not clear it").doesNotContain(CLEAR);
        }
        Path history = Files.list(dir.resolve("state/hotload/history")).findFirst().orElseThrow();
        assertThat(history.getFileName().toString()).startsWith("python-");
        assertThat(Files.readString(history)).contains("greet(kept)");
    }

    @Test
    void aHostOpensThePromptOnDemandInAModuleOrItsOwnGlobalsAndSysExitEndsWithItsStatus() throws Exception {
        Files.writeString(dir.resolve("lib.py"), LIB);
        Files.writeString(dir.resolve("host.py"), """
                import hotload
                step = hotload.ReloadedPythonModule.from_module_name("lib")
                handle = hotload.start(watch=[["lib.py"]], steps=[step])
                hotload.prompt(step.module)
                print("first " + "prompt returned")
                handle.stop()
                tool = "the host's"
                hotload.prompt()
                """);
        try (TerminalProcess jython = TerminalProcess.start(dir, env(), "jython", "host.py")) {
            awaitAfter(jython, "hotload: a prompt in lib; Ctrl-C cancels a line, Ctrl-D on an empty line returns", ">>> ",
                    START);
            jython.type("greet('host')\n");
            jython.await("'hi host'", RELOAD);

            Files.writeString(dir.resolve("lib.py"), LIB_SAVED);
            jython.await("lib.py changed", RELOAD);
            jython.type("greet('host')\n");
            jython.await("'hello host'", RELOAD);
            jython.type("\u0004");
            jython.await("first prompt returned", RELOAD);

            awaitAfter(jython, "hotload: a prompt in __main__;", ">>> ", RELOAD);
            jython.type("tool\n");
            jython.await("\"the host's\"", RELOAD);
            jython.type("import sys; sys.exit(4)\n");
            assertThat(jython.awaitExit(RELOAD)).isEqualTo(4);
        }
    }

    /** Waits for {@code text} on the terminal after the last {@code marker}: a prompt after the line that opens it. */
    private static void awaitAfter(TerminalProcess terminal, String marker, String text, Duration timeout)
            throws InterruptedException {
        terminal.await(marker, timeout);
        await().atMost(timeout).until(() -> {
            String screen = terminal.text();
            return screen.indexOf(text, screen.lastIndexOf(marker)) >= 0;
        });
    }

    @Test
    void withoutATerminalReplTrueSaysSoInOneLineAndTheLoopRunsWithoutThePrompt() throws Exception {
        Files.writeString(dir.resolve("lib.py"), LIB);
        Files.writeString(dir.resolve("launch.py"), """
                import hotload
                hotload.hotload(watch=[["lib.py"]], steps=[hotload.ReloadedPythonModule.from_module_name("lib")],
                                repl=True)
                """);
        try (HotloadProcess jython = HotloadProcess.start(dir, "", env(), "jython", "launch.py")) {
            jython.awaitErr("hotload: started", START);
            Files.writeString(dir.resolve("lib.py"), LIB_SAVED);
            jython.awaitOut("hello saved", RELOAD);
            jython.interrupt();
            assertThat(jython.awaitExit(Duration.ofSeconds(2))).isEqualTo(130);
            assertThat(jython.stderrLines()).startsWith(
                    "hotload: repl=True needs a terminal: standard input and output must be one; running without the prompt",
                    "hotload: watching 1 file (file events); Ctrl-C stops");
            assertThat(jython.stdoutLines()).containsExactly("hi start", "hello saved");
        }
    }

    @Test
    void withoutATerminalPromptRaisesAnErrorTheHostCanCatch() throws Exception {
        Files.writeString(dir.resolve("host.py"), """
                import hotload
                try:
                    hotload.prompt()
                except hotload.NoTerminalError as error:
                    print("caught: %s" % error)
                """);
        try (HotloadProcess jython = HotloadProcess.start(dir, "", env(), "jython", "host.py")) {
            assertThat(jython.awaitExit(START)).isZero();
            assertThat(jython.stdoutLines())
                    .containsExactly("caught: hotload.prompt() needs a terminal: standard input and output must be one");
        }
    }
}
