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
 * A hook that never returns holds nothing up for good: an {@code onUnload} hook gets a second before the next save
 * runs without it; the program's shutdown hooks get what is left of hotload's second to end, and are named. Nor
 * does a compile under way keep Ctrl-C from ending hotload promptly, with words that say what was going on.
 */
@Isolated
class HooksIT {

    /** Within a second, measured; more for a loaded machine's JVM to exit. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final String CUT_SHORT = "hotload: the program's shutdown hooks did not finish within 600 ms"
            + " (thread \"endless-hook\"); ending without them";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"JAVA", "GROOVY"})
    void anUnloadHookThatNeverReturnsIsNamedAndTheNextSaveRunsAfterASecond(Lang lang) throws Exception {
        String program = lang == Lang.JAVA
                ? "public class Lib {\n    public static void main(String[] args) {\n"
                        + "        dev.hotload.Hotload.onUnload(() -> { while (true) { } });\n"
                        + "        System.out.println(\"Result: 0\");\n    }\n}\n"
                : "dev.hotload.Hotload.onUnload { while (true) { } }\nprintln 'Result: 0'\n";
        Path entry = Files.writeString(dir.resolve(lang.entry), program);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
            assertThat(hotload.stderrLines()).anyMatch(line -> line.matches("hotload: the onUnload hook registered at "
                    + (lang == Lang.JAVA ? "Lib\\.main\\(Lib\\.java:3\\)" : ".*\\(lib\\.groovy:1\\)")
                    + " did not finish within 1000 ms; going on without it"));
            Files.writeString(entry, lang.program(2));
            hotload.awaitOut("Result: 2", RELOAD);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void ctrlCEndsHotloadWhenAShutdownHookOfTheProgramNeverReturns(Lang lang) throws Exception {
        try (HotloadProcess hotload = startHooked(lang)) {
            hotload.interrupt();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(130);
            assertThat(hotload.stderrLines()).contains("hotload: stopped", CUT_SHORT);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void sigtermDoesTheSame(Lang lang) throws Exception {
        try (HotloadProcess hotload = startHooked(lang)) {
            hotload.terminate();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(143);
            assertThat(hotload.stderrLines()).contains("hotload: stopped", CUT_SHORT);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void withOnceHotloadExitsWithItsStatusWhenAShutdownHookNeverReturns(Lang lang) throws Exception {
        Files.writeString(dir.resolve(lang.entry), hookedProgram(lang));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", "--once", lang.entry)) {
            hotload.awaitOut("hooked", START);
            assertThat(hotload.awaitExit(START)).isEqualTo(0);
            assertThat(hotload.stderrLines()).contains(CUT_SHORT);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = "GROOVY")
    void ctrlCDuringACompileEndsHotloadPromptlyAndSaysTheReloadWasCutShort(Lang lang) throws Exception {
        StringBuilder big = new StringBuilder("class Big {\n");
        for (int i = 0; i < 600; i++) {
            big.append("  static int m").append(i).append("(int x) { [x, x + 1].collect { it * ").append(i)
                    .append(" }.sum() + (x > 1 ? m").append(Math.max(i - 1, 0)).append("(x - 1) : 0) }\n");
        }
        Files.writeString(dir.resolve(lang.entry), big.append("}\nprintln 'compiled'\n").toString());
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitErr("watching", START); // said just before the first compile starts
            hotload.interrupt();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(130);
            assertThat(hotload.stdoutLines()).isEmpty();
            assertThat(hotload.stderrLines()).contains("hotload: stopped (the reload under way did not end in time)")
                    .noneMatch(line -> line.contains("program"));
        }
    }

    private HotloadProcess startHooked(Lang lang) throws Exception {
        Files.writeString(dir.resolve(lang.entry), hookedProgram(lang));
        HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry);
        hotload.awaitOut("hooked", START);
        hotload.awaitErr("hotload: started", RELOAD);
        return hotload;
    }

    /** @return a program that registers a shutdown hook that never returns, then prints "hooked" */
    private static String hookedProgram(Lang lang) {
        return lang.statement(switch (lang) {
            case PYTHON -> "import java.lang\ndef spin():\n    while True:\n        pass\n"
                    + "java.lang.Runtime.getRuntime().addShutdownHook(java.lang.Thread(spin, 'endless-hook'))\n"
                    + "print('hooked')";
            case JAVA -> "Runtime.getRuntime().addShutdownHook(\n"
                    + "            new Thread(() -> { while (true) { } }, \"endless-hook\"));\n"
                    + "        System.out.println(\"hooked\");";
            case GROOVY -> "Runtime.runtime.addShutdownHook(\n"
                    + "    new Thread({ while (true) { } } as Runnable, 'endless-hook'))\n"
                    + "println 'hooked'";
        });
    }
}
