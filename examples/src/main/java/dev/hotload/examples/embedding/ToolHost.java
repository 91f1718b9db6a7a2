package dev.hotload.examples.embedding;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.python.core.Py;
import org.python.core.PyModule;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * A legacy-style tool that scripts itself with Jython: it owns its interpreter, that interpreter's
 * {@code sys.path} and its streams. hotload runs inside it, in the background or in a thread of the tool's
 * choosing, reloading a plug-in on every save, and stops again without touching the tool's process.
 *
 * <p>A plug-in may define {@code unload()}: the tool calls it once when hotload stops, through the step's
 * {@code close()}, hotload's cleanup hook.
 *
 * <p>A plug-in may listen to the tool's events: {@code from toolhost import host}, then, once (the NameError idiom),
 * {@code host.addListener(on_event)}. The tool keeps that listener for as long as it runs; a save patches the
 * plug-in's function in place, so the listener the tool holds answers with the new code, and is not registered
 * twice. {@code examples/python/plugins/listener.py} is one.
 *
 * <p>Try it: {@code java -cp "cli/target/lib/*:examples/target/classes" dev.hotload.examples.embedding.ToolHost
 * examples/python/plugins listener}, type a line to fire it as an event, edit
 * {@code examples/python/plugins/listener.py}, type another; an empty line stops.
 */
public final class ToolHost implements AutoCloseable {

    /** What a plug-in script of the tool would write: one hotload call, with the tool's own plug-in step. */
    private static final String HOTLOAD_SCRIPT = """
            import hotload

            class Plugin(hotload.ReloadedPythonModule):
                def close(self):
                    unload = getattr(self.module, 'unload', None)
                    if unload is not None:
                        unload()

            _hotload = hotload.%s(
                watch=[hotload.listfiles(_plugins, ext='.py')],
                steps=[Plugin.from_module_name(_plugin)])
            """;

    /** A listener of the tool's events. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param event what happened in the tool, in a few words
         * @return the listener's answer, which the tool shows
         */
        String onEvent(String event);
    }

    private final PythonInterpreter python;
    private final Path plugins;
    /** The tool's long-lived listeners: registered once by plug-ins, called by the tool for as long as it runs. */
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private PyObject background;

    /**
     * @param plugins the folder of the tool's Python plug-ins
     * @param out where the plug-ins' output goes (the tool's console, a log window)
     * @param err where errors and hotload's status lines go
     */
    public ToolHost(Path plugins, Writer out, Writer err) {
        this.plugins = plugins.toAbsolutePath();
        // The tool starts Jython, so it decides where Jython's package cache goes: nowhere, rather than
        // .jython_cache in whatever folder the tool was started from. A no-op if Jython is running already.
        Properties options = new Properties();
        options.setProperty("python.cachedir.skip", "true");
        PySystemState.initialize(System.getProperties(), options);
        PySystemState sys = new PySystemState();
        sys.path.insert(0, Py.newUnicode(this.plugins.toString()));
        // What the tool offers its plug-ins: `from toolhost import host`. A name of its own: a module in
        // sys.modules hides a plug-in of the same name.
        PyModule api = new PyModule("toolhost");
        api.__setattr__("host", Py.java2py(this));
        sys.modules.__setitem__("toolhost", api);
        python = new PythonInterpreter(null, sys);
        python.setOut(out);
        python.setErr(err);
    }

    /**
     * Registers a listener of the tool's events, as a plug-in does once.
     *
     * @param listener a Python function of one argument will do: Jython makes it a {@code Listener}
     */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Fires an event, as the tool does when something happens in it.
     *
     * @return each listener's answer, in the order they were registered
     */
    public List<String> fire(String event) {
        return listeners.stream().map(listener -> listener.onEvent(event)).toList();
    }

    /** Starts hotload on a background thread: every save in the plug-in folder reloads {@code plugin}. */
    public void startInBackground(String plugin) {
        background = hotload("start", plugin);
    }

    /** Runs hotload in the calling thread until that thread is interrupted: the tool's own worker thread. */
    public void runInForeground(String plugin) {
        hotload("hotload", plugin);
    }

    /** @return whether a background hotload is running */
    public boolean isRunning() {
        return background != null && background.invoke("isRunning").__nonzero__();
    }

    /** Calls {@code hotload.start} or {@code hotload.hotload} in the tool's interpreter, as a plug-in script would. */
    private PyObject hotload(String function, String plugin) {
        python.set("_plugins", Py.newUnicode(plugins.toString()));
        python.set("_plugin", Py.newUnicode(plugin));
        python.exec(HOTLOAD_SCRIPT.formatted(function));
        return python.get("_hotload");
    }

    /**
     * Stops the background hotload, if one runs; the plug-in's {@code unload()} runs once.
     *
     * @return whether hotload's thread has ended
     */
    public boolean stop() {
        if (background == null) {
            return true;
        }
        boolean ended = background.invoke("stop").__nonzero__();
        background = null;
        return ended;
    }

    @Override
    public void close() {
        stop();
        python.close();
    }

    /**
     * Runs the tool: hotload on a plug-in folder, each line typed fired as an event, until an empty line (or for
     * the seconds given).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ToolHost PLUGIN_FOLDER PLUGIN_MODULE [SECONDS]");
            System.exit(2);
        }
        Writer console = new PrintWriter(System.out, true);
        try (ToolHost host = new ToolHost(Path.of(args[0]), console, new PrintWriter(System.err, true))) {
            host.startInBackground(args[1]);
            if (args.length == 3) {
                System.err.println("tool: hotload runs in the background for " + args[2] + " s; edit " + args[0]);
                TimeUnit.SECONDS.sleep(Long.parseLong(args[2]));
            } else {
                System.err.println("tool: hotload runs in the background; edit " + args[0]
                        + ", type an event to fire it, an empty line to stop");
                BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null && !line.isEmpty(); line = lines.readLine()) {
                    host.fire(line).forEach(answer -> System.out.println("tool: " + answer));
                }
            }
        }
        System.err.println("tool: hotload stopped, the tool goes on");
    }
}
