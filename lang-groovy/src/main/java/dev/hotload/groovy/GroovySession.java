package dev.hotload.groovy;

import dev.hotload.jvm.Entry;
import dev.hotload.jvm.Generation;
import dev.hotload.jvm.GenerationRunner;
import dev.hotload.jvm.Libraries;
import dev.hotload.jvm.SourceTree;
import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Session;
import dev.hotload.watch.ChangeSet;
import groovy.lang.Binding;
import groovy.lang.Script;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * A Groovy script in the running JVM: every save recompiles what changed, and a successful compile becomes a
 * new {@link Generation} that runs the script again, with the same {@link Binding}: what the script put there
 * (a connection, a cache) is there on the next run. A compile error leaves the last good generation loaded.
 */
final class GroovySession implements Session {

    private final SourceTree tree;
    private final Launch launch;
    private final GroovyCompiler compiler;
    private final ScriptBuild build;
    private final URLClassLoader libraries;
    private final PrintStream err;
    private final GenerationRunner runner;
    private final Binding binding = new Binding();
    private final Path workingDir = Path.of("").toAbsolutePath();
    private int generations;
    private CompileResult lastBuild;
    private Generation generation;
    private CompilerWarmUp warmUp;

    GroovySession(SourceTree tree, Launch launch, GroovyCompiler compiler, URLClassLoader libraries, PrintStream err) {
        this.tree = tree;
        this.launch = launch;
        this.compiler = compiler;
        this.build = new ScriptBuild(tree, launch.entry(), compiler);
        this.libraries = libraries;
        this.err = err;
        this.runner = new GenerationRunner(launch.entryName(), launch.once(), ScriptTraces.PRINTER, err);
    }

    @Override
    public Outcome run(ChangeSet changes) throws InterruptedException {
        lastBuild = build.update(changes);
        if (warmUp == null) {
            warmUp = CompilerWarmUp.start(libraries);
        }
        if (!lastBuild.isOk()) {
            return Outcome.invalid("compile error", CompileErrors.report(lastBuild.errors(), lastBuild.sources(), workingDir));
        }
        Optional<String> entryClass = build.entryClass();
        if (entryClass.isEmpty()) {
            return Outcome.entryDeleted();
        }
        Generation next = new Generation(++generations, build.classes(), libraries, tree.root());
        Entry entry;
        try {
            entry = entry(next, entryClass.get());
        } catch (MissingEntry missing) {
            err.println("hotload: " + missing.getMessage());
            return Outcome.failed("no entry point");
        }
        Generation previous = generation;
        generation = next;
        Outcome outcome = runner.replaceWith(next, entry);
        release(previous);
        return outcome;
    }

    @Override
    public String describe() {
        return "groovy script " + launch.entryName();
    }

    /** Runs the unload hooks, stops a running script, and releases the compiler and the libraries. */
    @Override
    public void close() {
        if (warmUp != null) {
            warmUp.stop();
        }
        runner.close();
        release(generation);
        generation = null;
        compiler.close();
        Libraries.close(libraries, err);
    }

    /** @return the last build's result, or null before the first run: for tests */
    CompileResult lastBuild() {
        return lastBuild;
    }

    /** @return the loader of the generation that ran last, or null: for tests */
    ClassLoader generation() {
        return generation;
    }

    /** The entry cannot be run as it is now: say what to change. The next save may fix it. */
    private static final class MissingEntry extends Exception {
        private static final long serialVersionUID = 1L;

        MissingEntry(String message) {
            super(message);
        }
    }

    /** @return what runs the script in {@code next}: its body, then the {@code --entrypoint} method */
    private Entry entry(Generation next, String entryClass) throws MissingEntry {
        Class<?> scriptClass;
        try {
            scriptClass = Class.forName(entryClass, false, next);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingEntry(launch.entryName() + " defines no script or class " + entryClass + ": " + e);
        }
        Optional<String> method = launch.entrypoint();
        if (method.isPresent() && !declaresMethod(scriptClass, method.get())) {
            throw new MissingEntry(launch.entryName() + " defines no method '" + method.get() + "()' to call (--entrypoint)");
        }
        String[] args = launch.args().toArray(String[]::new);
        return () -> {
            binding.setVariable("args", args);
            Script script = InvokerHelper.createScript(scriptClass, binding);
            script.run();
            if (method.isPresent()) {
                script.invokeMethod(method.get(), null);
            }
            return Outcome.ok();
        };
    }

    private static boolean declaresMethod(Class<?> scriptClass, String name) {
        try {
            return Arrays.stream(scriptClass.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0);
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Groovy keeps what it learns of a class (its meta class, its reflection data) in caches of its runtime,
     * which outlives every generation: forget the old generation's classes there, so they can be unloaded.
     */
    private static void release(Generation old) {
        if (old != null) {
            List<Class<?>> classes = old.definedClasses();
            classes.forEach(InvokerHelper::removeClass);
        }
    }
}
