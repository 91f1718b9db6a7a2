package dev.hotload.groovy;

import dev.hotload.compiled.CompiledReloader;
import dev.hotload.compiled.CompiledSession;
import dev.hotload.compiled.IncrementalBuild;
import dev.hotload.compiled.SourceTree;
import dev.hotload.jvm.ApiLoader;
import dev.hotload.jvm.Libraries;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import java.net.URLClassLoader;
import java.util.List;

/** Groovy scripts: {@code hotload script.groovy}, compiled in process, rerun on every save with their binding. */
public final class GroovyReloader extends CompiledReloader {

    /** Groovy's runtime, loaded once by hotload and shared by every generation of the script. */
    private static final List<String> RUNTIME = List.of("groovy.", "org.codehaus.groovy.", "org.apache.groovy.", "groovyjarjar");
    /**
     * Starts Groovy's call-site cleaner thread when initialised. A thread keeps the context class loader of the
     * thread that started it: started by a script's first dynamic call, this one would keep the first
     * generation alive for good.
     */
    private static final String CALL_SITE_CLEANER = "org.codehaus.groovy.vmplugin.v8.CacheableCallSite";

    public GroovyReloader() {
        super("groovy", ".groovy", "groovy (.groovy): Groovy scripts");
    }

    @Override
    protected CompiledSession.Builder session(Launch launch, SourceTree tree) throws LaunchException {
        launch.compilerAmong(name(), List.of("groovyc"));
        startRuntimeThreads();
        URLClassLoader libraries = Libraries.load(launch.classpath(), ApiLoader.sharing(RUNTIME));
        ScriptEntry entries = new ScriptEntry(launch, tree.entryClass());
        return CompiledSession.builder(launch, tree, new GroovyCompiler(tree, libraries), libraries)
                .program(IncrementalBuild.Program.ENTRY_AND_WHAT_IT_USES)
                .entries(entries)
                .namespace(program -> new GroovyNamespace(program, entries.binding()))
                .label(launch.entryName())
                .tracePrinter(ScriptTraces.PRINTER)
                .onReplaced(ScriptEntry::release)
                .warmUp(GroovyWarmUp.plan(libraries))
                .describedAs("groovy script " + launch.entryName());
    }

    /** Groovy's own threads start here, on hotload's thread, whose context class loader outlives every script. */
    private static void startRuntimeThreads() throws LaunchException {
        try {
            Class.forName(CALL_SITE_CLEANER, true, GroovyReloader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LaunchException("Groovy's runtime is incomplete (" + e + "): rebuild hotload", e);
        }
    }
}
