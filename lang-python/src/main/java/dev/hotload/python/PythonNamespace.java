package dev.hotload.python;

import dev.hotload.loop.Outcome;
import dev.hotload.run.ExitRequest;
import dev.hotload.run.StandardStreams;
import dev.hotload.spi.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyCode;
import org.python.core.PyDictionary;
import org.python.core.PyException;
import org.python.core.PyModule;
import org.python.core.PyObject;
import org.python.core.PyStringMap;
import org.python.core.PySystemState;
import org.python.core.PyType;

/**
 * The entry module's globals, as Python's own interactive console has them: a line is compiled as the console
 * compiles it ({@code single}: an expression's value is printed and kept as {@code _}), and runs in the module's
 * dictionary. A reload runs the new source in that same dictionary, so the prompt sees the new functions at once
 * and keeps its own variables, unless the module sets them again.
 *
 * <p>The same prompt serves {@code bin/hotload --repl} (the entry module, {@link PythonSession}) and the Python API
 * ({@code hotload.prompt()}, {@code hotload.hotload(..., repl=True)}: a module or a dictionary, {@link #over}).
 */
public final class PythonNamespace implements Namespace {

    private static final Prompts PROMPTS = new Prompts(">>> ", "... ");
    private static final String FILE = "<stdin>";

    private final PySystemState sys;
    private final SysStreams streams;
    /** The globals lines run in; null while there are none yet (the entry module before its first run). */
    private final Supplier<PyObject> globals;
    /** Kept between lines, as the console keeps them: a {@code from __future__ import} holds for the lines after it. */
    private final CompilerFlags flags = new CompilerFlags();

    private PythonNamespace(PySystemState sys, SysStreams streams, Supplier<PyObject> globals) {
        this.sys = sys;
        this.streams = streams;
        this.globals = globals;
    }

    /**
     * @param module supplies the entry module, or null before the first run created it
     */
    static PythonNamespace ofModule(PySystemState sys, SysStreams streams, Supplier<PyObject> module) {
        return new PythonNamespace(sys, streams, () -> {
            PyObject current = module.get();
            return current == null ? null : current.__getattr__("__dict__");
        });
    }

    /**
     * A namespace over {@code scope} in the calling thread's interpreter, for the Python API. Jython's standard
     * streams, where they are still its own (not a host's), become hotload's, as under {@code bin/hotload}: ones
     * an interrupt (Ctrl-C at the prompt) cannot close.
     *
     * @param scope a module (its globals, which a reload keeps: the prompt sees each reload's functions), or a
     *     dictionary of globals (a script's {@code globals()})
     * @throws IllegalArgumentException if {@code scope} is neither
     */
    public static Namespace over(PyObject scope) {
        PyObject globals = scope instanceof PyModule ? scope.__getattr__("__dict__") : scope;
        if (!(globals instanceof PyDictionary || globals instanceof PyStringMap)) {
            throw new IllegalArgumentException("a module or a dict of globals, not " + scope.getType().fastGetName());
        }
        PySystemState sys = Py.getSystemState();
        return new PythonNamespace(sys, SysStreams.install(sys, StandardStreams.current()), () -> globals);
    }

    @Override
    public Prompts prompts() {
        return PROMPTS;
    }

    @Override
    public Input check(String source) {
        Py.setSystemState(sys);
        try {
            return compile(source) == Py.None ? Input.INCOMPLETE : Input.COMPLETE;
        } catch (PyException invalid) {
            return Input.COMPLETE; // evaluating reports it
        }
    }

    @Override
    public OptionalInt evaluate(String source) throws InterruptedException {
        Py.setSystemState(sys);
        streams.restore();
        PyObject globals = globals();
        if (globals == null) {
            streams.writeError("hotload: the module has not run yet; nothing to evaluate in\n");
            return OptionalInt.empty();
        }
        try {
            PyObject code = compile(source);
            if (code != Py.None) {
                Py.runCode((PyCode) code, globals, globals);
            }
            return OptionalInt.empty();
        } catch (PyException error) {
            if (error.value != null && error.value.__tojava__(ThreadDeath.class) instanceof ThreadDeath) {
                throw new InterruptedException("stopped by force"); // Ctrl-C, and the code went on
            }
            if (error.value != null && error.value.__tojava__(ExitRequest.class) instanceof ExitRequest exit) {
                return OptionalInt.of(exit.status()); // java.lang.System.exit(3), refused to the program, typed here
            }
            Outcome outcome = PythonFailures.report(error, streams);
            return outcome.kind() == Outcome.Kind.EXITED ? OptionalInt.of(outcome.exitStatus()) : OptionalInt.empty();
        } finally {
            streams.flush();
        }
    }

    @Override
    public List<String> complete(String prefix) {
        Py.setSystemState(sys);
        PyObject globals = globals();
        if (globals == null) {
            return List.of();
        }
        int dot = prefix.lastIndexOf('.');
        String start = prefix.substring(dot + 1);
        TreeSet<String> names = new TreeSet<>();
        if (dot < 0) {
            addKeys(globals, start, "", names);
            addKeys(sys.getBuiltins(), start, "", names);
        } else {
            PyObject owner = resolve(prefix.substring(0, dot), globals);
            if (owner != null) {
                for (PyObject name : owner.__dir__().asIterable()) {
                    String text = name.toString();
                    if (text.startsWith(start) && (start.startsWith("_") || !text.startsWith("_"))) {
                        names.add(prefix.substring(0, dot + 1) + text);
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    private PyObject globals() {
        return globals.get();
    }

    /** @return {@link Py#None} where more lines are needed, else the code; raises SyntaxError */
    private PyObject compile(String source) {
        return Py.compile_command_flags(source, FILE, CompileMode.single, flags, true);
    }

    /**
     * @return what a dotted name stands for, looked up only in dictionaries (a module's, a class's, an object's
     *     own): a property's getter or an object's {@code __getattr__} would run the program's code for a completion
     */
    private PyObject resolve(String dotted, PyObject globals) {
        String[] parts = dotted.split("\\.", -1);
        PyObject current = globals.__finditem__(parts[0]);
        if (current == null) {
            current = sys.getBuiltins().__finditem__(parts[0]);
        }
        for (int i = 1; i < parts.length && current != null; i++) {
            current = member(current, parts[i]);
        }
        return current;
    }

    private static PyObject member(PyObject owner, String name) {
        if (owner instanceof PyModule || owner instanceof PyType) {
            PyObject dict = owner.fastGetDict();
            PyObject found = dict == null ? null : dict.__finditem__(name);
            if (found != null || owner instanceof PyModule) {
                return found;
            }
            return ((PyType) owner).lookup(name); // inherited
        }
        PyObject dict = owner.fastGetDict();
        return dict == null ? null : dict.__finditem__(name);
    }

    private static void addKeys(PyObject dict, String start, String qualifier, TreeSet<String> into) {
        for (PyObject key : dict.asIterable()) {
            String name = key.toString();
            if (name.startsWith(start) && (start.startsWith("_") || !name.startsWith("_"))) {
                into.add(qualifier + name);
            }
        }
    }
}
