package dev.hotload.groovy;

import dev.hotload.compiled.Compilation;
import dev.hotload.compiled.CompilerWarmUp;
import dev.hotload.compiled.SourceText;
import dev.hotload.compiled.SourceTree;
import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.Generation;
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
 * Groovy's warm-up: a small script compiled and run over and over, so that both Groovy's compiler and its
 * run-time dispatch are compiled by the JIT: a small script takes 12–15 ms to compile and run at first, and
 * about 3 ms once both are (a few hundred rounds).
 */
final class GroovyWarmUp implements CompilerWarmUp.Rounds {

    private static final int ROUNDS = 400;
    private static final Path FILE = Path.of("/hotload-warm-up/warmup.groovy");
    private static final SourceText SCRIPT = new SourceText(FILE, """
            class Point {
                int x, y
                String toString() { "($x, $y)" }
            }
            def points = (1..5).collect { new Point(x: it, y: it * it) }
            def far = points.findAll { it.y > 4 }*.x
            def words = [one: 1, two: 2].collect { k, v -> "$k=$v" }.join(', ')
            println "points $points, far $far, ${words.toUpperCase()}"
            """);

    private final ClassLoader runtime;
    private final SourceTree tree = new SourceTree(FILE.getParent(), "warmup", ".groovy");
    private final GroovyCompiler compiler;
    private final Binding binding = new Binding();

    private GroovyWarmUp(ClassLoader runtime) {
        this.runtime = runtime;
        this.compiler = new GroovyCompiler(tree, runtime);
        binding.setVariable("out", new PrintWriter(Writer.nullWriter()));
    }

    /** @param runtime what the warm-up's classes see: Groovy and the JDK */
    static CompilerWarmUp.Plan plan(ClassLoader runtime) {
        return new CompilerWarmUp.Plan(ROUNDS, () -> new GroovyWarmUp(runtime));
    }

    @Override
    public boolean run(int round) throws ClassNotFoundException {
        Compilation compiled = compiler.compile(List.of(SCRIPT), Map.of(), Set.of());
        if (!compiled.isOk()) {
            return false;
        }
        Map<String, byte[]> bytes = new HashMap<>();
        for (CompiledClass compiledClass : compiled.classes()) {
            bytes.put(compiledClass.name(), compiledClass.bytes());
        }
        Generation generation = new Generation(round, bytes, runtime, tree.roots());
        try {
            InvokerHelper.createScript(generation.loadClass(tree.entryClass()), binding).run();
        } finally {
            ScriptEntry.release(generation);
        }
        return true;
    }

    @Override
    public void close() {
        compiler.close();
    }
}
