package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's launch scripts, unchanged, under {@code bin/jython}. */
class PythonApiIT {

    private static final Path EXAMPLES = HotloadProcess.home().resolve("examples/python");

    @TempDir
    Path dir;

    @Test
    void theReadmesLaunchScriptReloadsLibOnEverySave() throws Exception {
        copy("launch.py", "launch.py");
        copy("lib.py", "lib.py");
        try (HotloadProcess jython = HotloadProcess.start(dir, "", Map.of(), "jython", "launch.py")) {
            awaitLoopStarted(jython);
            write("lib.py", Files.readString(dir.resolve("lib.py")).replace("x = 3", "x = 4"));
            jython.awaitOut("Result: 32", RELOAD);
            jython.awaitErr("hotload: lib.py changed, reloaded", RELOAD);
            // Into a pipe: the import's output once, not again by the first run; no ClearTerminal codes; the
            // command line's status lines, the first saying what is watched.
            assertThat(jython.stdoutLines()).containsExactly("Result: 25", "Result: 32");
            assertThat(jython.stderrLines().get(0)).isEqualTo("hotload: watching 2 files (file events); Ctrl-C stops");
            jython.interrupt();
            assertThat(jython.awaitExit(Duration.ofSeconds(2))).isEqualTo(130);
        }
    }

    @Test
    void thePostReloadHookExampleCallsTheModulesFunctionsAfterEachReload() throws Exception {
        copy("post-reload-hook/launch.py", "launch.py");
        copy("post-reload-hook/mymath.py", "mymath.py");
        try (HotloadProcess jython = HotloadProcess.start(dir, "", Map.of(), "jython", "launch.py")) {
            awaitLoopStarted(jython);
            write("mymath.py", Files.readString(dir.resolve("mymath.py")).replace("return x * x", "return x * x * x"));
            jython.awaitOut("square(3) = 27", RELOAD);
            jython.awaitOut("square(4) = 64", RELOAD);
        }
    }

    @Test
    void anErrorInTheModuleIsPrintedAndTheLoopGoesOn() throws Exception {
        copy("launch.py", "launch.py");
        copy("lib.py", "lib.py");
        try (HotloadProcess jython = HotloadProcess.start(dir, "", Map.of(), "jython", "launch.py")) {
            awaitLoopStarted(jython);
            write("lib.py", "import sys\nprint(1 / 0)\n");
            jython.awaitErr("ZeroDivisionError", RELOAD);
            write("lib.py", "import sys\nsys.exit(2)\n");
            jython.awaitErr("exited with status 2", RELOAD);
            write("lib.py", "print('Result: back')\n");
            jython.awaitOut("Result: back", RELOAD);
        }
    }

    /**
     * The launch script imports the module (its first output) before the loop starts watching: a save in
     * between is the loop's first run, not a change. Edits wait for the loop.
     */
    private static void awaitLoopStarted(HotloadProcess jython) throws InterruptedException {
        jython.awaitErr("hotload: started", START);
    }

    private void copy(String example, String as) throws IOException {
        Files.copy(EXAMPLES.resolve(example), dir.resolve(as));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
