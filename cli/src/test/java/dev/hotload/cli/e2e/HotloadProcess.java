package dev.hotload.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/hotload} (or {@code bin/jython}) started as a user starts it: a separate process whose output
 * lines are awaited with deadlines. Closing it kills the process. Shared with other modules' end-to-end tests
 * through this module's test jar.
 */
public final class HotloadProcess implements AutoCloseable {

    /** Long enough for a cold JVM with Jython on a loaded 2-core CI machine. */
    public static final Duration START = Duration.ofSeconds(30);
    public static final Duration RELOAD = Duration.ofSeconds(10);

    private final Process process;
    private final Stream out;
    private final Stream err;

    private HotloadProcess(Process process) {
        this.process = process;
        this.out = new Stream(process.getInputStream(), "stdout");
        this.err = new Stream(process.getErrorStream(), "stderr");
    }

    /** @return the repository root, where bin/ is */
    public static Path home() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("bin/hotload"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/hotload not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Starts {@code bin/NAME args} in {@code workDir}, with {@code stdin} as its whole standard input. */
    public static HotloadProcess start(Path workDir, String stdin, Map<String, String> env, String command, String... args)
            throws IOException {
        List<String> line = new ArrayList<>();
        line.add(home().resolve("bin").resolve(command).toString());
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLOAD_"));
        // A machine-wide PYTHONDONTWRITEBYTECODE would hide whether hotload itself keeps $py.class files away.
        builder.environment().remove("PYTHONDONTWRITEBYTECODE");
        builder.environment().putAll(env);
        HotloadProcess started = new HotloadProcess(builder.start());
        try (OutputStream in = started.process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return started;
    }

    /** Starts what {@code builder} says (another hotload than the clone's: an installed one), with nothing on standard input. */
    public static HotloadProcess start(ProcessBuilder builder) throws IOException {
        HotloadProcess started = new HotloadProcess(builder.start());
        started.process.getOutputStream().close();
        return started;
    }

    /** Starts {@code bin/hotload args} with nothing on standard input. */
    public static HotloadProcess hotload(Path workDir, String... args) throws IOException {
        return start(workDir, "", Map.of(), "hotload", args);
    }

    /** @return the first new line of standard output containing {@code text} */
    public String awaitOut(String text, Duration timeout) throws InterruptedException {
        return out.await(text, timeout, this);
    }

    /** @return the first new line of standard error containing {@code text} */
    public String awaitErr(String text, Duration timeout) throws InterruptedException {
        return err.await(text, timeout, this);
    }

    /**
     * Awaits the status line of a save of {@code file} after which the program ran again from its start: it says
     * {@code reloaded} if the last run had ended (and for Python), {@code restarted (why)} if a Java or Groovy
     * program still ran and the save could not be redefined in place.
     *
     * @return the line
     */
    public String awaitRunAgain(String file, Duration timeout) throws InterruptedException {
        String line = awaitErr(file + " changed, ", timeout);
        assertThat(line).containsPattern(" changed, (reloaded|restarted \\(.+\\)) in ");
        return line;
    }

    /** @return the exit status, failing if the process does not end in time; all its output is read by then */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("hotload did not exit within " + timeout + "\n" + transcript());
        }
        out.drained(timeout);
        err.drained(timeout);
        return process.exitValue();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    public void interrupt() throws IOException, InterruptedException {
        signal("INT");
    }

    /**
     * Sends SIGINT to the process's group, as Ctrl-C in a terminal does to every process of the command: for a
     * process started as the leader of a group of its own ({@code setsid}).
     */
    public void interruptGroup() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
    }

    /** Sends SIGTERM, as {@code kill} and service managers do. */
    public void terminate() throws IOException, InterruptedException {
        signal("TERM");
    }

    /** @return the process id of the JVM that bin/hotload became */
    public long pid() {
        return process.pid();
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    /** @return every line read so far, both streams, for assertion messages */
    public String transcript() {
        return "--- stdout ---\n" + String.join("\n", out.all()) + "\n--- stderr ---\n" + String.join("\n", err.all());
    }

    public List<String> stdoutLines() {
        return out.all();
    }

    public List<String> stderrLines() {
        return err.all();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** One output stream, drained by its own thread so the process never blocks on a full pipe. */
    private static final class Stream {
        private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
        private final List<String> all = new ArrayList<>();
        private final String name;
        private final Thread pump;

        Stream(InputStream in, String name) {
            this.name = name;
            this.pump = new Thread(() -> pump(in), "e2e-" + name);
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits until the stream's end has been read. */
        void drained(Duration timeout) throws InterruptedException {
            pump.join(timeout.toMillis());
        }

        private void pump(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (all) {
                        all.add(line);
                    }
                    unread.add(line);
                }
            } catch (IOException closed) {
                // The process was killed; what was read stays in the transcript.
            }
        }

        String await(String wanted, Duration timeout, HotloadProcess owner) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? unread.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("no line with '" + wanted + "' on " + name + " within " + timeout + "\n"
                            + owner.transcript());
                }
                if (line.contains(wanted)) {
                    return line;
                }
            }
        }

        List<String> all() {
            synchronized (all) {
                return List.copyOf(all);
            }
        }
    }
}
