package dev.hotload.java;

import dev.hotload.compiled.LiveProgram;
import dev.hotload.jvm.Generation;
import dev.hotload.run.ProgramThreads;
import dev.hotload.spi.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Java's prompt ({@code hotload --repl}): JShell snippets, compiled against the program's latest classes and
 * the {@code --classpath} libraries, and run in hotload's JVM by the program's own class loader, in its entry's
 * package ({@link SnippetClasses}). JShell starts at the first use, not with the program: it takes a second or
 * more, and a run without {@code --repl} never needs it. One call at a time, whichever prompt makes it (hotload's
 * terminal's, an attached one's): JShell is one state, and not safe for two threads.
 */
public final class JShellNamespace implements Namespace {

    /** The jshell tool's default imports, and hotload's API. */
    private static final List<String> IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*",
            "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*", "dev.hotload.Hotload");

    private final LiveProgram program;
    private final List<Path> classPath;
    private final SnippetPackage names;
    private final String entryClass;
    private SnippetClasses classes;
    private SnippetExecution execution;
    private JShell shell;
    private Thread starting;
    /** The imports evaluated at the start, whose ids are {@code s1}, {@code s2}..., as in the jshell tool. */
    private int startSnippets = -1;
    /** The program's classes the compiler sees now, and the generation's map they were made of. */
    private MemoryClasses compilerView = MemoryClasses.NONE;
    private Map<String, byte[]> viewOf = Map.of();

    /**
     * @param program the running program
     * @param entryClass its entry class: snippets run in its package
     * @param classPath the jars and folders the program compiles against (hotload's API, the libraries)
     */
    public JShellNamespace(LiveProgram program, String entryClass, List<Path> classPath) {
        this.program = program;
        this.classPath = List.copyOf(classPath);
        this.names = new SnippetPackage(entryClass);
        this.entryClass = entryClass;
    }

    /**
     * The prompt asks for its prompts as it first shows, after the program's first run: JShell starts then, in
     * the background (seconds, cold), so that the first line typed finds it ready or nearly.
     */
    @Override
    public synchronized Prompts prompts() {
        if (shell == null && starting == null && hasJShell()) {
            // Among the program's threads: JShell's threads, which run the snippets, are made in this one's group,
            // and an exit a snippet calls through reflection is then refused as the program's would be.
            starting = new Thread(ProgramThreads.besideThePrograms("hotload jshell"), this::shell, "hotload jshell start");
            starting.setDaemon(true);
            starting.start();
        }
        return new Prompts("jshell> ", "   ...> ");
    }

    @Override
    public synchronized Input check(String source) {
        if (!hasJShell()) {
            return Input.COMPLETE;
        }
        Completeness completeness = analysis().analyzeCompletion(source).completeness();
        return completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE
                ? Input.INCOMPLETE : Input.COMPLETE;
    }

    @Override
    public synchronized OptionalInt evaluate(String source) throws InterruptedException {
        if (!hasJShell()) {
            System.out.println("|  this Java has no JShell (module jdk.jshell): Java's prompt needs a full JDK");
            return OptionalInt.empty();
        }
        JShell jshell = shell();
        SnippetReport report = new SnippetReport(jshell, System.out);
        String rest = source;
        while (!rest.isBlank()) {
            CompletionInfo info = jshell.sourceCodeAnalysis().analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            boolean complete = info.completeness().isComplete();
            String snippet = complete ? info.source() : rest;
            rest = complete ? info.remaining() : "";
            classes.follow(System.out);
            List<SnippetEvent> events = jshell.eval(snippet);
            OptionalInt exit = execution.takeExit();
            if (execution.takeInterrupted() | Thread.interrupted()) {
                throw new InterruptedException("the snippet was stopped");
            }
            if (exit.isPresent()) {
                return exit;
            }
            report.print(events);
        }
        System.out.flush();
        return OptionalInt.empty();
    }

    @Override
    public synchronized List<String> complete(String prefix) {
        if (!hasJShell()) {
            return List.of();
        }
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis().completionSuggestions(prefix, prefix.length(), anchor);
        return suggestions.stream().map(suggestion -> prefix.substring(0, anchor[0]) + suggestion.continuation())
                .distinct().toList();
    }

    private synchronized SourceCodeAnalysis analysis() {
        return shell().sourceCodeAnalysis();
    }

    /** @return the JShell, started at the first call, its compiler told of a save since the last call */
    private synchronized JShell shell() {
        boolean changed = refreshCompilerView();
        if (shell == null) {
            classes = new SnippetClasses(program, names, entryClass);
            execution = SnippetExecution.over(classes);
            shell = JShell.builder()
                    .in(InputStream.nullInputStream()).out(System.out).err(System.err)
                    .executionEngine(execution.provider(), Map.of())
                    .fileManager(this::fileManager)
                    .idGenerator((snippet, number) -> startSnippets < 0 ? "s" + number : String.valueOf(number - startSnippets))
                    .build();
            IMPORTS.forEach(name -> shell.eval("import " + name + ";"));
            startSnippets = IMPORTS.size();
        } else if (changed) {
            // JShell reuses its compiler's contexts, which keep the classes they read: a new class path forgets them.
            shell.addToClasspath(".");
        }
        return shell;
    }

    /** A JRE, or an image made without it, runs Java programs (with ECJ) but has no JShell. */
    private static boolean hasJShell() {
        return Available.JSHELL;
    }

    /** Asked once, at the first use of the prompt: not at every start of a Java program. */
    private static final class Available {
        static final boolean JSHELL = ModuleLayer.boot().findModule("jdk.jshell").isPresent()
                && ToolProvider.getSystemJavaCompiler() != null;
    }

    private StandardJavaFileManager fileManager(StandardJavaFileManager standard) {
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SnippetFileManager(standard, this::compilerView);
    }

    private synchronized MemoryClasses compilerView() {
        return compilerView;
    }

    /** @return whether the program's classes changed since the compiler last saw them */
    private synchronized boolean refreshCompilerView() {
        Map<String, byte[]> now = program.generation().map(Generation::classes).orElse(Map.of());
        if (now == viewOf) {
            return false;
        }
        viewOf = now;
        compilerView = MemoryClasses.of(names.compilerView(now));
        return true;
    }
}
