package dev.hotload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.spi.LaunchException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitPlatformTest {

    private static final List<String> JUNIT = List.of("org/junit/jupiter/api/Test.class",
            "org/junit/jupiter/params/ParameterizedTest.class", "org/junit/jupiter/engine/JupiterTestEngine.class",
            "org/junit/platform/engine/TestEngine.class", "org/junit/platform/commons/JUnitException.class",
            "org/junit/platform/launcher/Launcher.class");

    @TempDir
    Path dir;

    @Test
    void aProgramWithNoJUnitGetsAllOfHotloadsJars() throws Exception {
        List<Path> added = JUnitPlatform.jarsMissingFrom(List.of());

        assertThat(added).hasSize(8).allMatch(Files::isRegularFile);
        assertThat(added).anyMatch(jar -> jar.getFileName().toString().startsWith("junit-platform-launcher-"));
    }

    @Test
    void aWholeJUnitOfItsOwnIsTheOneTheProgramRunsWith() throws Exception {
        Path theirs = jar("junit-1.10.2.jar", "1.10.2", JUNIT);

        List<Path> added = JUnitPlatform.jarsMissingFrom(List.of(theirs));

        assertThat(added).extracting(jar -> jar.getFileName().toString())
                .allMatch(name -> name.startsWith("opentest4j-") || name.startsWith("apiguardian-api-"));
    }

    @Test
    void partOfAnotherReleaseOfJUnitIsRefusedNamingWhatToAdd() throws Exception {
        Path theirs = jar("junit-platform-engine-1.10.2.jar", "1.10.2", List.of("org/junit/platform/engine/TestEngine.class"));

        assertThatThrownBy(() -> JUnitPlatform.jarsMissingFrom(List.of(theirs)))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("junit-platform-engine 1.10.2")
                .hasMessageContaining("junit-platform-launcher")
                .hasMessageContaining("--classpath");
    }

    @Test
    void aJUnit5WithoutParameterisedTestsNeedsOnlyItsLauncher() throws Exception {
        Path theirs = jar("junit-5.jar", "5.10.2", JUNIT.stream().filter(entry -> !entry.contains("/params/")).toList());

        assertThat(JUnitPlatform.jarsMissingFrom(List.of(theirs))).extracting(jar -> jar.getFileName().toString())
                .noneMatch(name -> name.startsWith("junit-jupiter-params-"));
    }

    @Test
    void platformJarsOfTwoReleasesAreRefused() throws Exception {
        Path engine = jar("junit-platform-engine-1.10.2.jar", "1.10.2", JUNIT.stream()
                .filter(entry -> !entry.contains("/launcher/")).toList());
        Path launcher = jar("junit-platform-launcher-1.14.4.jar", "1.14.4", List.of("org/junit/platform/launcher/Launcher.class"));

        assertThatThrownBy(() -> JUnitPlatform.jarsMissingFrom(List.of(engine, launcher)))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("junit-platform-engine 1.10.2")
                .hasMessageContaining("junit-platform-launcher 1.14.4");
    }

    /** @return a jar that holds {@code entries} (empty: only their names matter) and says {@code version} */
    private Path jar(String name, String version, List<String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        return jar;
    }
}
