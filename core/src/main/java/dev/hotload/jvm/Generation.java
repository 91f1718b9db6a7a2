package dev.hotload.jvm;

import dev.hotload.run.ProgramCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The class loader of one successful compile. It defines the program's classes itself, from the compiled bytes
 * (child-first: a class of the program wins over a library's of the same name), with their exit calls
 * rewritten; everything else comes from its parent, the library loader that outlives every generation. Once
 * nothing references it, its classes can be unloaded.
 */
public final class Generation extends ClassLoader implements ProgramCode {

    static {
        registerAsParallelCapable();
    }

    private final int number;
    /** Replaced whole when the build is redefined in place, for the classes loaded after. */
    private volatile Map<String, byte[]> classes;
    private final List<Path> sourceRoots;
    /** Read by each definition of a program class, written by a redefinition: a class is defined from one build. */
    private final ReadWriteLock builds = new ReentrantReadWriteLock();

    /**
     * @param number counts generations from 1, for messages
     * @param classes the program's class files by binary name
     * @param libraries the parent: libraries and the JDK
     * @param sourceRoots where the program's resources are found, beside its sources
     */
    public Generation(int number, Map<String, byte[]> classes, ClassLoader libraries, List<Path> sourceRoots) {
        super(libraries);
        this.number = number;
        this.classes = Map.copyOf(classes);
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /** @return this generation's number, counting from 1 */
    public int number() {
        return number;
    }

    /** @return the program's class files, by binary name: what this generation defines, when asked */
    public Map<String, byte[]> classes() {
        return classes;
    }

    /** @return the class {@code name} if this generation has defined it already, else null */
    Class<?> loaded(String name) {
        return classes.containsKey(name) ? findLoadedClass(name) : null;
    }

    /**
     * Takes the class files of a build that was redefined in this generation: its classes not loaded yet are
     * defined from them. See {@link Redefinition}.
     */
    void update(Map<String, byte[]> redefined) {
        classes = Map.copyOf(redefined);
    }

    /** @return what {@code change} returns, run while no class of the program is being defined */
    <T> T exclusively(Supplier<T> change) {
        builds.writeLock().lock();
        try {
            return change.get();
        } finally {
            builds.writeLock().unlock();
        }
    }

    /** @return the program's classes this generation has defined so far: a language runtime's caches hold them */
    public List<Class<?>> definedClasses() {
        List<Class<?>> defined = new ArrayList<>();
        for (String name : classes.keySet()) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                defined.add(loaded);
            }
        }
        return defined;
    }

    /** A thread running one of these when this generation is replaced runs replaced code: it is stopped with it. */
    @Override
    public boolean isProgramClass(String className) {
        return classes.containsKey(className);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        // The build's lock before the class's: a redefinition (which holds the first) may load classes.
        builds.readLock().lock();
        try {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] rewritten = ExitRewriter.rewrite(classes.get(name));
                    loaded = defineClass(name, rewritten, 0, rewritten.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        } finally {
            builds.readLock().unlock();
        }
    }

    /** A resource beside the sources ({@code config.properties} in a source root) is the program's too. */
    @Override
    protected URL findResource(String name) {
        for (Path root : sourceRoots) {
            URL found = resourceIn(root, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        List<URL> found = new ArrayList<>();
        for (Path root : sourceRoots) {
            URL url = resourceIn(root, name);
            if (url != null) {
                found.add(url);
            }
        }
        return Collections.enumeration(found);
    }

    private static URL resourceIn(Path root, String name) {
        Path file;
        try {
            file = root.resolve(name).normalize();
        } catch (InvalidPathException notAPath) {
            return null;
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public String toString() {
        return "hotload generation " + number;
    }
}
