package dev.hotload.python;

import dev.hotload.run.StandardStreams;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.Session;
import dev.hotload.spi.TestFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.imp;

/** Jython 2.7 modules: {@code hotload lib.py}. */
public final class PythonReloader implements Reloader {

    @Override
    public String name() {
        return "python";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".py");
    }

    @Override
    public String description() {
        return "python (.py): Jython 2.7 modules";
    }

    /** The {@code unittest} tests of a folder of modules, on every save ({@link PythonTests}). */
    @Override
    public Session openTests(Launch launch, boolean everyTest, Function<ClassLoader, TestFramework> jvmTests)
            throws LaunchException {
        launch.compilerAmong(name(), List.of("jython"));
        Path root = launch.entry();
        Interpreter python = Interpreter.start(List.of(root.toString()), root, launch.classpath());
        return new PythonTests(python.sys(), python.streams(), root, everyTest, launch.once());
    }

    @Override
    public Session open(Launch launch) throws LaunchException {
        // Jython compiles a module to class files itself, in memory.
        launch.compilerAmong(name(), List.of("jython"));
        if (!launch.sourceRoots().isEmpty()) {
            throw new LaunchException("--source-root is for Java and Groovy; a Python module's folder goes on"
                    + " sys.path with --classpath");
        }
        if (Files.isDirectory(launch.entry())) {
            throw new LaunchException("'" + launch.entry() + "' is a folder: name the module file to run, e.g. "
                    + launch.entry().resolve("main.py"));
        }
        Launch.requireRegularFile(launch.entry());
        EntryModule entry = EntryModule.of(launch.entry());
        List<String> argv = new ArrayList<>();
        argv.add(launch.entry().toString());
        argv.addAll(launch.args());
        Interpreter python = Interpreter.start(argv, entry.importRoot(), launch.classpath());
        return new PythonSession(python.sys(), python.streams(), entry, launch);
    }

    /** Jython, started for a session: hotload's streams its own, the user's folder and libraries on its path. */
    private record Interpreter(PySystemState sys, SysStreams streams) {

        static Interpreter start(List<String> argv, Path importRoot, List<Path> libraries) {
            PySystemState sys = JythonRuntime.start(argv);
            SysStreams streams = SysStreams.install(sys, StandardStreams.current());
            // Before the user's folder is on sys.path: an os.py of theirs must not run here.
            PyObject environ = imp.importName("os", true).__getattr__("environ");
            if (environ.__finditem__("HOTLOAD_RUNNING") == null) {
                environ.__setitem__("HOTLOAD_RUNNING", Py.newString("HOTLOAD_RUNNING"));
            }
            sys.path.insert(0, Py.newStringOrUnicode(importRoot.toString()));
            for (Path library : libraries) {
                sys.path.append(Py.newStringOrUnicode(library.toString()));
            }
            return new Interpreter(sys, streams);
        }
    }
}
