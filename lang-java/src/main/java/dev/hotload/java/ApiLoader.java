package dev.hotload.java;

import dev.hotload.Hotload;
import java.util.Set;

/**
 * The root of reloaded code's class loaders: the JDK, plus the few hotload classes that reloaded code calls.
 * Nothing else of hotload's own class path (its Guava, its Jython) is visible to the program, so that the
 * program's libraries are the ones it asked for with {@code --classpath}.
 */
final class ApiLoader extends ClassLoader {

    private static final Set<String> SHARED = Set.of(Hotload.class.getName(), ExitRequest.class.getName());

    static {
        registerAsParallelCapable();
    }

    ApiLoader() {
        super(ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (SHARED.contains(name)) {
            // The very classes hotload uses: one Hotload for every generation, one ExitRequest to catch.
            return ApiLoader.class.getClassLoader().loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }
}
