package dev.hotload.python;

import dev.hotload.loop.Outcome;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.imp;

/** Turns a Python exception into a run's outcome, printed the way Python prints it. */
public final class PythonFailures {

    private PythonFailures() {
    }

    /**
     * Reports what user code raised, on the current interpreter's {@code sys.stderr}.
     *
     * @return {@link Outcome#exited} for {@code sys.exit()}, else {@link Outcome#failed} with the exception's type
     * @throws InterruptedException for KeyboardInterrupt: the user wants hotload to stop
     */
    public static Outcome report(PyException error) throws InterruptedException {
        // Checked before any printing: Jython's printers end the JVM on a SystemExit.
        if (error.match(Py.SystemExit)) {
            return exitStatus(error);
        }
        if (error.match(Py.KeyboardInterrupt)) {
            throw new InterruptedException("KeyboardInterrupt");
        }
        PySystemState sys = Py.getSystemState();
        if (sys.__findattr__("excepthook") == sys.__findattr__("__excepthook__")) {
            sys.stderr.invoke("write", Py.newUnicode(Tracebacks.collapse(printed(error))));
        } else {
            // The program's own hook decides how its errors look.
            Py.printException(error, null, sys.stderr);
        }
        return Outcome.failed(typeName(error));
    }

    /** @return whether compiling a module raised {@code error} for its source: a SyntaxError, or an IOError reading it */
    public static boolean isCompileError(PyException error) {
        return error.match(Py.SyntaxError) || error.match(Py.IOError);
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
        return Outcome.invalid(typeName(error), printed(error));
    }

    /** @return the error as Python prints it, traceback and all */
    private static String printed(PyException error) {
        PyObject printed = imp.importName("StringIO", true).invoke("StringIO");
        // Not printException: it hands the error to sys.excepthook, which writes to sys.stderr.
        error.normalize();
        Py.displayException(error.type, error.value, error.traceback, printed);
        return printed.invoke("getvalue").toString();
    }

    private static Outcome exitStatus(PyException exit) {
        exit.normalize();
        PyObject code = exit.value.__findattr__("code");
        if (code == null || code == Py.None) {
            return Outcome.exited(0);
        }
        if (code.isIndex()) {
            return Outcome.exited(code.asIndex());
        }
        // As CPython does: sys.exit("message") prints the message and exits with status 1.
        Py.getSystemState().stderr.invoke("write", Py.newUnicode(code.__str__().toString() + "\n"));
        return Outcome.exited(1);
    }

    private static String typeName(PyException error) {
        PyObject name = error.type.__findattr__("__name__");
        return name == null ? error.type.toString() : name.toString();
    }
}
