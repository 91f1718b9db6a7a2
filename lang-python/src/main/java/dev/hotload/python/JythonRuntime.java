package dev.hotload.python;

import java.util.List;
import java.util.Properties;
import org.python.core.Options;
import org.python.core.Py;
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
        sys.argv = new org.python.core.PyList(argv.stream().map(Py::newStringOrUnicode).toList());
        return sys;
    }
}
