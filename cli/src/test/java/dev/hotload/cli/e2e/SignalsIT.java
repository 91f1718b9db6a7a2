package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C and SIGTERM end hotload promptly, also while the program runs and ignores interrupts, and run its
 * cleanup hooks once: {@code atexit} for Python, {@code Hotload.onUnload} for Java and Groovy.
 */
@Isolated
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

    /**
     * A signal during start-up: "watching" is said just before the first compile (javac's, Groovy's) or the first
     * import (Jython's, on an interpreter still warming up), so the signal comes while hotload is starting.
     */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void ctrlCAndSigtermDuringStartUpEndHotloadPromptlyWithoutATrace(Lang lang) throws Exception {
        Files.writeString(dir.resolve(lang.entry), lang.statement(lang == Lang.PYTHON ? "print('started')"
                : lang == Lang.JAVA ? "System.out.println(\"started\");" : "println 'started'"));
        for (boolean interrupt : new boolean[] {true, false}) {
            try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
                hotload.awaitErr("watching", START);
                if (interrupt) {
                    hotload.interrupt();
                } else {
                    hotload.terminate();
                }
                assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(interrupt ? 130 : 143);
                assertThat(hotload.stderrLines()).anyMatch(line -> line.startsWith("hotload: stopped"))
                        .noneMatch(line -> line.contains("\tat ") || line.contains("Exception"));
            }
        }
    }

    /** A program may handle Ctrl-C itself while it is the one running; the save that replaces it gives it back. */
    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"PYTHON", "JAVA"}) // Groovy finds no sun.misc.Signal constructor
    void ctrlCThatAReplacedProgramHandledItselfEndsHotloadAgain(Lang lang) throws Exception {
        Path entry = dir.resolve(lang.entry);
        Files.writeString(entry, lang.statement(switch (lang) {
            case PYTHON -> "import signal\ndef handler(number, frame):\n    print('program got %d' % number)\n"
                    + "signal.signal(signal.SIGINT, handler)\nprint('handling')";
            case JAVA -> "sun.misc.Signal.handle(new sun.misc.Signal(\"INT\"), s -> System.out.println(\"program got \" + s));\n"
                    + "        System.out.println(\"handling\");";
            case GROOVY -> throw new IllegalArgumentException("not for Groovy");
        }));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("handling", START);
            hotload.awaitErr("hotload: started", RELOAD);
            Files.writeString(entry, lang.statement(lang == Lang.PYTHON ? "print('plain')"
                    : lang == Lang.JAVA ? "System.out.println(\"plain\");" : "println 'plain'"));
            hotload.awaitOut("plain", RELOAD);
            hotload.awaitErr("reloaded", RELOAD);
            hotload.interrupt();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(130);
            assertThat(hotload.stdoutLines()).containsExactly("handling", "plain");
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
