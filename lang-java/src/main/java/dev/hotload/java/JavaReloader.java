package dev.hotload.java;

import dev.hotload.Hotload;
import dev.hotload.jvm.ApiLoader;
import dev.hotload.jvm.Libraries;
import dev.hotload.jvm.SourceTree;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.Session;
import dev.hotload.watch.WatchSet;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Java classes: {@code hotload Lib.java}, compiled in process, a fresh class loader per save. */
public final class JavaReloader implements Reloader {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".java");
    }

    @Override
    public String description() {
        return "java (.java): Java classes, compiled in process";
    }

    /** @return the entry's source tree, the folder its package declaration implies, {@code .java} files */
    @Override
    public WatchSet defaultWatchSet(Launch launch) {
        return SourceTree.watchSetOf(launch, ".java");
    }

    @Override
    public Session open(Launch launch) throws LaunchException {
        return open(launch, System.err);
    }

    /** @param err where compile errors, stack traces and hotload's notes go */
    Session open(Launch launch, PrintStream err) throws LaunchException {
        if (!Files.isRegularFile(launch.entry())) {
            throw new LaunchException("no such file: '" + launch.entry() + "'");
        }
        SourceTree tree = sourceTree(launch.entry());
        List<Path> compileClassPath = new ArrayList<>();
        compileClassPath.add(hotloadApi());
        compileClassPath.addAll(launch.classpath());
        WarmCompiler compiler = WarmCompiler.start(compileClassPath);
        EntryPoint entryPoint = new EntryPoint(tree.entryClass(), launch.entrypoint(), launch.args());
        return new JavaSession(tree, entryPoint, launch.once(), compiler, Libraries.load(launch.classpath(), ApiLoader.ofApiOnly()), err);
    }

    /** @return the entry's source tree, if its file name can name a class */
    static SourceTree sourceTree(Path entry) throws LaunchException {
        SourceTree tree = SourceTree.of(entry, ".java");
        String simpleName = tree.entryClass().substring(tree.entryClass().lastIndexOf('.') + 1);
        if (!isIdentifier(simpleName)) {
            throw new LaunchException("'" + entry.getFileName() + "' cannot hold a Java class: name it like its class,"
                    + " e.g. " + simpleName.codePoints().filter(Character::isJavaIdentifierPart)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".java");
        }
        return tree;
    }

    /** Java names may be any letters: {@code Müll} is one. */
    private static boolean isIdentifier(String name) {
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.codePointAt(0))
                && name.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    /** @return the jar (or folder) of {@link Hotload}, which reloaded code compiles against */
    private static Path hotloadApi() throws LaunchException {
        try {
            return Path.of(Hotload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new LaunchException("cannot find hotload's own API classes: " + e.getMessage(), e);
        }
    }
}
