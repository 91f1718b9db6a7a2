package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotload.watch.ChangeSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the commands are POSIX shell")
class ShellCommandTest {

    @TempDir
    Path dir;

    @Test
    void aCommandThatSucceedsIsOk() throws Exception {
        assertThat(new ShellCommand("true").run(ChangeSet.initial())).isEqualTo(Outcome.ok());
    }

    @Test
    void aCommandThatExitsNonZeroIsAnExitedRunWithItsStatus() throws Exception {
        assertThat(new ShellCommand("exit 3").run(ChangeSet.initial()))
                .isEqualTo(Outcome.exited(3).from("command 'exit 3'"));
    }

    @Test
    void theCommandReadsNothing() throws Exception {
        // hotload's own standard input is a file list, or the terminal hotload reads keys from.
        assertThat(new ShellCommand("[ \"$(readlink /proc/self/fd/0)\" = /dev/null ] && [ -z \"$(cat)\" ]")
                .run(ChangeSet.initial())).isEqualTo(Outcome.ok());
    }

    @Test
    void argumentsReachTheProgramAsTheyAre() throws Exception {
        Path source = Files.writeString(dir.resolve("my \"quoted\" file's.py"), "x = 3\n");
        Path copy = dir.resolve("copy of $HOME; `it`.py");

        Outcome outcome = new ShellCommand(List.of("cp", source.toString(), copy.toString())).run(ChangeSet.initial());

        assertThat(outcome).isEqualTo(Outcome.ok());
        assertThat(copy).hasSameTextualContentAs(source);
    }

    @Test
    void aShellCommandLineCanQuoteAFileNameWithSpaces() throws Exception {
        Path source = Files.writeString(dir.resolve("my file.py"), "x = 3\n");

        Outcome outcome = new ShellCommand("cd '" + dir + "' && test -f 'my file.py' && cp 'my file.py' copy.py")
                .run(ChangeSet.initial());

        assertThat(outcome).isEqualTo(Outcome.ok());
        assertThat(dir.resolve("copy.py")).hasSameTextualContentAs(source);
    }

    @Test
    void describesItselfByItsCommandLine() {
        assertThat(new ShellCommand("make test").describe()).isEqualTo("command 'make test'");
    }

    @Test
    void stoppingACommandAlsoStopsWhatItStarted() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        ShellCommand server = new ShellCommand("sleep 300 & echo $! > '" + pidFile + "'; wait");
        Thread runner = new Thread(() -> {
            try {
                server.run(ChangeSet.initial());
            } catch (Exception stopped) {
                // Interrupted, as hotload stops it.
            }
        });
        runner.start();
        long child = awaitPid(pidFile);

        runner.interrupt();
        runner.join(10_000);

        awaitGone(child);
    }

    @Test
    void stoppingACommandThatIgnoresSigtermEndsItAndWhatItStartedPromptly() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        ShellCommand stubborn = new ShellCommand("trap '' TERM; sleep 300 & echo $! > '" + pidFile + "'; wait");
        Thread runner = new Thread(() -> {
            try {
                stubborn.run(ChangeSet.initial());
            } catch (Exception stopped) {
                // Interrupted, as hotload stops it.
            }
        });
        runner.start();
        long child = awaitPid(pidFile);

        long start = System.nanoTime();
        runner.interrupt();
        runner.join(10_000);

        // SIGTERM is ignored; SIGKILL follows after the grace, well within Ctrl-C's second.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        awaitGone(child);
    }

    @Test
    void closingEndsTheCommandRunningNowFromAnotherThread() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        ShellCommand stubborn = new ShellCommand("trap '' TERM; sleep 300 & echo $! > '" + pidFile + "'; wait");
        Thread runner = new Thread(() -> {
            try {
                stubborn.run(ChangeSet.initial());
            } catch (Exception unexpected) {
                throw new AssertionError(unexpected);
            }
        });
        runner.start();
        long child = awaitPid(pidFile);

        stubborn.close();

        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        awaitGone(child);
    }

    private static long awaitPid(Path pidFile) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitGone(long pid) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
    }
}
