package dev.hotload.groovy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.decompiled.AsmDecompiler;
import org.codehaus.groovy.ast.decompiled.AsmReferenceResolver;
import org.codehaus.groovy.ast.decompiled.DecompiledClassNode;
import org.codehaus.groovy.control.ClassNodeResolver;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.SourceUnit;

/**
 * How one compile finds classes by name. The program's own come from the compile: a class compiled before and
 * not due again is read from its class file in memory, never loaded (a class node made from a loaded class
 * lands in a cache of Groovy's, which would keep an old generation alive); a source of the program that is not
 * compiled yet joins the compile. Every other name (the JDK's, Groovy's, the libraries') is looked up as Groovy
 * does. A line typed at the prompt is compiled the same way, against the last good generation's class files.
 */
final class ProgramResolver extends ClassNodeResolver {

    private final Function<String, byte[]> compiledClasses;
    private final Function<String, SourceUnit> sources;

    /** Resolves the program's names for one compile of its sources. */
    ProgramResolver(ProgramCompile compile) {
        this(compile::compiledClass, compile::addSourceOf);
    }

    /**
     * @param compiledClasses the class file of a program's class, by binary name, or null
     * @param sources the source unit that compiles a program's class not compiled yet, now part of the compile, or null
     */
    ProgramResolver(Function<String, byte[]> compiledClasses, Function<String, SourceUnit> sources) {
        this.compiledClasses = compiledClasses;
        this.sources = sources;
    }

    @Override
    public LookupResult resolveName(String name, CompilationUnit unit) {
        byte[] compiled = compiledClasses.apply(name);
        if (compiled != null) {
            return new LookupResult(null, decompiled(name, compiled, unit));
        }
        SourceUnit added = sources.apply(name);
        if (added != null) {
            return new LookupResult(added, null);
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
