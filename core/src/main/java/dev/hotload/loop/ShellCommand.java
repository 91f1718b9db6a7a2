package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import java.io.File;
import java.util.List;

/**
 * Runs a shell command on every change, with the terminal as its input and output: the original's
 * {@code Command}. A command that exits non-zero is an {@link Outcome#exited exited} run.
 */
public final class ShellCommand implements Step {

    private final List<String> argv;
    private final String description;

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
        Process process = new ProcessBuilder(argv).inheritIO().start();
        try {
            int status = process.waitFor();
            return status == 0 ? Outcome.ok() : Outcome.exited(status);
        } catch (InterruptedException stopping) {
            // What the command started goes too: a dev server left behind would hold its port.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw stopping;
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
