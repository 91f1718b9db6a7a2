package dev.hotload.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a real terminal hotload clears the screen before each run, unless told not to; in a pipe it never does. */
class TerminalIT {

    /** Home, erase the screen, erase the scrollback. */
    private static final String CLEAR = "\033[H\033[2J\033[3J";

    @TempDir
    Path dir;

    @BeforeEach
    void program() throws IOException {
        Files.writeString(dir.resolve("lib.py"), "print('Result: 25')\n");
    }

    @Test
    void aTerminalIsClearedBeforeTheRun() throws Exception {
        String screen = inTerminal(Map.of(), "--once", "lib.py");
        assertThat(screen).contains(CLEAR + "Result: 25");
    }

    @Test
    void noClearAndItsEnvironmentVariableKeepTheScrollback() throws Exception {
        assertThat(inTerminal(Map.of(), "--no-clear", "--once", "lib.py")).contains("Result: 25").doesNotContain(CLEAR);
        assertThat(inTerminal(Map.of("HOTLOAD_NO_CLEAR", "HOTLOAD_NO_CLEAR"), "--once", "lib.py"))
                .contains("Result: 25").doesNotContain(CLEAR);
    }

    @Test
    void aPipeIsNeverCleared() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "lib.py")) {
            assertThat(hotload.awaitExit(HotloadProcess.START)).isZero();
            assertThat(hotload.stdoutLines()).containsExactly("Result: 25");
        }
    }

    /** Runs bin/hotload under script(1), which gives it a pseudo-terminal, and returns what it printed. */
    private String inTerminal(Map<String, String> env, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the test a terminal");
        String command = HotloadProcess.home().resolve("bin/hotload") + " " + String.join(" ", args);
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", command, "/dev/null"))
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLOAD_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(HotloadProcess.START.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
