package dev.hotload.python;

import dev.hotload.compiled.CompilerWarmUp;
import dev.hotload.loop.Outcome;
import dev.hotload.run.EntryRunner;
import dev.hotload.run.ExitRequest;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Namespace;
import dev.hotload.spi.Session;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileKind;
import dev.hotload.watch.PrintableName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.python.core.Py;
import org.python.core.PyCode;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.imp;

/**
 * An entry module in a running Jython: imported on the first run, reloaded in place on every later one. With
 * {@code --recursive}, changed modules it imports are reloaded first; with {@code --entrypoint}, that
 * function is called after each run.
 *
 * <p>The module's code runs on a thread of its own, as a Java {@code main} does (see {@link EntryRunner}):
 * a module that does not end (a server, an endless loop) does not keep hotload from the next save, which
 * stops it and runs the new version. Its source is compiled first, on the loop's thread: a syntax error is
 * reported without stopping the run that goes on.
 *
 * <p>Each reload, the entry's and its imports', patches the module's functions and classes in place
 * ({@link InPlacePatch}) once its top level ends, unless {@code --restart}; the run's outcome says what was patched.
 */
final class PythonSession implements Session {

    private final PySystemState sys;
    private final SysStreams streams;
    private final EntryModule entry;
    private final Launch launch;
    private final EntryRunner runner;
    private volatile PyObject module;
    private int runs;
    /** Set once a run might be stopped: not before, so that a program that never needs it imports no warnings module. */
    private boolean ignoringWarningsOfStops;
    /**
     * The run that raised KeyboardInterrupt of its own: the user wants hotload to stop, as with Ctrl-C. A run
     * stopped for the next one raises it too (Jython turns an interrupt into it), and must not stop hotload.
     */
    private volatile int interruptedRun = -1;
    /** Started once the first run is done, so that it does not slow the first output. */
    private CompilerWarmUp warmUp;
    private final Namespace namespace;

    PythonSession(PySystemState sys, SysStreams streams, EntryModule entry, Launch launch) {
        this.sys = sys;
        this.streams = streams;
        this.entry = entry;
        this.launch = launch;
        this.runner = EntryRunner.builder(launch.entryName()).once(launch.once()).threads(EntryRunner.Threads.REUSED)
                .build();
        this.namespace = PythonNamespace.ofModule(sys, streams, () -> module);
    }

    @Override
    public Optional<Namespace> namespace() {
        return Optional.of(namespace);
    }

    @Override
    public Outcome run(ChangeSet changes) throws InterruptedException {
        Py.setSystemState(sys);
        FileKind entryKind = FileKind.of(launch.entry());
        if (entryKind != FileKind.REGULAR) {
            return Outcome.entryNotAFile(entryKind);
        }
        // Before the compile too: Jython prints a SyntaxError through sys.stdout, which the last run may have closed.
        streams.restore();
        PyObject target;
        PyCode code;
        try {
            target = module == null ? createEntryModule() : module;
            code = ModuleReloader.compile(target);
        } catch (PyException error) {
            return PythonFailures.isCompileError(error) ? PythonFailures.notCompiled(error) : PythonFailures.report(error, streams);
        }
        boolean reloadImported = module != null && launch.recursive();
        module = target;
        int run = ++runs;
        if (runner.isRunning() && !ignoringWarningsOfStops) {
            ignoreWarningsOfStoppedRuns();
            ignoringWarningsOfStops = true;
        }
        Outcome outcome = runner.replaceWith(PythonSession.class.getClassLoader(),
                () -> runModule(run, target, code, reloadImported ? changes : ChangeSet.none()));
        if (warmUp == null && !launch.once()) {
            warmUp = CompilerWarmUp.start(JythonWarmUp.plan(sys), PythonSession.class.getClassLoader());
        }
        if (interruptedRun == run) {
            throw new InterruptedException("KeyboardInterrupt");
        }
        return module != null && !launch.recursive() && runs > 1 ? withImportsNotReloaded(outcome, changes) : outcome;
    }

    /**
     * Without --recursive, a save of a module the entry imports re-runs the entry with the module as it was: a
     * status line saying "reloaded" would send the user looking for a bug in the new code, which never ran.
     */
    private Outcome withImportsNotReloaded(Outcome outcome, ChangeSet changes) {
        // Launch keeps the entry absolute and normalized, as watchers name changed files.
        List<Path> others = changes.presentPaths().stream().filter(path -> !path.equals(launch.entry())).toList();
        List<String> stale = ModuleReloader.modulesOf(others).stream()
                .filter(imported -> imported != module)
                .flatMap(imported -> ModuleReloader.sourceOf(imported).stream())
                .map(file -> PrintableName.of(file.getFileName()))
                .sorted()
                .toList();
        if (stale.isEmpty()) {
            return outcome;
        }
        String words = launch.entryName() + " re-ran with the old " + String.join(", ", stale)
                + " (imports reload with --recursive)";
        return outcome.withUpdate(outcome.update().isEmpty() ? words : outcome.update() + ", " + words);
    }

    /**
     * Runs on the runner's thread: the changed modules the entry imports, then the entry, then its entry point.
     * The outcome says what was patched in place, even when the run then failed.
     */
    private Outcome runModule(int run, PyObject target, PyCode code, ChangeSet imported) {
        PatchTally patches = launch.restart() ? PatchTally.off() : PatchTally.patching();
        Outcome outcome = runModule(run, target, code, imported, patches);
        return patches.sum().isEmpty() ? outcome : outcome.withUpdate(patches.words());
    }

    private Outcome runModule(int run, PyObject target, PyCode code, ChangeSet imported, PatchTally patches) {
        Py.setSystemState(sys);
        // Whatever the last run did to them (None, closed), this one prints as any run does.
        streams.restore();
        try {
            reloadImported(imported, patches);
            ModuleReloader.run(target, code, patches);
            return launch.entrypoint().isPresent() ? callEntrypoint(launch.entrypoint().get()) : Outcome.ok();
        } catch (PyException error) {
            if (error.value != null && error.value.__tojava__(ThreadDeath.class) instanceof ThreadDeath stopped) {
                throw stopped; // stopped for the next run, which hotload has said in a line of its own
            }
            if (error.value != null && error.value.__tojava__(ExitRequest.class) instanceof ExitRequest exit) {
                throw exit; // java.lang.System.exit(7) or os._exit(3), refused: the run exited
            }
            try {
                return PythonFailures.report(error, streams);
            } catch (InterruptedException keyboardInterrupt) {
                interruptedRun = run;
                return Outcome.failed("KeyboardInterrupt");
            }
        } finally {
            streams.flush();
        }
    }

    @Override
    public String describe() {
        return "python module " + entry.name();
    }

    /**
     * Runs the program's {@code atexit} handlers (its cleanup hooks, run once: atexit forgets a handler as
     * it runs it), flushes its output and forgets the module, so that a later session imports it afresh.
     */
    @Override
    public void close() {
        if (warmUp != null) {
            warmUp.stop();
        }
        runner.close();
        Py.setSystemState(sys);
        runExitHandlers();
        streams.flush();
        if (sys.modules.__finditem__(entry.name()) != null) {
            sys.modules.__delitem__(entry.name());
        }
    }

    /**
     * A run that ignores its interrupt is stopped with {@link Thread#stop} (see {@link EntryRunner}), which Jython
     * warns of, with its traceback, as of a failure of its own: hotload has said in a line what it did.
     */
    private static void ignoreWarningsOfStoppedRuns() {
        imp.importName("warnings", true).invoke("filterwarnings", new PyObject[] {Py.newString("ignore"),
                Py.newString("PyTableCode\\.call caught a Throwable that is not an Exception:\\s+java\\.lang\\.ThreadDeath"),
                Py.RuntimeWarning});
    }

    /**
     * Creates the entry's module, as import does, for its source to run in; from the file as saved (never a
     * cached class file). The module is kept when its first run fails: the next save reloads it.
     */
    private PyObject createEntryModule() {
        String name = entry.name();
        int dot = name.lastIndexOf('.');
        PyObject parent = dot < 0 ? null : imp.importName(name.substring(0, dot), false);
        PyObject created = imp.addModule(name);
        created.__setattr__("__file__", Py.newStringOrUnicode(launch.entry().toString()));
        if (parent != null) {
            parent.__setattr__(name.substring(dot + 1), created);
        }
        return created;
    }

    /**
     * What {@code sys.callExitFunc()} does, minus its error printer: that one ends the JVM when a handler calls
     * sys.exit(), and close() may run in a shutdown hook, where System.exit never returns.
     */
    private void runExitHandlers() {
        PyObject exitfunc = sys.__findattr__("exitfunc");
        if (exitfunc == null) {
            return;
        }
        try {
            exitfunc.__call__();
        } catch (PyException error) {
            try {
                PythonFailures.report(error, streams);
            } catch (InterruptedException alreadyStopping) {
                // A KeyboardInterrupt in a cleanup hook: hotload is stopping anyway.
            }
        }
    }

    private void reloadImported(ChangeSet changes, PatchTally patches) {
        List<PyObject> changed = ModuleReloader.modulesOf(changes.presentPaths());
        for (PyObject imported : changed) {
            if (imported != module) {
                ModuleReloader.reload(imported, patches);
            }
        }
    }

    private Outcome callEntrypoint(String name) {
        PyObject function = module.__findattr__(name);
        if (function == null || !function.isCallable()) {
            String message = "module '" + entry.name() + "' (" + launch.entryName() + ") has no function '" + name
                    + "' to call (--entrypoint)";
            streams.writeError("hotload: " + PrintableName.of(message) + "\n");
            return Outcome.failed("no function " + name);
        }
        function.__call__();
        return Outcome.ok();
    }
}
