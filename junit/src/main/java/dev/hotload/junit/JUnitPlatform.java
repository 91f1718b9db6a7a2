package dev.hotload.junit;

import dev.hotload.spi.LaunchException;
import dev.hotload.spi.TestFramework;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * The JUnit Platform for a program's tests: hotload's own JUnit (Jupiter, its parameterised tests, the launcher),
 * jar by jar where the program's class path has none, and the launcher's runner loaded over the program's
 * libraries, so that it runs the JUnit the tests were compiled against.
 */
public final class JUnitPlatform {

    /**
     * One class of each JUnit jar hotload brings, by artifact: a class path with that class has the jar's own. The
     * first six are JUnit's proper, of one release; the last two are libraries of their own.
     */
    private static final Map<String, String> JARS = jars("junit-jupiter-api", "org.junit.jupiter.api.Test",
            "junit-jupiter-params", "org.junit.jupiter.params.ParameterizedTest",
            "junit-jupiter-engine", "org.junit.jupiter.engine.JupiterTestEngine",
            "junit-platform-engine", "org.junit.platform.engine.TestEngine",
            "junit-platform-commons", "org.junit.platform.commons.JUnitException",
            "junit-platform-launcher", "org.junit.platform.launcher.Launcher",
            "opentest4j", "org.opentest4j.AssertionFailedError",
            "apiguardian-api", "org.apiguardian.api.API");
    private static final int RELEASED_TOGETHER = 6;
    private static final List<String> JARS_RELEASED_TOGETHER = List.copyOf(JARS.keySet()).subList(0, RELEASED_TOGETHER);

    private JUnitPlatform() {
    }

    /**
     * @param classpath the program's libraries ({@code --classpath})
     * @return those of hotload's JUnit jars that {@code classpath} lacks: all of them for a program with none
     * @throws LaunchException if it has some of JUnit's jars, of another release than hotload's, and lacks others:
     *     hotload's would not work with them
     */
    public static List<Path> jarsMissingFrom(List<Path> classpath) throws LaunchException {
        Map<String, Path> missing = new LinkedHashMap<>();
        Map<String, String> otherRelease = new LinkedHashMap<>();
        Map<String, String> platform = new LinkedHashMap<>();
        try (URLClassLoader given = new URLClassLoader(urls(classpath), null)) {
            int index = 0;
            for (Map.Entry<String, String> jar : JARS.entrySet()) {
                boolean junit = index++ < RELEASED_TOGETHER;
                String resource = jar.getValue().replace('.', '/') + ".class";
                URL theirs = given.findResource(resource);
                URL ours = JUnitPlatform.class.getClassLoader().getResource(resource);
                if (ours == null) {
                    throw new LaunchException("hotload's own JUnit is incomplete: no " + jar.getKey());
                }
                if (theirs == null) {
                    missing.put(jar.getKey(), location(Class.forName(jar.getValue(), false,
                            JUnitPlatform.class.getClassLoader())));
                } else if (junit) {
                    Optional<String> version = version(theirs);
                    version.filter(theirVersion -> !version(ours).orElse(theirVersion).equals(theirVersion))
                            .ifPresent(theirVersion -> otherRelease.put(jar.getKey(), theirVersion));
                    if (jar.getKey().startsWith("junit-platform-")) {
                        version.ifPresent(theirVersion -> platform.put(jar.getKey(), theirVersion));
                    }
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the class path: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new LaunchException("hotload's own JUnit is incomplete: " + e.getMessage(), e);
        }
        if (platform.values().stream().distinct().count() > 1) {
            throw new LaunchException("the class path has the JUnit Platform's jars of several releases (" + named(platform)
                    + "): they run only with their own release's");
        }
        if (!otherRelease.isEmpty()) {
            // Parameterised tests are a jar of their own, which many projects leave out: theirs go without it.
            missing.remove("junit-jupiter-params");
            List<String> missingJUnit = missing.keySet().stream().filter(JARS_RELEASED_TOGETHER::contains).toList();
            if (!missingJUnit.isEmpty()) {
                throw new LaunchException("the class path has " + named(otherRelease) + " but no "
                        + String.join(", ", missingJUnit)
                        + ": add them, of the same release, to --classpath (hotload's own JUnit is of another)");
            }
        }
        return List.copyOf(missing.values());
    }

    private static String named(Map<String, String> versions) {
        return String.join(", ", versions.entrySet().stream().map(jar -> jar.getKey() + " " + jar.getValue()).toList());
    }

    /** @return the version in the manifest of the jar {@code classFile} is in, if it says one */
    private static Optional<String> version(URL classFile) {
        try {
            if (classFile.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false); // else the JDK keeps the program's jar open to the end
                try (JarFile file = jar.getJarFile()) {
                    return Optional.ofNullable(file.getManifest())
                            .map(manifest -> manifest.getMainAttributes().getValue("Implementation-Version"));
                }
            }
        } catch (IOException unreadable) {
            // As a jar that says none.
        }
        return Optional.empty();
    }

    private static Map<String, String> jars(String... artifactsAndClasses) {
        Map<String, String> jars = new LinkedHashMap<>();
        for (int i = 0; i < artifactsAndClasses.length; i += 2) {
            jars.put(artifactsAndClasses[i], artifactsAndClasses[i + 1]);
        }
        return jars;
    }

    /**
     * @param libraries the program's libraries' loader, JUnit among them ({@link #jarsMissingFrom})
     * @return the JUnit Platform's runner, loaded over them
     * @throws IllegalStateException if JUnit does not start there, saying why
     */
    public static TestFramework over(ClassLoader libraries) {
        try {
            // Never closed: it lives as long as the libraries it runs tests over, which hotload keeps to its end.
            ClassLoader runner = new URLClassLoader(new URL[] {location(PlatformTests.class).toUri().toURL()}, libraries);
            return (TestFramework) runner.loadClass(PlatformTests.class.getName()).getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            // JUnit's launcher, of the program's release, did not start with hotload's runner.
            throw new IllegalStateException("JUnit did not start over the program's libraries: " + e.getCause(), e);
        } catch (LaunchException | ReflectiveOperationException | MalformedURLException e) {
            throw new IllegalStateException("cannot load hotload's JUnit runner over the program's libraries: " + e, e);
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
