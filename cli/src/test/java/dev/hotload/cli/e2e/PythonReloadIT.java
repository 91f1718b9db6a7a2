package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user working on Jython modules with {@code bin/hotload}: save, and see the new output. */
class PythonReloadIT {

    private static final String LIB = """
            x = 3
            y = 4
            print("Result: {}".format(x*x + y*y))
            """;

    @TempDir
    Path dir;

    @Test
    void theOriginalHotloadCiTest() throws Exception {
        write("lib.py", LIB);
        try (HotloadProcess hotload = HotloadProcess.start(dir, "lib.py\n", Map.of(), "hotload", "lib.py")) {
            hotload.awaitOut("Result: 25", START);
            write("lib.py", LIB.replace("x = 3", "x = 4"));
            hotload.awaitOut("Result: 32", RELOAD);
            assertThat(hotload.awaitErr("lib.py changed, reloaded in", RELOAD)).startsWith("hotload: ");
        }
    }

    @Test
    void withoutAFileListTheEntrysFolderTreeIsWatchedIncludingFilesCreatedLater() throws Exception {
        write("lib.py", "import os\nprint('files: %d' % len([f for r, d, fs in os.walk('.') for f in fs if f.endswith('.py')]))\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.py")) {
            hotload.awaitOut("files: 1", START);
            write("sub/new.py", "# created after start\n");
            hotload.awaitOut("files: 2", RELOAD);
        }
    }

    @Test
    void watchOptionsOverrideStandardInputAndAreTheOnlyTrigger() throws Exception {
        write("lib.py", "import conf\nprint('level ' + conf.level)\n");
        write("conf.py", "level = 'low'\n");
        write("unwatched.py", "# not watched\n");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "unwatched.py\n", Map.of(), "hotload",
                "--recursive", "--watch", "conf.py", "lib.py")) {
            hotload.awaitOut("level low", START);
            hotload.awaitErr("watching", START);
            write("unwatched.py", "# changed, and ignored\n");
            write("conf.py", "level = 'high'\n");
            assertThat(hotload.awaitErr("changed", RELOAD)).contains("conf.py").doesNotContain("unwatched.py");
            hotload.awaitOut("level high", RELOAD);
        }
    }

    @Test
    void pollingGivesTheSameReloads() throws Exception {
        write("lib.py", LIB);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--poll", "lib.py")) {
            assertThat(hotload.awaitErr("watching", START)).contains("polling");
            hotload.awaitOut("Result: 25", START);
            write("lib.py", LIB.replace("x = 3", "x = 4"));
            hotload.awaitOut("Result: 32", RELOAD);
        }
    }

    @Test
    void intervalMsPollsAtThatPace() throws Exception {
        write("lib.py", LIB);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--interval-ms", "20", "lib.py")) {
            assertThat(hotload.awaitErr("watching", START)).contains("polling every 20.0 ms");
            hotload.awaitOut("Result: 25", START);
            write("lib.py", LIB.replace("y = 4", "y = 5"));
            hotload.awaitOut("Result: 34", RELOAD);
        }
    }

    @Test
    void stateSurvivesReloadsWithTheNameErrorIdiom() throws Exception {
        String source = """
                def expensive_computation():
                    print("computing...")
                    return 42

                try:
                    constant = constant
                except NameError:
                    constant = expensive_computation()

                print("constant %d, run %s" % (constant, "A"))
                """;
        write("state.py", source);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "state.py")) {
            hotload.awaitOut("constant 42, run A", START);
            write("state.py", source.replace("\"A\"", "\"B\""));
            hotload.awaitOut("constant 42, run B", RELOAD);
            assertThat(hotload.stdoutLines()).filteredOn("computing..."::equals).hasSize(1);
        }
    }

    @Test
    void anErrorPrintsAPythonTracebackAndTheNextGoodSaveRuns() throws Exception {
        write("lib.py", LIB);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.py")) {
            hotload.awaitOut("Result: 25", START);
            write("lib.py", "print(undefined_name)\n");
            hotload.awaitErr("NameError", RELOAD);
            // "lib.py changed, failed in 40 ms (NameError)"; or, where the run took over half a second (a loaded
            // machine) and went on in the background, "lib.py failed (NameError)" when it ends.
            hotload.awaitErr("(NameError); waiting for the next save", RELOAD);
            write("lib.py", "x = (\n");
            hotload.awaitErr("SyntaxError", RELOAD);
            write("lib.py", LIB.replace("x = 3", "x = 5"));
            hotload.awaitOut("Result: 41", RELOAD);
            assertThat(String.join("\n", hotload.stderrLines()))
                    .contains("Traceback (most recent call last)")
                    .doesNotContain("at dev.hotload");
        }
    }

    @Test
    void sysExitEndsTheRunNotTheSession() throws Exception {
        write("lib.py", "import sys\nprint('before exit')\nsys.exit(3)\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.py")) {
            hotload.awaitOut("before exit", START);
            hotload.awaitErr("exited with status 3", RELOAD);
            write("lib.py", LIB);
            hotload.awaitOut("Result: 25", RELOAD);
        }
    }

    @Test
    void onceRunsOnceAndExitsWithTheRunsStatus() throws Exception {
        write("ok.py", LIB);
        write("fails.py", "raise ValueError('broken')\n");
        write("exits.py", "import sys\nsys.exit(7)\n");
        assertThat(runOnce("ok.py")).isZero();
        assertThat(runOnce("fails.py")).isEqualTo(1);
        assertThat(runOnce("exits.py")).isEqualTo(7);
    }

    @Test
    void argumentsAfterTheDoubleDashReachSysArgv() throws Exception {
        write("args.py", "import sys\nprint('args: %s' % ' '.join(sys.argv[1:]))\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "args.py", "--", "--verbose", "two words")) {
            hotload.awaitOut("args: --verbose two words", START);
            assertThat(hotload.awaitExit(RELOAD)).isZero();
        }
    }

    @Test
    void entrypointIsCalledAfterEachReload() throws Exception {
        write("app.py", "greeting = 'hello'\ndef main():\n    print(greeting + ' from main')\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--entrypoint", "main", "app.py")) {
            hotload.awaitOut("hello from main", START);
            write("app.py", "greeting = 'hi'\ndef main():\n    print(greeting + ' from main')\n");
            hotload.awaitOut("hi from main", RELOAD);
        }
    }

    @Test
    void recursiveReloadsAChangedImportedModuleFirst() throws Exception {
        write("lib.py", "import mymath\nprint('f(3) = %d' % mymath.f(3))\n");
        write("mymath.py", "def f(x):\n    return x * x\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--recursive", "lib.py")) {
            hotload.awaitOut("f(3) = 9", START);
            write("mymath.py", "def f(x):\n    return x * x * x\n");
            hotload.awaitOut("f(3) = 27", RELOAD);
        }
    }

    @Test
    void withoutRecursiveASavedImportIsSaidNotReloaded() throws Exception {
        write("lib.py", "import mymath\nprint('f(3) = %d' % mymath.f(3))\n");
        write("mymath.py", "def f(x):\n    return x * x\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", "lib.py")) {
            hotload.awaitOut("f(3) = 9", START);
            write("mymath.py", "def f(x):\n    return x * x * x\n");
            // The old result again: the line says why, and how to get the new one.
            hotload.awaitErr("hotload: mymath.py changed, lib.py re-ran with the old mymath.py (imports reload with"
                    + " --recursive) in ", RELOAD);
            // Standard output is a pipe of its own: its line may be read after the status line's.
            hotload.awaitOut("f(3) = 9", RELOAD);
            assertThat(hotload.stdoutLines()).containsExactly("f(3) = 9", "f(3) = 9");
        }
    }

    @Test
    void theRecursiveEnvironmentVariableWorksAsInTheOriginal() throws Exception {
        write("lib.py", "import mymath\nprint('f(3) = %d' % mymath.f(3))\n");
        write("mymath.py", "def f(x):\n    return x + 1\n");
        Map<String, String> env = Map.of("HOTLOAD_RECURSIVE", "HOTLOAD_RECURSIVE");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", env, "hotload", "lib.py")) {
            hotload.awaitOut("f(3) = 4", START);
            write("mymath.py", "def f(x):\n    return x + 2\n");
            hotload.awaitOut("f(3) = 5", RELOAD);
        }
    }

    @Test
    void langPicksTheLanguageOfAFileWhoseExtensionSaysNothing() throws Exception {
        write("tool", "print('tool ran')\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "--lang", "python", "tool")) {
            hotload.awaitOut("tool ran", START);
            assertThat(hotload.awaitExit(RELOAD)).isZero();
        }
    }

    @Test
    void theProgramSeesHotloadRunning() throws Exception {
        write("env.py", "import os\nprint('running: %s' % os.environ.get('HOTLOAD_RUNNING'))\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "env.py")) {
            hotload.awaitOut("running: HOTLOAD_RUNNING", START);
        }
    }

    @Test
    void savesInQuickSuccessionEachRunTheirOwnContentAndLeaveNoClassFiles() throws Exception {
        write("lib.py", "print('version 0')\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.py")) {
            hotload.awaitOut("version 0", START);
            for (int version = 1; version <= 5; version++) {
                write("lib.py", "print('version " + version + "')\n");
                hotload.awaitOut("version " + version, RELOAD);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("lib.py");
        }
    }

    @Test
    void ctrlCStopsPromptlyAndRunsTheCleanupHooksOnce() throws Exception {
        String source = """
                import atexit
                def close_connection():
                    print("connection closed")
                try:
                    connection = connection
                except NameError:
                    connection = "open"
                    atexit.register(close_connection)
                print("version %d" % 1)
                """;
        write("lib.py", source);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.py")) {
            hotload.awaitOut("version 1", START);
            write("lib.py", source.replace("% 1", "% 2"));
            hotload.awaitOut("version 2", RELOAD);
            hotload.interrupt();
            assertThat(hotload.awaitExit(Duration.ofSeconds(2))).isEqualTo(130);
            hotload.awaitErr("stopped", RELOAD);
            assertThat(hotload.stdoutLines()).filteredOn("connection closed"::equals).hasSize(1);
        }
    }

    private int runOnce(String entry) throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", entry)) {
            return hotload.awaitExit(START);
        }
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
