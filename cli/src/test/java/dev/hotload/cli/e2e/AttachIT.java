package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code hotload attach} from a second terminal, to a hotload whose program owns its own (here: no terminal at all),
 * over a socket in a folder only the user can read.
 */
@Isolated
class AttachIT {

    @TempDir
    Path dir;

    /** The sockets' folder and the history of this test's own: never the user's. */
    /**
     * Awaits the hotload's socket: it opens once the first run is done (half a second into a run that goes on), after
     * the run's first output.
     */
    private void awaitSocket() {
        Awaitility.await().atMost(START).until(() -> {
            Path folder = dir.resolve("run/hotload");
            if (!Files.isDirectory(folder)) {
                return false;
            }
            try (Stream<Path> sockets = Files.list(folder)) {
                return sockets.count() == 1;
            }
        });
    }

    private Map<String, String> env() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        return Map.of("XDG_RUNTIME_DIR", runtime.toString(), "XDG_STATE_HOME", dir.resolve("state").toString());
    }

    private static final String SERVER = """
            import threading, time
            try:
                served
            except NameError:
                served = [0]
            def serve():
                while True:
                    served[0] += 1
                    time.sleep(0.05)
            if 'worker' not in globals():
                worker = threading.Thread(target=serve)
                worker.daemon = True
                worker.start()
            def status():
                return 'served some' if served[0] > 0 else 'served none'
            print('server up')
            """;

    @Test
    void aSecondTerminalGetsAPromptInTheRunningProgramAndCtrlDDetachesLeavingItRunning() throws Exception {
        Path server = dir.resolve("server.py");
        Files.writeString(server, SERVER);
        Map<String, String> env = env();
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", env, "hotload", "server.py")) {
            hotload.awaitOut("server up", START);
            awaitSocket();
            try (TerminalProcess attached = TerminalProcess.start(dir, env, "hotload", "attach")) {
                attached.await("hotload: attached to server.py", START);
                attached.await(">>> ", RELOAD);
                attached.type("status()\n");
                attached.await("'served some'", RELOAD);

                Files.writeString(server, SERVER.replace("'served some'", "'serving'"));
                hotload.awaitErr("hotload: server.py changed", RELOAD);
                attached.type("status()\n");
                attached.await("'serving'", RELOAD);

                attached.type("\u0004");
                assertThat(attached.awaitExit(RELOAD)).isZero();
            }
            // What was typed there showed there, not in the program's output.
            assertThat(hotload.stdoutLines()).doesNotContain("'served some'", "'serving'");
            // Still running, and attachable again.
            try (TerminalProcess again = TerminalProcess.start(dir, env, "hotload", "attach", "server.py")) {
                again.await(">>> ", START);
                again.type("import sys; sys.exit(4)\n");
                assertThat(again.awaitExit(RELOAD)).isZero();
            }
            assertThat(hotload.awaitExit(RELOAD)).isEqualTo(4);
        }
        try (Stream<Path> sockets = Files.list(dir.resolve("run/hotload"))) {
            assertThat(sockets).isEmpty();
        }
    }

    @Test
    void aJavaServersPromptSeesItsClassesAsTheLastSaveLeftThem() throws Exception {
        Path server = dir.resolve("Server.java");
        Files.writeString(server, """
                public class Server {
                    static String status() { return "serving v1"; }
                    public static void main(String[] args) throws InterruptedException {
                        System.out.println("server up");
                        Thread.sleep(Long.MAX_VALUE);
                    }
                }""");
        Map<String, String> env = env();
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", env, "hotload", "Server.java")) {
            hotload.awaitOut("server up", START);
            awaitSocket();
            try (TerminalProcess attached = TerminalProcess.start(dir, env, "hotload", "attach", "Server.java")) {
                attached.await("jshell> ", START);
                attached.type("Server.status()\n");
                attached.await("==> \"serving v1\"", Duration.ofSeconds(60)); // JShell's first start: seconds

                Files.writeString(server, Files.readString(server).replace("serving v1", "serving v2"));
                hotload.awaitErr("hotload: Server.java changed", RELOAD);
                attached.type("Server.status()\n");
                attached.await("==> \"serving v2\"", RELOAD);
            }
        }
    }

    @Test
    void aGroovyScriptsPromptSeesItsBindingAndCtrlBackslashLeavesAHotloadThatHangs() throws Exception {
        Files.writeString(dir.resolve("loop.groovy"), "hits = (binding.hasVariable('hits') ? hits : 0) + 1\nprintln 'looped'\n");
        Map<String, String> env = env();
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", env, "hotload", "loop.groovy")) {
            hotload.awaitOut("looped", START);
            awaitSocket();
            try (TerminalProcess attached = TerminalProcess.start(dir, env, "hotload", "attach")) {
                attached.await("groovy> ", START);
                attached.type("hits * 10\n");
                attached.await("===> 10", RELOAD);

                Files.writeString(dir.resolve("loop.groovy"), "hits = (binding.hasVariable('hits') ? hits : 0) + 1\nprintln 'looped again'\n");
                hotload.awaitOut("looped again", RELOAD);
                attached.type("hits * 10\n");
                attached.await("===> 20", RELOAD);

                // A hotload that no longer answers does not hold the terminal: Ctrl-\ leaves at once.
                ProcessHandle stopped = ProcessHandle.of(hotload.pid()).orElseThrow();
                new ProcessBuilder("kill", "-STOP", Long.toString(stopped.pid())).start().waitFor();
                try {
                    attached.type("\u001c");
                    assertThat(attached.awaitExit(RELOAD)).isZero();
                } finally {
                    new ProcessBuilder("kill", "-CONT", Long.toString(stopped.pid())).start().waitFor();
                }
            }
        }
    }

    @Test
    void withNothingRunningAttachSaysSoAndExitsWithStatus2AndAKilledHotloadsSocketIsRemoved() throws Exception {
        Files.writeString(dir.resolve("server.py"), SERVER);
        Map<String, String> env = env();
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", env, "hotload", "server.py")) {
            hotload.awaitOut("server up", START);
            awaitSocket();
            ProcessHandle killed = ProcessHandle.of(hotload.pid()).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().join();
        }
        assertThat(Files.list(dir.resolve("run/hotload"))).hasSize(1); // left by the killed hotload

        try (TerminalProcess attached = TerminalProcess.start(dir, env, "hotload", "attach")) {
            assertThat(attached.awaitExit(START)).isEqualTo(2);
            assertThat(attached.text()).contains("hotload: no hotload to attach to (none is running)");
        }
        assertThat(Files.list(dir.resolve("run/hotload"))).isEmpty();
    }

    @Test
    void aSocketFolderOthersCanReadIsRefused() throws Exception {
        Map<String, String> env = env();
        Path open = Files.createDirectories(dir.resolve("run/hotload"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (TerminalProcess attached = TerminalProcess.start(dir, env, "hotload", "attach")) {
            assertThat(attached.awaitExit(START)).isEqualTo(2);
            assertThat(attached.text()).contains("hotload: attach: " + open + " is not a folder of this user's alone");
        }
    }
}
