package dev.hotload.groovy;

import groovy.lang.GroovyClassLoader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * Compiles the lines typed at the prompt, each into a script of its own, against the program's class files (read
 * from memory, never loaded to compile: see {@link ProgramResolver}) and its libraries. The imports of a line
 * that compiled hold for the lines after it, as in groovysh.
 */
final class PromptCompiler {

    /** The name of a line's script class, and of its source in stack traces. */
    static final String SCRIPT = "hotload_prompt";

    private final CompilerConfiguration configuration = new CompilerConfiguration();
    private final ImportCustomizer imports = new ImportCustomizer();
    /** The imports already in {@link #imports}, as their text, so that one typed twice is added once. */
    private final Set<String> imported = new HashSet<>();

    PromptCompiler() {
        configuration.addCompilationCustomizers(new ExitCalls(), new PromptDeclarations(), imports);
    }

    /**
     * @param source the lines typed
     * @param program the loader of the program's classes (a generation), or of its libraries before the first build
     * @param programClasses the program's class files, by binary name
     * @return the line's script class, in a loader of its own under {@code program}; empty if the line defines
     *     classes only
     * @throws CompilationFailedException with Groovy's errors
     */
    Optional<Class<?>> compile(String source, ClassLoader program, Map<String, byte[]> programClasses) {
        // Asked for the names of the JDK and the libraries only: it defines nothing, and never looks for sources.
        GroovyClassLoader lookups = new GroovyClassLoader(program, configuration);
        lookups.setResourceLoader(name -> null);
        try {
            CompilationUnit unit = new CompilationUnit(configuration, null, lookups);
            unit.setClassNodeResolver(new ProgramResolver(programClasses::get, name -> null));
            SourceUnit line = unit.addSource(SCRIPT, source);
            unit.compile(Phases.CLASS_GENERATION);
            ModuleNode module = line.getAST();
            remember(module);
            Map<String, byte[]> classes = new HashMap<>();
            for (GroovyClass compiled : unit.getClasses()) {
                classes.put(compiled.getName(), compiled.getBytes());
            }
            Optional<String> script = module.getClasses().stream().filter(ClassNode::isScript).map(ClassNode::getName)
                    .findFirst();
            if (script.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Class.forName(script.get(), false, new PromptClasses(classes, program)));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the script just compiled is missing", e);
        } finally {
            close(lookups);
        }
    }

    /** Keeps the imports of a line that compiled for the lines after it. */
    private void remember(ModuleNode module) {
        for (ImportNode node : module.getImports()) {
            if (imported.add("import " + node.getAlias() + "=" + node.getType().getName())) {
                imports.addImport(node.getAlias(), node.getType().getName());
            }
        }
        for (ImportNode node : module.getStarImports()) {
            String name = node.getPackageName();
            if (imported.add("import " + name + "*")) {
                imports.addStarImports(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
            }
        }
        for (ImportNode node : module.getStaticImports().values()) {
            if (imported.add("static " + node.getAlias() + "=" + node.getClassName() + "." + node.getFieldName())) {
                imports.addStaticImport(node.getAlias(), node.getType().getName(), node.getFieldName());
            }
        }
        for (ImportNode node : module.getStaticStarImports().values()) {
            if (imported.add("static " + node.getClassName() + ".*")) {
                imports.addStaticStars(node.getType().getName());
            }
        }
    }

    private static void close(GroovyClassLoader lookups) {
        try {
            lookups.close();
        } catch (IOException ignored) {
            // It opened no file of its own.
        }
    }
}
