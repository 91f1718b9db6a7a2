package dev.hotload.python;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.hotload.watch.PrintableName;
import dev.hotload.watch.SavedFiles;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyCode;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySyntaxError;

/**
 * Reloads modules exactly as saved: {@code reload()} without Jython's compiled-class cache. The source is read
 * and compiled now, and run in the module's own namespace, which is kept: names a run defined stay defined,
 * so the NameError idiom keeps state across reloads. Then the functions and classes the module had are patched in
 * place with what the run defined ({@link InPlacePatch}), unless the tally says not to.
 */
public final class ModuleReloader {

    private ModuleReloader() {
    }

    /**
     * Runs the module's current source again in its namespace, and patches its functions and classes in place.
     *
     * @param module a module object with a {@code __file__}
     * @return the same module
     * @throws org.python.core.PyException the Python error the module raised, or IOError, or SyntaxError
     */
    public static PyObject reload(PyObject module) {
        return reload(module, PatchTally.patching());
    }

    /**
     * Runs the module's current source again in its namespace.
     *
     * @param module a module object with a {@code __file__}
     * @param tally whether to patch in place, and where what was patched is added
     * @return the same module
     * @throws org.python.core.PyException the Python error the module raised, or IOError, or SyntaxError (which
     *     patches nothing: nothing ran)
     */
    public static PyObject reload(PyObject module, PatchTally tally) {
        return run(module, compile(module), tally);
    }

    /**
     * Compiles the module's current source, without running it.
     *
     * @throws org.python.core.PyException SyntaxError, or IOError, or ImportError if it has no source
     */
    public static PyCode compile(PyObject module) {
        Path source = sourceOf(module).orElseThrow(() -> Py.ImportError(
                "hotload cannot reload " + module + ": it has no Python source file"));
        return compile(source);
    }

    /**
     * Runs compiled code of the module in its namespace, then patches in place what it defined again.
     *
     * @param tally whether to patch in place, and where what was patched is added
     * @return the same module
     * @throws org.python.core.PyException what the module raised, once what it defined up to there is patched
     */
    public static PyObject run(PyObject module, PyCode code, PatchTally tally) {
        PyObject namespace = module.__getattr__("__dict__");
        Optional<InPlacePatch> patch = tally.isPatching() ? Optional.of(InPlacePatch.before(module)) : Optional.empty();
        try {
            Py.runCode(code, namespace, namespace);
        } catch (PyException raised) {
            // The listeners out there should run what the namespace now holds, as after any other run; not when
            // the run's thread is being stopped with Thread.stop, where no more Python can run.
            if (!isStop(raised)) {
                patch.ifPresent(before -> tally.add(before.apply()));
            }
            throw raised;
        }
        patch.ifPresent(before -> tally.add(before.apply()));
        return module;
    }

    /** @return the modules in {@code sys.modules} whose source is one of {@code files} */
    public static List<PyObject> modulesOf(Collection<Path> files) {
        if (files.isEmpty()) {
            return List.of(); // without a look at each of the hundreds of modules Jython has loaded
        }
        Set<Path> wanted = Set.copyOf(files);
        List<PyObject> modules = new ArrayList<>();
        for (PyObject module : Py.getSystemState().modules.asIterable()) {
            PyObject value = Py.getSystemState().modules.__finditem__(module);
            // Named first, looked at on disk only if wanted: a stat of each of Jython's modules took milliseconds.
            if (value != null && value != Py.None && namedSource(value).filter(wanted::contains).isPresent()) {
                modules.add(value);
            }
        }
        return modules;
    }

    private static boolean isStop(PyException raised) {
        return raised.value != null && raised.value.__tojava__(ThreadDeath.class) instanceof ThreadDeath;
    }

    /** @return the {@code .py} file a module was loaded from, absolute, if it has one that exists */
    public static Optional<Path> sourceOf(PyObject module) {
        return namedSource(module).filter(Files::isRegularFile);
    }

    /** @return the {@code .py} file a module's {@code __file__} names, absolute, whether or not it exists */
    private static Optional<Path> namedSource(PyObject module) {
        PyObject file = module.__findattr__("__file__");
        if (file == null || file == Py.None) {
            return Optional.empty();
        }
        String name = file.toString();
        if (name.endsWith("$py.class")) {
            name = name.substring(0, name.length() - "$py.class".length()) + ".py";
        } else if (name.endsWith(".pyc")) {
            name = name.substring(0, name.length() - 1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    private static PyCode compile(Path source) {
        byte[] bytes;
        try {
            bytes = SavedFiles.read(source); // whole, never between two steps of a save
        } catch (IOException e) {
            throw Py.IOError("cannot read " + source.getFileName() + ": " + SavedFiles.reason(e));
        }
        // From bytes, so that a coding line (PEP 263) is honoured as on import; without one, UTF-8. The name is
        // what tracebacks print: escaped, a file name with a line end in it cannot forge a line of hotload's.
        CompilerFlags flags = new CompilerFlags();
        flags.encoding = SourceEncoding.defaultFor(bytes).orElse(null);
        String name = PrintableName.of(source.toString());
        Optional<SourceEncoding.BadByte> bad = SourceEncoding.firstBadByte(bytes);
        if (bad.isPresent()) {
            // Jython's own error names no line ("<string>", line None): this one names the file's.
            throw new PySyntaxError(undecodable(bad.get(), SourceEncoding.declared(bytes)), bad.get().line(),
                    bad.get().column() + 1, pythonBytes(bad.get().text()), pythonBytes(name));
        }
        return Py.compile_flags(new ByteArrayInputStream(bytes), name, CompileMode.exec, flags);
    }

    private static String undecodable(SourceEncoding.BadByte bad, Optional<String> declared) {
        String value = String.format("0x%02x", bad.value());
        return declared.map(encoding -> "byte " + value + " is not " + encoding + ", the encoding its coding line names")
                .orElse("byte " + value + " is not UTF-8, and no coding line (PEP 263) names another encoding");
    }

    /** @return the text as a Python 2 {@code str} holds it: its UTF-8 bytes, a char each */
    private static String pythonBytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
