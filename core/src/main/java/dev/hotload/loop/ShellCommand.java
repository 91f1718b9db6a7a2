package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on every change: the original's {@code Command}, and {@code hotload --run}. Its standard output
 * and error are the terminal's; its standard input is {@code /dev/null}, since hotload's own standard input is a
 * file list or the terminal hotload reads keys from. A command that exits non-zero is an {@link Outcome#exited
 * exited} run, {@linkplain Outcome#from from} this command.
 *
 * <p>Interrupted (Ctrl-C) or {@linkplain #close closed}, it ends the command and every process the command
 * started: a dev server left behind would hold its port, and a command that ignores SIGTERM would outlive hotload.
 */
public final class ShellCommand implements Step, AutoCloseable {

    /** How long the command's processes have after SIGTERM before SIGKILL: well inside Ctrl-C's second. */
    static final Duration TERM_GRACE = Duration.ofMillis(100);

    /** A command ended by SIGINT: its shell's status, 128 + 2. */
    private static final int INTERRUPTED = 130;

    /** Time for hotload's own stop to begin when Ctrl-C reached the command too: the JVM hears it within moments. */
    private static final Duration CTRL_C_SETTLE = Duration.ofMillis(100);

    private static final File NO_INPUT = new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");

    private final List<String> argv;
    private final String description;
    /** The command running now, for {@link #close} from another thread. */
    private volatile Process running;

    /** @param command a command line for {@code /bin/sh -c} (or {@code cmd /c} on Windows) */
    public ShellCommand(String command) {
        this(File.separatorChar == '\\' ? List.of("cmd", "/c", command) : List.of("/bin/sh", "-c", command),
                "command '" + command + "'");
    }

    /** @param argv a program and its arguments, run directly, with no shell to interpret them */
    public ShellCommand(List<String> argv) {
        this(argv, "command '" + String.join(" ", argv) + "'");
    }

    private ShellCommand(List<String> argv, String description) {
        this.argv = List.copyOf(argv);
        this.description = description;
    }

    @Override
    public Outcome run(ChangeSet changes) throws Exception {
        Process process = new ProcessBuilder(argv)
                .redirectInput(NO_INPUT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        running = process;
        try {
            int status = process.waitFor();
            if (status == INTERRUPTED) {
                // Ctrl-C in a terminal reaches the command and hotload alike: the user should hear of hotload's
                // stop, not of a run that failed, so the loop is given the moment it takes to begin stopping.
                Thread.sleep(CTRL_C_SETTLE.toMillis());
            }
            return status == 0 ? Outcome.ok() : Outcome.exited(status).from(description);
        } catch (InterruptedException stopping) {
            end(process);
            throw stopping;
        } finally {
            running = null;
        }
    }

    /** Ends the command running now, if any, and what it started, at once: hotload is going away. */
    @Override
    public void close() {
        Process process = running;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** SIGTERM to the command's processes, then SIGKILL to those still there after {@link #TERM_GRACE}. */
    private static void end(Process process) {
        // Listed first: a child whose shell has ended is no longer the shell's descendant.
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + TERM_GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            awaitEnd(handle, deadline);
        }
        awaitEnd(process.toHandle(), deadline);
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void awaitEnd(ProcessHandle handle, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (Exception notYet) {
            // Late, or interrupted again: SIGKILL follows either way.
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
