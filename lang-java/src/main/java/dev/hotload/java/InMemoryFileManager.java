package dev.hotload.java;

import dev.hotload.jvm.CompiledClass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.JavaFileObject.Kind;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's file manager for one program: class files go to memory, and classes compiled earlier are served
 * to the compiler from memory, on the class path, so that a save compiles only what it changed. Everything else
 * (the JDK, the libraries) comes from the standard file manager, which is kept warm across compiles.
 *
 * <p>javac and ECJ ask for classes differently: javac lists a package and reads what the listing gives; ECJ asks
 * for one class by name ({@link #getJavaFileForInput}), with slashes for dots in class and package names, and
 * lists a package only to learn that it exists. Both are answered here.
 */
final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private MemoryClasses visible = MemoryClasses.NONE;
    private final List<CompiledClass> written = new ArrayList<>();
    private final Map<Listing, List<JavaFileObject>> jdkListings = new HashMap<>();

    InMemoryFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    /**
     * Starts a compile: javac sees these earlier classes, and what it writes is collected afresh.
     *
     * @param visible earlier classes by binary name: those of the sources not being recompiled
     */
    void prepare(Map<String, byte[]> visible) {
        this.visible = MemoryClasses.of(visible);
        written.clear();
    }

    /** @return the classes javac wrote since {@link #prepare} */
    List<CompiledClass> written() {
        return List.copyOf(written);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String slashedOrDottedPackage, Set<Kind> kinds,
            boolean recurse) throws IOException {
        if (isJdk(location)) {
            return jdkList(new Listing(location, slashedOrDottedPackage, Set.copyOf(kinds), recurse));
        }
        Iterable<JavaFileObject> standard = super.list(location, slashedOrDottedPackage, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !kinds.contains(Kind.CLASS)) {
            return standard;
        }
        List<JavaFileObject> all = new ArrayList<>(visible.in(slashedOrDottedPackage, recurse));
        if (all.isEmpty()) {
            return standard;
        }
        standard.forEach(all::add);
        return all;
    }

    /**
     * javac flushes its file manager after every compile, and the standard one then forgets what it indexed of
     * the class path's jars and folders; the libraries do not change while hotload runs, so it keeps them.
     */
    @Override
    public void flush() {
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof MemoryClassFile memory ? memory.binaryName() : super.inferBinaryName(location, file);
    }

    /** ECJ's way to a class compiled earlier: by its name, {@code util/Strings} or {@code util/Strings$Inner}. */
    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, Kind kind) throws IOException {
        MemoryClassFile earlier = location == StandardLocation.CLASS_PATH && kind == Kind.CLASS
                ? visible.named(className) : null;
        return earlier != null ? earlier : super.getJavaFileForInput(location, className, kind);
    }

    /**
     * Every source handed to the compiler is the program's, on its source path whatever its folder: else ECJ
     * looks for the file on disk, and refuses a source it cannot find there (the warm-up's, or one deleted since
     * it was read).
     */
    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        return location == StandardLocation.SOURCE_PATH && file instanceof SourceFile || super.contains(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return a instanceof MemoryClassFile || b instanceof MemoryClassFile ? a == b : super.isSameFile(a, b);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, Kind kind, FileObject sibling)
            throws IOException {
        if (kind != Kind.CLASS || !(sibling instanceof SourceFile source)) {
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }
        Path from = source.text().path();
        return MemoryClassFile.output(className, bytes -> written.add(CompiledClass.of(from, bytes)));
    }

    /**
     * The JDK's own classes never change while it runs, yet listing one of its packages (java.lang: hundreds of
     * files in the run-time image) on every compile is a good part of a small compile's time.
     */
    private List<JavaFileObject> jdkList(Listing listing) throws IOException {
        List<JavaFileObject> files = jdkListings.get(listing);
        if (files == null) {
            files = new ArrayList<>();
            super.list(listing.location(), listing.packageName(), listing.kinds(), listing.recurse()).forEach(files::add);
            files = List.copyOf(files);
            jdkListings.put(listing, files);
        }
        return files;
    }

    /** The JDK's modules, as javac names their locations ({@code SYSTEM_MODULES[java.base]}), or its class path. */
    private static boolean isJdk(Location location) {
        return location == StandardLocation.PLATFORM_CLASS_PATH
                || location.getName().startsWith(StandardLocation.SYSTEM_MODULES.getName() + "[");
    }

    /** One question javac asks the file manager: what is in this package there. */
    private record Listing(Location location, String packageName, Set<Kind> kinds, boolean recurse) {
    }
}
