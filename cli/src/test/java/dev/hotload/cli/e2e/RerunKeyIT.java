package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In a terminal, Enter (or r, Enter) runs the program again with nothing saved, as nodemon's rs does, unless the
 * program is the one waiting for the line.
 */
@Isolated
class RerunKeyIT {

    private static final String RERUN = "hotload: rerun on request, restarted in ";

    @TempDir
    Path dir;

    @Test
    void enterOrRRunsThePythonEntryAgainAndTheFirstLineSaysSo() throws Exception {
        Files.writeString(dir.resolve("count.py"), "print('run')");
        try (TerminalProcess hotload = TerminalProcess.start(dir, Map.of(), "hotload", "--no-clear", "count.py")) {
            assertThat(hotload.await("hotload: started", START)).contains("; Enter reruns, Ctrl-C stops");

            hotload.type("\n");
            hotload.await(RERUN, RELOAD);
            assertThat(hotload.count("run\r\n")).isEqualTo(2);
            hotload.type("r\n");
            hotload.await(RERUN, 2, RELOAD);
            assertThat(hotload.count("run\r\n")).isEqualTo(3);
        }
    }

    @Test
    void withTestsOnSaveEnterRunsEveryTestNotOnlyThoseASaveAffects() throws Exception {
        Files.writeString(dir.resolve("test_one.py"), "import unittest\nclass One(unittest.TestCase):\n"
                + "    def test_one(self):\n        pass\n");
        Files.writeString(dir.resolve("test_two.py"), "import unittest\nclass Two(unittest.TestCase):\n"
                + "    def test_two(self):\n        pass\n");
        try (TerminalProcess hotload = TerminalProcess.start(dir, Map.of(), "hotload", "--no-clear", "--test")) {
            hotload.await("2 tests passed in", START);
            Files.writeString(dir.resolve("test_one.py"), Files.readString(dir.resolve("test_one.py")) + "# saved\n");
            hotload.await("test_one.py changed, 1 test passed in", RELOAD);

            hotload.type("\n");
            hotload.await("hotload: rerun on request, 2 tests passed in", RELOAD);
            assertThat(hotload.count("testing all 2 test modules")).isEqualTo(2);
        }
    }

    @Test
    void aProgramWaitingForALineGetsItEnterIncludedAndOnlyThenEnterReruns() throws Exception {
        Files.writeString(dir.resolve("ask.py"), "name = raw_input('name? ')\nprint('hi [' + name + ']')\n");
        try (TerminalProcess hotload = TerminalProcess.start(dir, Map.of(), "hotload", "--no-clear", "ask.py")) {
            hotload.await("name? ", START);

            hotload.type("\n");
            hotload.await("hi []", RELOAD);
            // The run has ended once hotload says so, after the program's last line: an Enter before it is still the run's.
            hotload.await("the first run took", RELOAD);
            hotload.type("\n");
            hotload.await(RERUN, RELOAD);
            hotload.type("bob\n");
            hotload.await("hi [bob]", RELOAD);

            assertThat(hotload.count(RERUN)).isEqualTo(1);
            assertThat(hotload.count("name? ")).isEqualTo(2);
        }
    }

    @Test
    void enterRestartsARunningJavaProgramFromMainThoughNothingChanged() throws Exception {
        Files.writeString(dir.resolve("Server.java"), """
                public class Server {
                    static int served;
                    public static void main(String[] args) throws InterruptedException {
                        System.out.println("up, served " + served++);
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } finally {
                            System.out.println("down");
                        }
                    }
                }""");
        try (TerminalProcess hotload = TerminalProcess.start(dir, Map.of(), "hotload", "--no-clear", "Server.java")) {
            hotload.await("up, served 0", START);

            hotload.type("\n");
            String screen = hotload.await(RERUN, RELOAD);

            // A new generation: the program's statics start again, as after a restart of its own.
            assertThat(screen).containsSubsequence("up, served 0", "down", "up, served 0");
            assertThat(screen).doesNotContain("up, served 1");
        }
    }
}
