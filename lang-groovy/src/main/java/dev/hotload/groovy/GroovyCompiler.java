package dev.hotload.groovy;

import dev.hotload.compiled.Compilation;
import dev.hotload.compiled.CompileError;
import dev.hotload.compiled.Compiler;
import dev.hotload.compiled.SourceText;
import dev.hotload.compiled.SourceTree;
import dev.hotload.jvm.CompiledClass;
import dev.hotload.watch.WatchSet;
import groovy.lang.GroovyClassLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * Groovy's compiler, kept between saves: one configuration, and one class loader for the libraries, which never
 * defines a class (compiled classes stay in memory as bytes).
 */
final class GroovyCompiler implements Compiler {

    private final SourceTree tree;
    /** Asked for every name a compile resolves: made once. */
    private final WatchSet treeFiles;
    private final CompilerConfiguration configuration = new CompilerConfiguration();
    private final GroovyClassLoader libraries;

    /**
     * @param tree where the program's sources are
     * @param libraries the loader of the libraries and Groovy's runtime, as the program sees them
     */
    GroovyCompiler(SourceTree tree, ClassLoader libraries) {
        this.tree = tree;
        this.treeFiles = tree.files();
        configuration.setSourceEncoding("UTF-8");
        configuration.addCompilationCustomizers(new ExitCalls());
        this.libraries = new GroovyClassLoader(libraries, configuration);
        // The program's sources are found by the resolver, from the tree; never a .groovy file in a library jar.
        this.libraries.setResourceLoader(name -> null);
    }

    /** Compiles {@code targets} and whatever sources of the tree they use that are not part of the program yet. */
    @Override
    public Compilation compile(List<SourceText> targets, Map<String, byte[]> unchanged, Set<Path> program) {
        CompilationUnit unit = new CompilationUnit(configuration, null, libraries);
        ProgramCompile compile = new ProgramCompile(unit, tree, treeFiles, unchanged, program);
        unit.setClassNodeResolver(new ProgramResolver(compile));
        targets.forEach(compile::add);
        Map<String, Path> sourceOf = new HashMap<>();
        unit.setClassgenCallback((writer, node) -> sourceOf.put(node.getName(), sourceOf(node)));
        try {
            unit.compile(Phases.CLASS_GENERATION);
        } catch (CompilationFailedException failed) {
            return Compilation.failed(compile.sources().keySet(), errors(unit, compile));
        }
        if (!compile.unreadable().isEmpty()) {
            return Compilation.failed(compile.sources().keySet(), compile.unreadable());
        }
        List<CompiledClass> classes = new ArrayList<>();
        for (GroovyClass compiled : unit.getClasses()) {
            classes.add(CompiledClass.of(sourceOf.get(compiled.getName()), compiled.getBytes()));
        }
        return Compilation.ok(compile.sources().keySet(), classes);
    }

    @Override
    public void close() {
        try {
            libraries.close();
        } catch (IOException ignored) {
            // It holds no files of its own.
        }
    }

    /** A closure's or an inner class's node has its outer class's module. */
    private static Path sourceOf(ClassNode node) {
        ClassNode top = node;
        while (top.getModule() == null && top.getOuterClass() != null) {
            top = top.getOuterClass();
        }
        return Path.of(top.getModule().getContext().getName());
    }

    private static List<CompileError> errors(CompilationUnit unit, ProgramCompile compile) {
        List<CompileError> errors = new ArrayList<>(compile.unreadable());
        for (Message message : unit.getErrorCollector().getErrors()) {
            errors.add(error(message, compile.sources()));
        }
        return errors;
    }

    private static CompileError error(Message message, Map<Path, SourceText> sources) {
        if (message instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            String text = cause.getOriginalMessage().strip();
            if (cause.getSourceLocator() == null) {
                return CompileError.of(text);
            }
            Path file = Path.of(cause.getSourceLocator());
            SourceText source = sources.get(file);
            return source == null
                    ? new CompileError(file, cause.getStartLine(), cause.getStartColumn(), text, null)
                    : CompileError.at(source, cause.getStartLine(), cause.getStartColumn(), text);
        }
        if (message instanceof ExceptionMessage exception) {
            return CompileError.of(String.valueOf(exception.getCause()));
        }
        if (message instanceof SimpleMessage simple) {
            return CompileError.of(simple.getMessage());
        }
        return CompileError.of(message.toString());
    }
}
