package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad code never ends the session, in any language: each kind of failure prints a clear message, and the
 * next good save runs.
 */
class BadCodeIT {

    /** A busy loop that ignores its interrupt is stopped 2 s after the save that replaces it. */
    private static final Duration STOPPED = RELOAD.plusSeconds(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aSyntaxErrorIsShownWhereItIs(Lang lang) throws Exception {
        String broken = switch (lang) {
            case PYTHON -> "x = (1 +\n";
            case JAVA -> "public class Lib { void f() { int x = 1 } }\n";
            case GROOVY -> "def x = (1 +\n";
        };
        assertRecovers(lang, broken, lang == Lang.PYTHON ? "SyntaxError" : "error:", "failed in");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aMissingModuleOrClassIsNamed(Lang lang) throws Exception {
        // Python imports as it runs: "failed in ...", or "lib.py failed (...)" from a run that outlasted 500 ms.
        assertRecovers(lang, lang.statement(lang.missingName()),
                lang == Lang.PYTHON ? "No module named nowhere_to_be_found" : "NowhereToBeFound", "failed");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void endlessRecursionIsToldInAFewLines(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(lang.recursion()));
            hotload.awaitErr("repeated", RELOAD);
            // "failed in ...", or "lib.py failed (...)" from a run that outlasted the first half second.
            hotload.awaitErr("failed", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            awaitReloaded(hotload, lang);
            assertThat(hotload.stderrLines().size()).isLessThan(40);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void runningOutOfMemoryEndsTheRunNotTheSession(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        Map<String, String> smallHeap = Map.of("HOTLOAD_JAVA_OPTS", "-Xmx160m");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", smallHeap, "hotload", "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(lang.allocateForever()));
            hotload.awaitErr(lang == Lang.PYTHON ? "MemoryError" : "OutOfMemoryError", START);
            // "failed in ...", or "lib.py failed (...)" from a run that outlasted the first half second.
            hotload.awaitErr("failed", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aSourceThatIsNotUtf8SaysSo(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            byte[] latin1 = lang.statement(lang == Lang.JAVA ? "System.out.println(\"caf\u00e9\");" : "print('caf\u00e9')")
                    .getBytes(StandardCharsets.ISO_8859_1);
            Files.write(entry, latin1);
            hotload.awaitErr(lang == Lang.PYTHON ? "SyntaxError: byte 0xe9 is not UTF-8" : "not valid UTF-8", RELOAD);
            hotload.awaitErr("failed in", RELOAD);
            if (lang == Lang.PYTHON) {
                // UTF-8 without a coding line runs, as in Python 3; Python 3 syntax is named as such.
                Files.writeString(entry, "print('Result: caf\u00e9')\n");
                hotload.awaitOut("Result: caf\u00e9", RELOAD);
                Files.writeString(entry, "x = 2\nprint(f'Result: {x}')\n");
                hotload.awaitErr("hotload: hotload runs Python 2.7 (Jython): f-strings are Python 3", RELOAD);
                hotload.awaitErr("failed in", RELOAD);
                assertThat(hotload.stderrLines()).anyMatch(line -> line.endsWith("/" + lang.entry + "\", line 2"))
                        .noneMatch(line -> line.contains("line None") || line.contains("<string>"));
            }
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            awaitReloaded(hotload, lang);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("\tat dev.hotload"));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anEntryDeletedThenRestoredRunsAgain(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.delete(entry);
            hotload.awaitErr("hotload: " + lang.entry + " deleted; waiting for it to come back", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aRunThatNeverEndsIsStoppedByTheNextSave(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(lang.busyLoop()));
            hotload.awaitErr("is still running after 500 ms", RELOAD);
            // The busy run's own status line follows; awaited, so that the next await finds the next save's.
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", STOPPED);
            // A busy loop checks no interrupt, in any language (Jython's included): it is stopped 2 s later,
            // and the session goes on, its output and hotload's own lines with it.
            assertThat(hotload.awaitErr("did not end within", RELOAD)).endsWith("stopped it");
            awaitReloaded(hotload, lang);
            assertThat(hotload.stderrLines()).filteredOn(line -> line.contains("did not end within")).hasSize(1);
            Files.writeString(entry, lang.program(2));
            hotload.awaitOut("Result: 2", RELOAD);
            awaitReloaded(hotload, lang);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aRunThatPrintsForeverIsStoppedAndTheSessionIsStillHeard(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(lang.printingLoop()));
            hotload.awaitOut("tick", RELOAD);
            hotload.awaitErr("is still running after 500 ms", RELOAD);
            awaitReloaded(hotload, lang);
            // Stopped while it prints: its output channel must not take the process's streams with it.
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", STOPPED);
            awaitReloaded(hotload, lang);
            Files.writeString(entry, lang.program(2));
            hotload.awaitOut("Result: 2", RELOAD);
            awaitReloaded(hotload, lang);
        }
    }

    /**
     * Awaits the status line of the save that ran the program again (a still-running Java or Groovy program is
     * restarted): standard error is read on a thread of its own, and may lag behind standard output, but once
     * that line is read, so is every line hotload wrote before it.
     */
    private static void awaitReloaded(HotloadProcess hotload, Lang lang) throws InterruptedException {
        hotload.awaitRunAgain(lang.entry, RELOAD);
    }

    /** Saves {@code broken}, awaits each of {@code expected} on standard error, then a good save's output. */
    private void assertRecovers(Lang lang, String broken, String... expected) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, broken);
            for (String line : expected) {
                hotload.awaitErr(line, RELOAD);
            }
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            awaitReloaded(hotload, lang);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("\tat dev.hotload"));
        }
    }
}
