package dev.hotload.examples.embedding;

import java.io.Writer;
import java.nio.file.Path;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * A legacy-style tool that scripts itself with Jython: it owns its interpreter, that interpreter's
 * {@code sys.path} and its streams. hotload runs inside it, in the background or in a thread of the tool's
 * choosing, reloading a plug-in on every save, and stops again without touching the tool's process.
 *
 * <p>Try it: {@code java -cp "cli/target/lib/*:examples/target/classes" dev.hotload.examples.embedding.ToolHost
 * examples/plugins greet}, edit {@code examples/plugins/greet.py}, press Enter to stop.
 */
public final class ToolHost implements AutoCloseable {

    private final PythonInterpreter python;
    private final Path plugins;
    private PyObject background;

    /**
     * @param plugins the folder of the tool's Python plug-ins
     * @param out where the plug-ins' output goes (the tool's console, a log window)
     * @param err where errors and hotload's status lines go
     */
    public ToolHost(Path plugins, Writer out, Writer err) {
        this.plugins = plugins.toAbsolutePath();
        PySystemState sys = new PySystemState();
        sys.path.insert(0, Py.newUnicode(this.plugins.toString()));
        python = new PythonInterpreter(null, sys);
        python.setOut(out);
        python.setErr(err);
    }

    /** Starts hotload on a background thread: every save in the plug-in folder reloads {@code plugin}. */
    public void startInBackground(String plugin) {
        background = hotload("start", plugin);
    }

    /** Runs hotload in the calling thread until that thread is interrupted: the tool's own worker thread. */
    public void runInForeground(String plugin) {
        hotload("hotload", plugin);
    }

    /** Calls {@code hotload.start} or {@code hotload.hotload} in the tool's interpreter, as a plug-in script would. */
    private PyObject hotload(String function, String plugin) {
        python.set("_plugins", Py.newUnicode(plugins.toString()));
        python.set("_plugin", Py.newUnicode(plugin));
        python.exec("import hotload\n"
                + "_hotload = hotload." + function + "(\n"
                + "    watch=[hotload.listfiles(_plugins, ext='.py')],\n"
                + "    steps=[hotload.ReloadedPythonModule.from_module_name(_plugin)])\n");
        return python.get("_hotload");
    }

    /** Stops the background hotload, if one runs; its cleanup runs once. */
    public void stop() {
        if (background != null) {
            background.invoke("stop");
            background = null;
        }
    }

    @Override
    public void close() {
        stop();
        python.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ToolHost PLUGIN_FOLDER PLUGIN_MODULE");
            System.exit(2);
        }
        Writer console = new java.io.PrintWriter(System.out, true);
        try (ToolHost host = new ToolHost(Path.of(args[0]), console, new java.io.PrintWriter(System.err, true))) {
            host.startInBackground(args[1]);
            System.err.println("tool: hotload runs in the background; edit " + args[0] + ", press Enter to stop");
            System.in.read();
        }
        System.err.println("tool: hotload stopped, the tool goes on");
    }
}
