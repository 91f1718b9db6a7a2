package dev.hotload.python.api;

import dev.hotload.python.PythonNamespace;
import dev.hotload.repl.HistoryFile;
import dev.hotload.repl.Prompt;
import dev.hotload.run.StandardStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;

/**
 * hotload's prompt ({@link Prompt}, as {@code bin/hotload --repl} gives it) over a module or a script's globals, on
 * the process's terminal: {@code hotload.prompt()}, and {@code hotload.hotload(..., repl=True)}.
 *
 * <p>While it is open, the process's standard input is the prompt's (a program reading it gets an end of input, not
 * the lines meant for the prompt) and so is Ctrl-C (it cancels a line, or stops an evaluation); closing it gives both
 * back. Where hotload owns the standard streams ({@code bin/jython}, as {@code bin/hotload}), what the program and
 * hotload print shows above the line being typed; in a host's JVM, its streams are its own, and what its threads
 * print while a line is typed shows where it falls.
 */
public final class PythonPrompt implements AutoCloseable {

    /** Why there is no prompt, after what asked for one. */
    public static final String NEEDS_TERMINAL = "needs a terminal: standard input and output must be one";

    private final Prompt prompt;
    private final PySystemState sys;
    private final InputStream stdinBefore;
    private final PyObject sysStdinBefore;
    private final PyObject sysOriginalStdinBefore;
    private boolean closed;

    private PythonPrompt(PyObject scope, Path project) throws IOException {
        this.sys = Py.getSystemState();
        this.stdinBefore = System.in;
        this.sysStdinBefore = sys.stdin;
        this.sysOriginalStdinBefore = sys.__stdin__;
        System.setIn(InputStream.nullInputStream());
        try {
            this.prompt = Prompt.open(PythonNamespace.over(scope),
                    HistoryFile.of(project.toAbsolutePath(), "python", System.getenv()), StandardStreams.current());
        } catch (IOException | RuntimeException failed) {
            giveBack();
            throw failed;
        }
    }

    /**
     * @return whether standard input and output are both a terminal: as {@code bin/jython} found them (Jython cannot
     *     tell); in a host's JVM, as the JDK does ({@link System#console()}: both are terminals)
     */
    public static boolean hasTerminal() {
        String stdin = System.getProperty("hotload.stdin.tty");
        String stdout = System.getProperty("hotload.stdout.tty");
        if (stdin != null && stdout != null) {
            return Boolean.parseBoolean(stdin) && Boolean.parseBoolean(stdout);
        }
        return System.console() != null;
    }

    /**
     * Takes the terminal for a prompt over {@code scope}; {@link #run()} reads lines, {@link #close()} gives it back.
     *
     * @param scope a module (its globals, as each reload leaves them), or a dictionary of globals
     * @param project the folder whose prompt history is kept (the launch script's)
     * @throws IOException if the terminal cannot be used
     */
    public static PythonPrompt open(PyObject scope, String project) throws IOException {
        return new PythonPrompt(scope, Path.of(project));
    }

    /**
     * {@code hotload.prompt()}: a prompt over {@code scope} until Ctrl-D on an empty line, or code that exits.
     *
     * @return the status the code typed asked to exit with ({@code sys.exit(3)}); null for Ctrl-D
     */
    public static Integer prompt(PyObject scope, String project) throws IOException {
        try (PythonPrompt prompt = open(scope, project)) {
            OptionalInt exit = prompt.run();
            return exit.isPresent() ? exit.getAsInt() : null;
        }
    }

    /** Reads and evaluates lines until Ctrl-D on an empty line, or code that exits; see {@link Prompt#run()}. */
    public OptionalInt run() {
        return prompt.run();
    }

    /** Gives the terminal, standard input and Ctrl-C back as they were; once, however often it is called. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        prompt.close();
        giveBack();
    }

    /** Gives back standard input as it was before the prompt (the prompt gives Ctrl-C back itself). */
    private void giveBack() {
        System.setIn(stdinBefore);
        sys.stdin = sysStdinBefore;
        sys.__stdin__ = sysOriginalStdinBefore;
    }
}
