package dev.hotload.java;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.JavaFileObject.Kind;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The snippets' compiler's file manager: the program's classes of the latest generation, from memory, are on
 * its class path besides the libraries. JShell asks for a {@link StandardJavaFileManager}, and wraps it in its
 * own (for the snippets' classes): every method not about the class path is the standard one's.
 */
final class SnippetFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {

    private final Supplier<MemoryClasses> program;

    /** @param program the program's classes as the compiler sees them now */
    SnippetFileManager(StandardJavaFileManager standard, Supplier<MemoryClasses> program) {
        super(standard);
        this.program = program;
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<Kind> kinds, boolean recurse)
            throws IOException {
        Iterable<JavaFileObject> standard = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !kinds.contains(Kind.CLASS)) {
            return standard;
        }
        List<JavaFileObject> all = new ArrayList<>(program.get().in(packageName, recurse));
        if (all.isEmpty()) {
            return standard;
        }
        standard.forEach(all::add);
        return all;
    }

    /**
     * JShell sets its class path as an option, hotload's own class path plus a path: the snippets' class path is
     * the program's, set once, and JShell's setting only makes it compile afresh (see JShellNamespace).
     */
    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (List.of("-classpath", "--class-path", "-cp").contains(current)) {
            remaining.next();
            return true;
        }
        return super.handleOption(current, remaining);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof MemoryClassFile memory ? memory.binaryName() : super.inferBinaryName(location, file);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, Kind kind) throws IOException {
        MemoryClassFile memory = location == StandardLocation.CLASS_PATH && kind == Kind.CLASS
                ? program.get().named(className) : null;
        return memory != null ? memory : super.getJavaFileForInput(location, className, kind);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return a instanceof MemoryClassFile || b instanceof MemoryClassFile ? a == b : super.isSameFile(a, b);
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        return !(file instanceof MemoryClassFile) && super.contains(location, file);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
