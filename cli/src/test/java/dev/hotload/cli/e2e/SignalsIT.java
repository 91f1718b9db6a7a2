package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C and SIGTERM end hotload promptly, also while the program runs and ignores interrupts, and run its
 * cleanup hooks once: {@code atexit} for Python, {@code Hotload.onUnload} for Java and Groovy.
 */
class SignalsIT {

    /** Within a second, measured; more for a loaded machine's JVM to exit. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void ctrlCWhileTheProgramRunsEndsHotloadAndRunsTheCleanupOnce(Lang lang) throws Exception {
        try (HotloadProcess hotload = startBusy(lang)) {
            hotload.interrupt();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(130);
            assertEndedCleanly(hotload);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void sigtermDoesTheSame(Lang lang) throws Exception {
        try (HotloadProcess hotload = startBusy(lang)) {
            hotload.terminate();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(143);
            assertEndedCleanly(hotload);
        }
    }

    /** @return hotload running a program that registered its cleanup and then loops, ignoring interrupts */
    private HotloadProcess startBusy(Lang lang) throws Exception {
        String loop = lang == Lang.PYTHON ? "print('busy')\nwhile True:\n    pass\n"
                : lang == Lang.JAVA ? "        System.out.println(\"busy\");\n        while (true) { }\n"
                : "println 'busy'\nwhile (true) { }\n";
        Files.writeString(dir.resolve(lang.entry), lang.withCleanup("cleaned up", loop));
        HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry);
        hotload.awaitOut("busy", START);
        hotload.awaitErr("still running", RELOAD);
        return hotload;
    }

    private static void assertEndedCleanly(HotloadProcess hotload) {
        assertThat(hotload.stdoutLines()).containsExactly("busy", "cleaned up");
        assertThat(hotload.stderrLines()).contains("hotload: stopped")
                .noneMatch(line -> line.contains("\tat ") || line.contains("Exception"));
    }
}
