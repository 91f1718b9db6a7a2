package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --run CMD}: commands after each run of the entry, and the language-free mode where hotload runs only
 * commands on every save, as entr and watchexec do.
 */
@Isolated
class RunCommandsIT {

    /** Within a second, measured; more for a loaded machine's JVM to exit (as SignalsIT). */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void commandsRunInOrderAfterEachReloadOfAPythonEntry() throws Exception {
        Path entry = Files.writeString(dir.resolve("lib.py"), Lang.PYTHON.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", "lib.py",
                "--run", "echo first command", "--run", "echo second command")) {
            hotload.awaitOut("Result: 0", START);
            hotload.awaitOut("first command", RELOAD);
            hotload.awaitOut("second command", RELOAD);
            hotload.awaitErr("hotload: started", RELOAD);

            Files.writeString(entry, Lang.PYTHON.program(1));

            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitOut("first command", RELOAD);
            hotload.awaitOut("second command", RELOAD);
            hotload.awaitRunAgain("lib.py", RELOAD);
        }
    }

    @Test
    void aFailingCommandIsTheRunsFailureAndTheCommandsAfterItWaitAsDoTheyAfterAFailedRun() throws Exception {
        Path entry = Files.writeString(dir.resolve("lib.py"), Lang.PYTHON.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", "lib.py",
                "--run", "echo checking", "--run", "exit 2", "--run", "echo never")) {
            hotload.awaitOut("checking", START);
            assertThat(hotload.awaitErr("hotload: first run", RELOAD))
                    .startsWith("hotload: first run, command 'exit 2' exited with status 2 in ");

            Files.writeString(entry, Lang.PYTHON.program(1));
            assertThat(hotload.awaitErr("lib.py changed", RELOAD))
                    .startsWith("hotload: lib.py changed, command 'exit 2' exited with status 2 in ");

            Files.writeString(entry, "raise ValueError('broken')\n");
            assertThat(hotload.awaitErr("lib.py changed", RELOAD)).contains("failed").contains("ValueError");

            Files.writeString(entry, Lang.PYTHON.program(2));
            hotload.awaitOut("Result: 2", RELOAD);
            hotload.awaitErr("lib.py changed, command 'exit 2' exited", RELOAD);
            // The failed run ran no command; every other ran the first, and never the one after the failure.
            assertThat(hotload.stdoutLines()).filteredOn(line -> line.equals("checking")).hasSize(3);
            assertThat(hotload.stdoutLines()).doesNotContain("never");
        }
    }

    @Test
    void commandsAloneRunAtStartAndOnASaveOfAPipedFileNamedWithoutAFinalNewline() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "one");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "notes.txt", Map.of(), "hotload",
                "--run", "cat notes.txt; echo")) {
            assertThat(hotload.awaitErr("watching", START)).isEqualTo("hotload: watching 1 file (file events); Ctrl-C stops");
            hotload.awaitOut("one", RELOAD);
            hotload.awaitErr("hotload: started", RELOAD);

            Files.writeString(notes, "two");

            hotload.awaitOut("two", RELOAD);
            assertThat(hotload.awaitErr("changed", RELOAD)).startsWith("hotload: notes.txt changed, ran in ");
        }
    }

    @Test
    void commandsAloneWatchEveryFileOfTheWorkingFolderByDefault() throws Exception {
        Path source = Files.writeString(Files.createDirectory(dir.resolve("src")).resolve("a.c"), "int a;");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--run", "cat src/a.c; echo")) {
            assertThat(hotload.awaitErr("watching", START)).startsWith("hotload: watching " + dir.toRealPath() + " (");
            hotload.awaitOut("int a;", RELOAD);
            hotload.awaitErr("hotload: started", RELOAD);

            Files.writeString(source, "int b;");

            hotload.awaitOut("int b;", RELOAD);
            assertThat(hotload.awaitErr("changed", RELOAD)).startsWith("hotload: a.c changed, ran in ");
        }
    }

    @Test
    void onceWithCommandsAloneExitsWithTheFailingCommandsStatus() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once",
                "--run", "echo first", "--run", "exit 4", "--run", "echo never")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(4);
            assertThat(hotload.stdoutLines()).containsExactly("first");
            assertThat(hotload.stderrLines()).containsExactly("hotload: command 'exit 4' exited with status 4 in "
                    + hotload.stderrLines().get(0).replaceFirst(".* in ", ""));
        }
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "--run", "true")) {
            assertThat(hotload.awaitExit(START)).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trap '' TERM; echo started; sleep 300", "echo started; while :; do echo tick; done"})
    void ctrlCDuringACommandEndsHotloadAndTheCommandPromptly(String command) throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--run", command)) {
            hotload.awaitOut("started", START);
            List<ProcessHandle> commands = ProcessHandle.of(hotload.pid()).orElseThrow().descendants().toList();
            assertThat(commands).isNotEmpty();

            hotload.interrupt();

            assertThat(hotload.awaitExit(PROMPTLY)).isEqualTo(130);
            // Killed by then. Orphaned by the kill, a process may stay a zombie until the system's first process
            // reaps it, which a container's may do late: a zombie runs nothing, and counts as gone.
            await().atMost(PROMPTLY).until(() -> commands.stream().noneMatch(RunCommandsIT::isRunning));
            assertThat(hotload.stderrLines()).contains("hotload: stopped")
                    .noneMatch(line -> line.contains("exited with status") || line.contains("Exception"));
        }
    }

    /** @return whether the process runs: alive, and not a zombie (state Z in /proc/PID/stat) */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "PID (COMMAND) STATE ...": the command may hold spaces and parentheses, the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }
}
