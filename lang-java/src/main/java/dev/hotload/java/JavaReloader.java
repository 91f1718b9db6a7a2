package dev.hotload.java;

import dev.hotload.compiled.CompiledReloader;
import dev.hotload.compiled.CompiledSession;
import dev.hotload.compiled.MainEntry;
import dev.hotload.compiled.SourceTree;
import dev.hotload.jvm.ApiLoader;
import dev.hotload.jvm.Libraries;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Java classes: {@code hotload Lib.java}, compiled in process by ECJ or javac ({@code --compiler}), a fresh class
 * loader per save.
 */
public final class JavaReloader extends CompiledReloader {

    public JavaReloader() {
        super("java", ".java", "java (.java): Java classes, compiled in process");
    }

    @Override
    protected CompiledSession.Builder session(Launch launch, SourceTree tree) throws LaunchException {
        JavaCompilerKind kind = JavaCompilerKind.named(launch.compilerAmong(name(), JavaCompilerKind.names()));
        URLClassLoader libraries = Libraries.load(launch.classpath(), ApiLoader.ofApiOnly());
        List<Path> compileClassPath = new ArrayList<>();
        compileClassPath.add(ApiLoader.location());
        compileClassPath.addAll(launch.classpath());
        return CompiledSession.builder(launch, tree, JavaToolsCompiler.start(kind, compileClassPath), libraries)
                .entries(new MainEntry(tree.entryClass(), launch.entrypoint(), launch.args()))
                .warmUp(JavaWarmUp.plan(kind))
                .namespace(program -> new JShellNamespace(program, tree.entryClass(), compileClassPath))
                .describedAs("java " + tree.entryClass());
    }

    /** @return the entry's source tree, if its file name can name a class */
    @Override
    protected SourceTree tree(Path entry) throws LaunchException {
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
}
