package dev.hotload.cli.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/hotload} (or {@code bin/jython}) in a pseudo-terminal, which script(1) gives it, as a user runs it
 * in a terminal: everything it writes to the terminal, escape codes included, one text, awaited with deadlines;
 * and a keyboard to type on.
 * Closing it ends the process and its children.
 */
final class TerminalProcess implements AutoCloseable {

    private final Process process;
    private final StringBuilder screen = new StringBuilder();
    private final Thread reader;

    private TerminalProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> read(process.getInputStream()), "terminal reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code bin/COMMAND args} in {@code dir} on a terminal; skips the test where script(1) is missing. */
    static TerminalProcess start(Path dir, Map<String, String> env, String command, String... args) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the test a terminal");
        String line = HotloadProcess.home().resolve("bin").resolve(command) + " " + String.join(" ", args);
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", line, "/dev/null"))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLOAD_"));
        builder.environment().putAll(env);
        return new TerminalProcess(builder.start());
    }

    /** Types {@code keys} on the terminal's keyboard, as a user does: a line reaches the process at its Enter. */
    void type(String keys) throws IOException {
        process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** @return everything written to the terminal so far, once it contains {@code text} */
    String await(String text, Duration timeout) throws InterruptedException {
        return await(text, 1, timeout);
    }

    /** @return everything written to the terminal so far, once it contains {@code text} {@code times} times */
    String await(String text, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            while (count(text) < times) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !reader.isAlive() && count(text) < times) {
                    throw new AssertionError("no \"" + text + "\" (" + times + " times) within " + timeout
                            + " on the terminal:\n" + screen);
                }
                screen.wait(Math.min(left, 100));
            }
            return screen.toString();
        }
    }

    /** Sends SIGTERM to hotload's JVM under the terminal, as {@code kill} from another shell does. */
    void terminateJvm() throws IOException, InterruptedException {
        for (ProcessHandle child : process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList()) {
            new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
        }
    }

    /** @return how many times {@code text} is on the terminal */
    int count(String text) {
        synchronized (screen) {
            int count = 0;
            for (int at = screen.indexOf(text); at >= 0; at = screen.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        }
    }

    /** @return the exit status, and everything written to the terminal, once the process ends in time */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no exit within " + timeout + " on the terminal:\n" + text());
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    String text() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    private void read(InputStream in) {
        char[] buffer = new char[4096];
        try (Reader chars = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = chars.read(buffer)) >= 0; ) {
                synchronized (screen) {
                    screen.append(buffer, 0, n);
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended: what it wrote is all there is.
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
