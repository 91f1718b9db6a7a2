package dev.hotload.junit;

import dev.hotload.spi.LaunchException;
import dev.hotload.spi.TestFramework;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit Platform for a program's tests: hotload's own JUnit (Jupiter, its parameterised tests, the launcher),
 * jar by jar where the program's class path has none, and the launcher's runner loaded over the program's
 * libraries, so that it runs the JUnit the tests were compiled against.
 */
public final class JUnitPlatform {

    /** One class of each JUnit jar hotload brings: a class path with that class has the jar's own. */
    private static final List<String> JARS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.engine.JupiterTestEngine",
            "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.JUnitException",
            "org.junit.platform.launcher.Launcher", "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API");

    private JUnitPlatform() {
    }

    /**
     * @param classpath the program's libraries ({@code --classpath})
     * @return those of hotload's JUnit jars that {@code classpath} lacks: all of them for a program with none
     */
    public static List<Path> jarsMissingFrom(List<Path> classpath) throws LaunchException {
        List<Path> missing = new ArrayList<>();
        try (URLClassLoader given = new URLClassLoader(urls(classpath), null)) {
            for (String marker : JARS) {
                if (given.findResource(marker.replace('.', '/') + ".class") == null) {
                    missing.add(location(Class.forName(marker, false, JUnitPlatform.class.getClassLoader())));
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the class path: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new LaunchException("hotload's own JUnit is incomplete: " + e.getMessage(), e);
        }
        return missing;
    }

    /**
     * @param libraries the program's libraries' loader, JUnit among them ({@link #jarsMissingFrom})
     * @return the JUnit Platform's runner, loaded over them
     */
    public static TestFramework over(ClassLoader libraries) {
        try {
            // Never closed: it lives as long as the libraries it runs tests over, which hotload keeps to its end.
            ClassLoader runner = new URLClassLoader(new URL[] {location(PlatformTests.class).toUri().toURL()}, libraries);
            return (TestFramework) runner.loadClass(PlatformTests.class.getName()).getConstructor().newInstance();
        } catch (LaunchException | ReflectiveOperationException | MalformedURLException e) {
            throw new IllegalStateException("cannot load hotload's JUnit runner over the program's libraries", e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        return classpath.stream().map(path -> {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }

    private static Path location(Class<?> type) throws LaunchException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new LaunchException("cannot find the jar of " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
