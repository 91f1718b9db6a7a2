package dev.hotload.python;

import dev.hotload.loop.Outcome;
import dev.hotload.loop.Printable;
import java.nio.file.Path;
import java.util.Optional;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.imp;

/** Turns a Python exception into a run's outcome, printed the way Python prints it. */
public final class PythonFailures {

    private static final Path WORKING_DIR = Path.of("").toAbsolutePath();

    private PythonFailures() {
    }

    /**
     * Reports what user code raised, on the program's {@code sys.stderr} (hotload's, if the program broke it).
     *
     * @param streams the interpreter's standard streams
     * @return {@link Outcome#exited} for {@code sys.exit()}, else {@link Outcome#failed} with the exception's type
     * @throws InterruptedException for KeyboardInterrupt: the user wants hotload to stop
     */
    static Outcome report(PyException error, SysStreams streams) throws InterruptedException {
        // Checked before any printing: Jython's printers end the JVM on a SystemExit.
        if (error.match(Py.SystemExit)) {
            return exitStatus(error, streams);
        }
        if (error.match(Py.KeyboardInterrupt)) {
            throw new InterruptedException("KeyboardInterrupt");
        }
        Optional<String> tooLarge = TooLargeModule.fileOf(error);
        if (tooLarge.isPresent()) {
            // An import of a module too large to compile: where it was imported, then what is wrong with it.
            streams.writeError(Printable.lines(pythonFrames(printed(error))) + TooLargeModule.line(tooLarge.get(), WORKING_DIR));
            return Outcome.failed("too large");
        }
        PySystemState sys = Py.getSystemState();
        if (sys.__findattr__("excepthook") == sys.__findattr__("__excepthook__")) {
            streams.writeError(Printable.lines(Tracebacks.collapse(printed(error))) + python3Hint(error));
        } else {
            // The program's own hook decides how its errors look.
            try {
                Py.printException(error, null, sys.stderr);
            } catch (PyException | NullPointerException lostStderr) {
                streams.writeError(printed(error));
            }
        }
        return Outcome.failed(typeName(error));
    }

    /**
     * @return whether compiling a module raised {@code error} for its source: a SyntaxError, an IOError reading
     *     it, or code too large for the JVM
     */
    public static boolean isCompileError(PyException error) {
        return error.match(Py.SyntaxError) || error.match(Py.IOError) || TooLargeModule.fileOf(error).isPresent();
    }

    /**
     * @param error a {@linkplain #isCompileError compile error}
     * @return the outcome of a run whose source did not compile, with the error as Python prints it
     */
    public static Outcome notCompiled(PyException error) {
        if (error.match(Py.IOError)) {
            // Reading the source failed, as hotload says in each language; no line of Python is to blame.
            error.normalize();
            return Outcome.invalid("unreadable source", "hotload: " + error.value.__str__() + "\n");
        }
        Optional<String> tooLarge = TooLargeModule.fileOf(error);
        if (tooLarge.isPresent()) {
            return Outcome.invalid("too large", TooLargeModule.line(tooLarge.get(), WORKING_DIR));
        }
        return Outcome.invalid(typeName(error), Printable.lines(printed(error)) + python3Hint(error));
    }

    /**
     * @return for a SyntaxError on a line of Python 3 syntax (an import's, too), a line of hotload's that says so
     *     and that hotload runs Python 2.7; else nothing
     */
    static String python3Hint(PyException error) {
        if (!error.match(Py.SyntaxError)) {
            return "";
        }
        error.normalize();
        PyObject text = error.value.__findattr__("text");
        String line = text == null || text == Py.None ? null : text.toString();
        return Python3Syntax.hint(line).map(hint -> "hotload: " + hint + "\n").orElse("");
    }

    /** @return the lines of a printed traceback that show Python's frames, without the Java exception under them */
    private static String pythonFrames(String traceback) {
        StringBuilder frames = new StringBuilder();
        for (String line : traceback.split("\n")) {
            if (!line.startsWith("Traceback") && !line.startsWith("  ")) {
                break;
            }
            frames.append(line).append('\n');
        }
        return frames.toString();
    }

    /** @return the error as Python prints it, traceback and all; its source lines are the file's, as saved */
    private static String printed(PyException error) {
        PyObject printed = imp.importName("StringIO", true).invoke("StringIO");
        // Not printException: it hands the error to sys.excepthook, which writes to sys.stderr.
        error.normalize();
        try {
            Py.displayException(error.type, error.value, error.traceback, printed);
        } catch (PyException closedStdout) {
            // Jython flushes sys.stdout first, which fails if the program closed it or set it to None.
            PySystemState sys = Py.getSystemState();
            PyObject stdout = sys.stdout;
            sys.stdout = printed = imp.importName("StringIO", true).invoke("StringIO");
            try {
                Py.displayException(error.type, error.value, error.traceback, printed);
            } finally {
                sys.stdout = stdout;
            }
        }
        return printed.invoke("getvalue").toString();
    }

    private static Outcome exitStatus(PyException exit, SysStreams streams) {
        exit.normalize();
        PyObject code = exit.value.__findattr__("code");
        if (code == null || code == Py.None) {
            return Outcome.exited(0);
        }
        if (code.isIndex()) {
            return Outcome.exited(code.asIndex());
        }
        // As CPython does: sys.exit("message") prints the message and exits with status 1.
        streams.writeError(code.__str__().toString() + "\n");
        return Outcome.exited(1);
    }

    /** @return the name of the exception's type, as a status line says it: {@code NameError} */
    static String typeName(PyException error) {
        PyObject name = error.type.__findattr__("__name__");
        return name == null ? error.type.toString() : name.toString();
    }
}
