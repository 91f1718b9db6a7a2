package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In a real terminal hotload clears the screen before each run, unless told not to, and keeps its status line
 * on screen and the user's scrollback; in a pipe it never clears.
 */
@Isolated
class TerminalIT {

    /** Home, erase the screen. */
    private static final String CLEAR = "\033[H\033[2J";
    /** Erase the scrollback: what the user ran before hotload is theirs. */
    private static final String ERASE_SCROLLBACK = "\033[3J";

    @TempDir
    Path dir;

    @BeforeEach
    void program() throws IOException {
        Files.writeString(dir.resolve("lib.py"), "print('Result: 25')\n");
    }

    @Test
    void aTerminalIsClearedBeforeTheRunButItsScrollbackIsKept() throws Exception {
        String screen = inTerminal(Map.of(), "--once", "lib.py");
        assertThat(screen).contains(CLEAR + "Result: 25").doesNotContain(ERASE_SCROLLBACK);
    }

    @Test
    void theWatchingLineComesAfterTheFirstClearAndEachSaveClearsAgain() throws Exception {
        try (TerminalProcess hotload = TerminalProcess.start(dir, Map.of(), "hotload", "lib.py")) {
            String first = hotload.await("hotload: started", START);
            assertThat(first).containsOnlyOnce(CLEAR);
            assertThat(first.substring(first.indexOf(CLEAR))).startsWith(CLEAR + "hotload: watching ")
                    .containsOnlyOnce("Result: 25");

            Files.writeString(dir.resolve("lib.py"), "print('Result: 32')\n");
            String second = hotload.await("lib.py changed, reloaded", RELOAD);
            assertThat(second.substring(second.lastIndexOf(CLEAR))).startsWith(CLEAR + "Result: 32");
            assertThat(second).doesNotContain(ERASE_SCROLLBACK);
        }
    }

    @Test
    void noClearAndItsEnvironmentVariableKeepTheScreen() throws Exception {
        assertThat(inTerminal(Map.of(), "--no-clear", "--once", "lib.py")).contains("Result: 25").doesNotContain(CLEAR);
        assertThat(inTerminal(Map.of("HOTLOAD_NO_CLEAR", "HOTLOAD_NO_CLEAR"), "--once", "lib.py"))
                .contains("Result: 25").doesNotContain(CLEAR);
    }

    @Test
    void aPipeIsNeverCleared() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "lib.py")) {
            assertThat(hotload.awaitExit(START)).isZero();
            assertThat(hotload.stdoutLines()).containsExactly("Result: 25");
        }
    }

    /**
     * The Python API's launch script, with ClearTerminal first as in the README: the screen shows hotload's
     * watching line, then the module's output once (its import printed it too, before the clear).
     */
    @Test
    void thePythonApisClearTerminalKeepsTheWatchingLineAndTheOutputOnce() throws Exception {
        Path examples = HotloadProcess.home().resolve("examples/python");
        Files.copy(examples.resolve("launch.py"), dir.resolve("launch.py"));
        Files.copy(examples.resolve("lib.py"), dir.resolve("lib.py"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (TerminalProcess jython = TerminalProcess.start(dir, Map.of(), "jython", "launch.py")) {
            String screen = jython.await("hotload: started", START);
            assertThat(screen).containsOnlyOnce(CLEAR).doesNotContain(ERASE_SCROLLBACK);
            assertThat(screen.substring(screen.indexOf(CLEAR))).startsWith(CLEAR + "hotload: watching ")
                    .containsOnlyOnce("Result: 25");
        }
    }

    /** Runs bin/hotload in a terminal to its end, and returns what it printed. */
    private String inTerminal(Map<String, String> env, String... args) throws Exception {
        try (TerminalProcess hotload = TerminalProcess.start(dir, env, "hotload", args)) {
            assertThat(hotload.awaitExit(START)).isZero();
            return hotload.text();
        }
    }
}
