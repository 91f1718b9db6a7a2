package dev.hotload.python;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;
import org.python.core.Options;
import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PySystemState;

/** Starts Jython once per JVM, set up for reloading. */
final class JythonRuntime {

    private JythonRuntime() {
    }

    /**
     * Initialises Jython (a no-op if something already did) and returns its system state.
     *
     * @param argv {@code sys.argv}
     */
    static synchronized PySystemState start(List<String> argv) {
        // Jython would write name$py.class beside the sources and later trust its timestamp: a second save
        // within the same millisecond could run stale code. hotload always compiles from the source instead.
        Options.dont_write_bytecode = true;
        // Print as the program prints: a pipe (a test, a log) sees each line when it is written.
        Options.unbuffered = true;
        Properties properties = new Properties();
        // The package cache would be written under the user's home or the shared temp folder; not needed.
        properties.setProperty("python.cachedir.skip", "true");
        // Before os is imported, which loads jffi: its library must not be written to the shared /tmp.
        NativeFolder.choose(System.getenv());
        PySystemState.initialize(System.getProperties(), properties, argv.toArray(String[]::new));
        PySystemState sys = Py.getSystemState();
        // Also when Jython was started before (an embedding host, a test), without the option.
        sys.__setattr__("dont_write_bytecode", Py.True);
        sys.argv = new PyList(argv.stream().map(Py::newStringOrUnicode).toList());
        readStandardLibraryThroughTheClassPath(sys);
        return sys;
    }

    /**
     * Jython finds its standard library in its own jar, {@code jython-standalone.jar/Lib} on {@code sys.path}, with a
     * {@code zipimporter}, which first reads all 25,000 entries of the jar into a dict of its own: a third of a
     * second of every start, spent on the first {@code import os}. The same modules through the class path
     * ({@code __pyclasspath__/Lib}) are found in the index the JVM keeps of the jar anyway.
     */
    private static void readStandardLibraryThroughTheClassPath(PySystemState sys) {
        CodeSource jython = PySystemState.class.getProtectionDomain().getCodeSource();
        if (jython == null || jython.getLocation() == null || sys.modules.__finditem__("os") != null) {
            return; // not from a jar, or an embedding host's Jython that has its modules already
        }
        String ownLibrary;
        try {
            ownLibrary = Path.of(jython.getLocation().toURI()).resolve("Lib").toString();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return;
        }
        PyList path = new PyList();
        for (PyObject entry : sys.path.asIterable()) {
            path.append(entry.toString().equals(ownLibrary) ? Py.newString("__pyclasspath__/Lib") : entry);
        }
        sys.path = path;
    }
}
