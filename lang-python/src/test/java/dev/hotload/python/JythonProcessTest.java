package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launch script under plain Jython in its own JVM, as {@code bin/jython launch.py} runs it (the class path
 * comes from this test's, not from the launcher's build), stopped with Ctrl-C's SIGINT.
 */
@DisabledOnOs(OS.WINDOWS)
class JythonProcessTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration RELOAD = Duration.ofSeconds(10);

    private static final String LAUNCH = """
            import hotload
            class Cleanup(hotload.Runnable):
                def close(self):
                    print("cleanup ran")
            hotload.hotload(watch=[hotload.listfiles(".", ext=".py")],
                            steps=[hotload.ReloadedPythonModule.from_module_name("lib"), Cleanup()])
            print("after hotload")
            """;

    @TempDir
    Path dir;

    private Process jython;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();

    @AfterEach
    void kill() throws InterruptedException {
        if (jython != null && jython.isAlive()) {
            jython.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void ctrlCClosesTheStepsOnceAndEndsTheProcessWithoutATrace() throws Exception {
        Files.writeString(dir.resolve("launch.py"), LAUNCH);
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\ny = 4\nprint(\"Result: {}\".format(x*x + y*y))\n");
        start("launch.py");
        await().atMost(START).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(lib, Files.readString(lib).replace("x = 3", "x = 4"));
        await().atMost(RELOAD).until(() -> out.toString().contains("Result: 32"));

        new ProcessBuilder("kill", "-INT", String.valueOf(jython.pid())).inheritIO().start().waitFor();

        assertThat(jython.waitFor(RELOAD.toSeconds(), TimeUnit.SECONDS)).as("ended after Ctrl-C").isTrue();
        assertThat(jython.exitValue()).isEqualTo(130);
        await().atMost(RELOAD).until(() -> err.toString().contains("hotload: stopped"));
        assertThat(out.toString()).containsOnlyOnce("cleanup ran").doesNotContain("after hotload");
        assertThat(err.toString()).doesNotContain("\tat ", "Exception", "Traceback");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith("$py.class"));
        }
    }

    /** Starts plain Jython on {@code script}, with this JVM's class path, as a user's shell would. */
    private void start(String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Dpython.cachedir.skip=true",
                "-cp", System.getProperty("java.class.path"),
                "org.python.util.jython", script))
                .directory(dir.toFile());
        // Set on some machines; it would hide whether hotload itself stops Jython writing $py.class files.
        builder.environment().remove("PYTHONDONTWRITEBYTECODE");
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLOAD_"));
        jython = builder.start();
        jython.getOutputStream().close();
        pump(jython.getInputStream(), out);
        pump(jython.getErrorStream(), err);
    }

    private static void pump(InputStream stream, StringBuffer into) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    into.append(line).append('\n');
                }
            } catch (IOException closed) {
                // The process was killed; what was read stays.
            }
        }, "jython-output");
        pump.setDaemon(true);
        pump.start();
    }
}
