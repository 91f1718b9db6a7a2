package dev.hotload.groovy;

import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.Generation;
import dev.hotload.jvm.SourceTree;
import groovy.lang.Binding;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Compiles and runs a small script over and over on a background thread once hotload has started, so that the
 * JIT has compiled Groovy's compiler and its run-time dispatch before the user's first saves: a small script
 * takes 12–15 ms to compile and run at first, and about 3 ms once both are compiled (a few hundred rounds).
 */
final class CompilerWarmUp {

    private static final int ROUNDS = 400;
    private static final String SCRIPT = """
            class Point {
                int x, y
                String toString() { "($x, $y)" }
            }
            def points = (1..5).collect { new Point(x: it, y: it * it) }
            def far = points.findAll { it.y > 4 }*.x
            def words = [one: 1, two: 2].collect { k, v -> "$k=$v" }.join(', ')
            println "points $points, far $far, ${words.toUpperCase()}"
            """;

    private final Thread thread;
    private final ClassLoader runtime;
    private volatile boolean stopped;

    private CompilerWarmUp(ClassLoader runtime) {
        this.runtime = runtime;
        thread = new Thread(this::run, "hotload-groovy-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        // Threads Groovy starts from here must not hold on to a generation.
        thread.setContextClassLoader(runtime);
    }

    /**
     * @param runtime what the warm-up's classes see: Groovy and the JDK
     * @return a warm-up, started
     */
    static CompilerWarmUp start(ClassLoader runtime) {
        CompilerWarmUp warmUp = new CompilerWarmUp(runtime);
        warmUp.thread.start();
        return warmUp;
    }

    /** Ends the warm-up after the round in progress. */
    void stop() {
        stopped = true;
    }

    private void run() {
        Path file = Path.of("/hotload-warm-up/warmup.groovy");
        SourceTree tree = new SourceTree(file.getParent(), "warmup", ".groovy");
        Binding binding = new Binding();
        binding.setVariable("out", new PrintWriter(Writer.nullWriter()));
        // A compiler of its own: a compile's state is not shared between threads.
        try (GroovyCompiler compiler = new GroovyCompiler(tree, runtime)) {
            for (int round = 1; round <= ROUNDS && !stopped; round++) {
                CompileResult result = compiler.compile(List.of(new SourceText(file, SCRIPT)), Map.of(), Set.of());
                if (!result.isOk()) {
                    return;
                }
                runOnce(result, tree, binding, round);
            }
        } catch (RuntimeException | LinkageError e) {
            // Only speed is at stake: the user's own compiles work regardless.
        }
    }

    private void runOnce(CompileResult result, SourceTree tree, Binding binding, int round) {
        Map<String, byte[]> bytes = new HashMap<>();
        for (CompiledClass compiled : result.classes()) {
            bytes.put(compiled.name(), compiled.bytes());
        }
        Generation generation = new Generation(round, bytes, runtime, tree.root());
        try {
            InvokerHelper.createScript(generation.loadClass(tree.entryClass()), binding).run();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            generation.definedClasses().forEach(InvokerHelper::removeClass);
        }
    }
}
