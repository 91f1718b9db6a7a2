package dev.hotload.java;

import dev.hotload.Generations;
import dev.hotload.loop.Outcome;
import dev.hotload.loop.StackTraces;
import dev.hotload.spi.Session;
import dev.hotload.watch.ChangeSet;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A Java program in the running JVM: every save recompiles what changed, and a successful compile becomes a
 * new {@link Generation} that replaces the last one and runs the entry. A compile error leaves the last good
 * generation loaded (and running, if it runs).
 *
 * <p>How a run ends: the session waits {@link #RUNNING_WINDOW} for the entry to return, and reports how it
 * ended (returned, threw, called {@code System.exit}). An entry still running by then is reported as running in
 * the background; on the next save its {@link dev.hotload.Hotload#onUnload} hooks run, its thread is
 * interrupted, and the session waits up to {@link #STOP_WAIT} for it before starting the new generation.
 */
final class JavaSession implements Session {

    static final Duration RUNNING_WINDOW = Duration.ofMillis(500);
    static final Duration STOP_WAIT = Duration.ofSeconds(2);
    /** Short: Ctrl-C must end hotload within a second, and the JVM's end stops the thread anyway. */
    static final Duration CLOSE_WAIT = Duration.ofMillis(250);

    private final SourceTree tree;
    private final EntryPoint entryPoint;
    private final WarmCompiler compiler;
    private final IncrementalBuild build;
    private final URLClassLoader libraries;
    private final PrintStream err;
    private final Path workingDir = Path.of("").toAbsolutePath();
    private int generations;
    private BuildResult lastBuild;
    private Generation generation;
    private EntryRun running;
    private CompilerWarmUp warmUp;

    JavaSession(SourceTree tree, EntryPoint entryPoint, WarmCompiler compiler, URLClassLoader libraries, PrintStream err) {
        this.tree = tree;
        this.entryPoint = entryPoint;
        this.compiler = compiler;
        this.build = new IncrementalBuild(tree, compiler);
        this.libraries = libraries;
        this.err = err;
    }

    @Override
    public Outcome run(ChangeSet changes) throws IOException, InterruptedException {
        lastBuild = build.update(changes);
        if (warmUp == null) {
            warmUp = CompilerWarmUp.start();
        }
        if (!lastBuild.isOk()) {
            CompileErrors.print(lastBuild.errors(), workingDir, err);
            return Outcome.failed("compile error");
        }
        Generation next = new Generation(++generations, build.classes(), libraries, tree.root());
        MethodHandle entry;
        try {
            entry = entryPoint.resolve(next);
        } catch (EntryPoint.Missing missing) {
            err.println("hotload: " + missing.getMessage());
            return Outcome.failed("no entry point");
        }
        unloadCurrent(STOP_WAIT);
        generation = next;
        Generations.begin(next);
        running = EntryRun.start(entry, next, err);
        Optional<Outcome> ended = running.await(RUNNING_WINDOW);
        if (ended.isEmpty()) {
            err.println("hotload: main is still running after " + RUNNING_WINDOW.toMillis()
                    + " ms; it goes on in the background until the next save");
        }
        return ended.orElse(Outcome.ok());
    }

    @Override
    public String describe() {
        return "java " + tree.entryClass();
    }

    /** Runs the unload hooks, stops a running entry, and releases the compiler and the libraries. */
    @Override
    public void close() {
        if (warmUp != null) {
            warmUp.stop();
        }
        try {
            unloadCurrent(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Generations.end().forEach(this::reportHookFailure);
        generation = null;
        compiler.close();
        try {
            libraries.close();
        } catch (IOException e) {
            err.println("hotload: could not close the libraries: " + e.getMessage());
        }
    }

    /** @return the last build's result, or null before the first run: for tests */
    BuildResult lastBuild() {
        return lastBuild;
    }

    /** @return the loader of the generation that ran last, or null: for tests */
    ClassLoader generation() {
        return generation;
    }

    private void unloadCurrent(Duration wait) throws InterruptedException {
        if (running == null) {
            return;
        }
        Generations.unload().forEach(this::reportHookFailure);
        if (running.isAlive() && !running.stop(wait)) {
            err.println("hotload: the previous main did not end within " + wait.toMillis()
                    + " ms of an interrupt; it goes on running beside the new one");
        }
        running = null;
    }

    private void reportHookFailure(Throwable failure) {
        err.print("hotload: an onUnload hook failed: ");
        StackTraces.print(failure, err);
    }
}
