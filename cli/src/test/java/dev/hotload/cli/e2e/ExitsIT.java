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
 * Nothing the program calls ends the session: an exit that no rewritten call site shows (through reflection, a
 * method reference, from Jython) ends its run with its status, and the next save runs; a Security Manager is
 * refused. hotload's own exits still end the JVM with their documented statuses.
 */
@Isolated
class ExitsIT {

    /** Within a second, measured; more for a loaded machine's JVM to exit. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anExitThroughReflectionEndsTheRunAndTheNextSaveRuns(Lang lang) throws Exception {
        assertExitEndsTheRun(lang, switch (lang) {
            case PYTHON -> "import java.lang.System\njava.lang.System.exit(7)";
            case JAVA -> "System.class.getMethod(\"exit\", int.class).invoke(null, 7);";
            case GROOVY -> "System.getMethod('exit', int).invoke(null, 7)";
        }, 7);
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"JAVA", "GROOVY"})
    void anExitThroughAMethodReferenceEndsTheRun(Lang lang) throws Exception {
        assertExitEndsTheRun(lang, lang == Lang.JAVA
                ? "java.util.function.IntConsumer exit = System::exit; exit.accept(4);"
                : "def exit = System.&exit\nexit(4)", 4);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aHaltThroughReflectionEndsTheRun(Lang lang) throws Exception {
        assertExitEndsTheRun(lang, switch (lang) {
            case PYTHON -> "import java.lang.Runtime\njava.lang.Runtime.getRuntime().halt(9)";
            case JAVA -> "Runtime.class.getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), 9);";
            case GROOVY -> "Runtime.getMethod('halt', int).invoke(Runtime.runtime, 9)";
        }, 9);
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"JAVA", "GROOVY"})
    void anExitOnAThreadTheProgramStartedEndsThatThreadInOneLineAndTheSessionGoesOn(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(lang == Lang.JAVA
                    ? "Thread exiter = new Thread(() -> System.exit(5), \"exiter\");\n"
                            + "        exiter.start();\n        exiter.join();\n        System.out.println(\"main goes on\");"
                    : "def exiter = new Thread({ System.exit(5) } as Runnable, 'exiter')\n"
                            + "exiter.start()\nexiter.join()\nprintln 'main goes on'"));
            hotload.awaitErr("hotload: System.exit(5) in thread exiter ended that thread only", RELOAD);
            hotload.awaitOut("main goes on", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("ExitRequest") || line.contains("\tat "));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = "PYTHON")
    void pythonsOsExitEndsTheRun(Lang lang) throws Exception {
        assertExitEndsTheRun(lang, "import os\nos._exit(3)", 3);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void withOnceHotloadExitsWithTheStatusTheProgramAskedForThroughReflection(Lang lang) throws Exception {
        Files.writeString(dir.resolve(lang.entry), lang.statement(switch (lang) {
            case PYTHON -> "import java.lang.System\njava.lang.System.exit(5)";
            case JAVA -> "System.class.getMethod(\"exit\", int.class).invoke(null, 5);";
            case GROOVY -> "System.getMethod('exit', int).invoke(null, 5)";
        }));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", "--once", lang.entry)) {
            assertThat(hotload.awaitExit(START)).isEqualTo(5);
            assertThat(hotload.stderrLines())
                    .anyMatch(line -> line.startsWith("hotload: the program exited with status 5 in"))
                    .noneMatch(line -> line.contains("ExitRequest"));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aSecurityManagerIsRefusedWithALineThatSaysSoAndTheNextSaveRuns(Lang lang) throws Exception {
        String install = switch (lang) {
            case PYTHON -> "import java.lang\njava.lang.System.setSecurityManager(java.lang.SecurityManager())";
            case JAVA -> "System.setSecurityManager(new SecurityManager());";
            case GROOVY -> "System.setSecurityManager(new SecurityManager())";
        };
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(install));
            hotload.awaitErr("UnsupportedOperationException: The Security Manager is deprecated", RELOAD);
            hotload.awaitErr("failed", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("internal error"));
        }
    }

    private static String say(Lang lang, String text) {
        return switch (lang) {
            case PYTHON -> "print('" + text + "')";
            case JAVA -> "System.out.println(\"" + text + "\");";
            case GROOVY -> "println '" + text + "'";
        };
    }

    /**
     * Runs {@code exit} as a save, sees it end its run with {@code status}, sees the next save run, and sees
     * Ctrl-C still end hotload with 130.
     */
    private void assertExitEndsTheRun(Lang lang, String exit, int status) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.statement(say(lang, "exiting") + "\n" + exit));
            hotload.awaitOut("exiting", RELOAD);
            hotload.awaitErr(lang.entry + " changed, exited with status " + status + " in", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
            hotload.interrupt();
            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(130);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("ExitRequest") || line.contains("\tat "));
        }
    }
}
