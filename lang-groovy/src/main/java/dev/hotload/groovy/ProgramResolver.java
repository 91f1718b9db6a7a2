package dev.hotload.groovy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.decompiled.AsmDecompiler;
import org.codehaus.groovy.ast.decompiled.AsmReferenceResolver;
import org.codehaus.groovy.ast.decompiled.DecompiledClassNode;
import org.codehaus.groovy.control.ClassNodeResolver;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.SourceUnit;

/**
 * How a compile finds classes by name. The program's own come from the compile in progress: a class compiled
 * before and not due again is read from its class file in memory (never loaded, so no class loader of an old
 * generation is kept alive by the compiler's caches); a source of the program that is not compiled yet joins
 * the compile. Every other name (the JDK's, Groovy's, the libraries') is looked up as Groovy does, and cached
 * for every later compile: most of a small script's compile time is spent looking up names that do not exist.
 */
final class ProgramResolver extends ClassNodeResolver {

    private volatile ProgramCompile current;

    /** @param compile the compile that starts now, or null when it is over */
    void compiling(ProgramCompile compile) {
        current = compile;
    }

    @Override
    public LookupResult resolveName(String name, CompilationUnit unit) {
        ProgramCompile compile = current;
        if (compile != null && compile.unit() == unit) {
            byte[] compiled = compile.compiledClass(name);
            if (compiled != null) {
                return new LookupResult(null, decompiled(name, compiled, unit));
            }
            SourceUnit added = compile.addSourceOf(name);
            if (added != null) {
                return new LookupResult(added, null);
            }
        }
        return super.resolveName(name, unit);
    }

    private ClassNode decompiled(String name, byte[] bytes, CompilationUnit unit) {
        try {
            return new DecompiledClassNode(AsmDecompiler.parseClass(ClassFileUrls.of(name, bytes)),
                    new AsmReferenceResolver(this, unit));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a class file from memory", e);
        }
    }
}
