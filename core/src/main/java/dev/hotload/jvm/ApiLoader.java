package dev.hotload.jvm;

import dev.hotload.Hotload;
import dev.hotload.run.ExitRequest;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.TestFramework;
import dev.hotload.spi.TestReport;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The root of reloaded code's class loaders: the JDK, the few hotload classes that reloaded code calls, and the
 * packages of a language runtime that reloaded code needs (Groovy's, say). Nothing else of hotload's own class
 * path (its Guava, its Jython) is visible to the program, so that the program's libraries are the ones it asked
 * for with {@code --classpath}.
 */
public final class ApiLoader extends ClassLoader {

    /** hotload's API; and what a test framework loaded over the libraries reports through ({@code --test}). */
    private static final Set<String> SHARED = Set.of(Hotload.class.getName(), ExitRequest.class.getName(),
            TestFramework.class.getName(), TestReport.class.getName(), TestReport.Failure.class.getName());

    static {
        registerAsParallelCapable();
    }

    private final List<String> sharedPackages;

    /** @return a loader that shows reloaded code the JDK and hotload's API, nothing more */
    public static ApiLoader ofApiOnly() {
        return new ApiLoader(List.of());
    }

    /**
     * @param runtimePackages package prefixes of hotload's class path to show too, e.g. {@code groovy.}: a
     *     language runtime loaded once and shared by every generation
     * @return a loader that shows reloaded code the JDK, hotload's API and those packages
     */
    public static ApiLoader sharing(List<String> runtimePackages) {
        return new ApiLoader(runtimePackages);
    }

    /** @return the jar (or folder) of hotload's API classes, which reloaded code compiles against */
    public static Path location() throws LaunchException {
        try {
            return Path.of(Hotload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new LaunchException("cannot find hotload's own API classes: " + e.getMessage(), e);
        }
    }

    private ApiLoader(List<String> sharedPackages) {
        super(ClassLoader.getPlatformClassLoader());
        this.sharedPackages = List.copyOf(sharedPackages);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isShared(name)) {
            // The very classes hotload uses: one Hotload for every generation, one ExitRequest to catch.
            return ApiLoader.class.getClassLoader().loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    /** A runtime's resources (Groovy's extension module descriptors, say) come with its classes. */
    @Override
    protected URL findResource(String name) {
        String asClass = name.replace('/', '.');
        return sharedPackages.stream().anyMatch(asClass::startsWith)
                ? ApiLoader.class.getClassLoader().getResource(name)
                : null;
    }

    private boolean isShared(String name) {
        return SHARED.contains(name) || sharedPackages.stream().anyMatch(name::startsWith);
    }
}
