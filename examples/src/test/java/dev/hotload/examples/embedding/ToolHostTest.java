package dev.hotload.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hotload inside a host's own PythonInterpreter: the host's streams, the host's thread, no exit. */
class ToolHostTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private static final String PLUGIN = """
            print('greeting %d')
            def unload():
                print('unloaded')
            """;

    @TempDir
    Path plugins;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void watchSystemStreams() {
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreSystemStreams() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void inTheBackgroundAPluginIsReloadedIntoTheHostsStreamsAndStopsCleanly() throws Exception {
        Path plugin = Files.writeString(plugins.resolve("greet.py"), PLUGIN.formatted(1));
        try (ToolHost host = new ToolHost(plugins, out, err)) {
            host.startInBackground("greet");
            await().atMost(DEADLINE).until(() -> out.toString().contains("greeting 1"));
            Files.writeString(plugin, PLUGIN.formatted(2));
            await().atMost(DEADLINE).until(() -> out.toString().contains("greeting 2"));
            await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: greet.py changed, patched in place"));

            assertThat(host.stop()).as("hotload's thread ended").isTrue();
            assertThat(host.isRunning()).isFalse();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("hotload") && t.isAlive());
            assertThat(out.toString()).as("the plug-in's unload() ran once").containsOnlyOnce("unloaded");
            assertThat(err.toString()).contains("hotload: stopped");

            Files.writeString(plugin, PLUGIN.formatted(3));
            host.stop();
        }
        assertThat(out.toString()).doesNotContain("greeting 3").containsOnlyOnce("unloaded");
        assertThat(systemOut.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(systemErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aListenerThePluginRegisteredOnceAnswersWithTheNewCodeAfterEachSave() throws Exception {
        String v1 = Files.readString(Path.of("python/plugins/listener.py"));
        assertThat(v1).contains("listener v1 heard");
        Path plugin = Files.writeString(plugins.resolve("listener.py"), v1);
        try (ToolHost host = new ToolHost(plugins, out, err)) {
            host.startInBackground("listener");
            await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
            assertThat(host.fire("open")).containsExactly("listener v1 heard open");

            Files.writeString(plugin, v1.replace("listener v1", "listener v2")); // same size, in place
            awaitPatches(1);
            assertThat(host.fire("save")).containsExactly("listener v2 heard save");

            Path temporary = Files.writeString(plugins.resolve("listener.py.tmp"), v1.replace("v1", "v3"));
            Files.move(temporary, plugin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            awaitPatches(2);
            assertThat(host.fire("rename")).containsExactly("listener v3 heard rename");

            Files.writeString(plugin, v1.replace("v1", "v4").stripTrailing()); // no final line end
            awaitPatches(3);
            assertThat(host.fire("close")).containsExactly("listener v4 heard close");
        }
        assertThat(err.toString()).doesNotContain("Traceback");
    }

    /** Waits for the status line of the {@code count}th save that patched the plug-in's listener in place. */
    private void awaitPatches(int count) {
        String line = "hotload: listener.py changed, patched in place (1 function) in";
        await().atMost(DEADLINE).until(() -> err.toString().split(Pattern.quote(line), -1).length - 1 >= count);
    }

    @Test
    void inTheForegroundItRunsInTheHostsThreadUntilInterrupted() throws Exception {
        Path plugin = Files.writeString(plugins.resolve("tool.py"), "print('tool v1')\n");
        try (ToolHost host = new ToolHost(plugins, out, err)) {
            Thread worker = new Thread(() -> host.runInForeground("tool"), "tool-worker");
            worker.start();
            await().atMost(DEADLINE).until(() -> out.toString().contains("tool v1"));
            Files.writeString(plugin, "raise ValueError('broken plug-in')\n");
            await().atMost(DEADLINE).until(() -> err.toString().contains("ValueError: broken plug-in"));
            Files.writeString(plugin, "print('tool v2')\n");
            await().atMost(DEADLINE).until(() -> out.toString().contains("tool v2"));
            worker.interrupt();
            worker.join(DEADLINE.toMillis());
            assertThat(worker.isAlive()).as("hotload.hotload returned to the host").isFalse();
        }
        assertThat(err.toString()).contains("hotload: stopped");
        assertThat(systemOut.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(systemErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
