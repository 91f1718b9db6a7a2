package dev.hotload.java;

import dev.hotload.jvm.SourceTree;
import dev.hotload.jvm.Entry;
import dev.hotload.jvm.Generation;
import dev.hotload.jvm.GenerationRunner;
import dev.hotload.jvm.Libraries;
import dev.hotload.jvm.TracePrinter;
import dev.hotload.loop.Outcome;
import dev.hotload.spi.Session;
import dev.hotload.watch.ChangeSet;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java program in the running JVM: every save recompiles what changed, and a successful compile becomes a
 * new {@link Generation} that replaces the last one and runs the entry (see {@link GenerationRunner} for how a
 * run ends, and how a running one is stopped). A compile error leaves the last good generation loaded (and
 * running, if it runs).
 */
final class JavaSession implements Session {

    private final SourceTree tree;
    private final EntryPoint entryPoint;
    private final WarmCompiler compiler;
    private final IncrementalBuild build;
    private final URLClassLoader libraries;
    private final PrintStream err;
    private final GenerationRunner runner;
    private final Path workingDir = Path.of("").toAbsolutePath();
    private int generations;
    private BuildResult lastBuild;
    private Generation generation;
    private CompilerWarmUp warmUp;

    JavaSession(SourceTree tree, EntryPoint entryPoint, boolean once, WarmCompiler compiler, URLClassLoader libraries,
                PrintStream err) {
        this.tree = tree;
        this.entryPoint = entryPoint;
        this.compiler = compiler;
        this.build = new IncrementalBuild(tree, compiler);
        this.libraries = libraries;
        this.err = err;
        this.runner = new GenerationRunner("main", once, TracePrinter.JVM, err);
    }

    @Override
    public Outcome run(ChangeSet changes) throws IOException, InterruptedException {
        build.note(changes);
        if (!Files.isRegularFile(tree.sourceOf(tree.entryClass()))) {
            return Outcome.entryDeleted();
        }
        try {
            lastBuild = build.rebuild();
        } catch (UnreadableSource unreadable) {
            return Outcome.invalid("unreadable source", unreadable.report(workingDir));
        }
        if (warmUp == null) {
            warmUp = CompilerWarmUp.start();
        }
        if (!lastBuild.isOk()) {
            return Outcome.invalid("compile error", CompileErrors.report(lastBuild.errors(), workingDir));
        }
        Generation next = new Generation(++generations, build.classes(), libraries, tree.root());
        Entry entry;
        try {
            entry = entryPoint.resolve(next);
        } catch (EntryPoint.Missing missing) {
            err.println("hotload: " + missing.getMessage());
            return Outcome.failed("no entry point");
        }
        generation = next;
        return runner.replaceWith(next, entry);
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
        runner.close();
        generation = null;
        compiler.close();
        Libraries.close(libraries, err);
    }

    /** @return the last build's result, or null before the first run: for tests */
    BuildResult lastBuild() {
        return lastBuild;
    }

    /** @return the loader of the generation that ran last, or null: for tests */
    ClassLoader generation() {
        return generation;
    }
}
