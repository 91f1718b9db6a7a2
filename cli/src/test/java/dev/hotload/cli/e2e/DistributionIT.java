package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The distribution archive {@code mvn package} makes, installed as a user would: unpacked anywhere, its launcher
 * linked into a folder on {@code PATH}, run from another folder, with neither the clone nor Maven in reach.
 */
@Isolated
class DistributionIT {

    @TempDir
    Path dir;

    @Test
    void theUnpackedArchiveRunsEachLanguageThroughALinkOnPathWithoutMavenOrTheClone() throws Exception {
        Path install = Files.createDirectories(dir.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf", archive().toString(), "-C", install.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        Path home;
        try (Stream<Path> unpacked = Files.list(install)) {
            home = unpacked.findFirst().orElseThrow();
        }
        // A folder on PATH with the launcher's link and the few tools it needs: no mvn, no find, no clone.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("hotload"), home.resolve("bin/hotload"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : List.of("bash", "dirname", "readlink")) {
            Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("app.py"), "print('python from the distribution')");
        Files.writeString(work.resolve("App.java"),
                "public class App { public static void main(String[] a) { System.out.println(\"java from the distribution\"); } }\n");
        Files.writeString(work.resolve("app.groovy"), "println 'groovy from the distribution'\n");

        for (String language : List.of("python", "java", "groovy")) {
            String entry = language.equals("java") ? "App.java" : "app." + (language.equals("python") ? "py" : "groovy");
            ProcessBuilder builder = new ProcessBuilder(bin.resolve("hotload").toString(), "--once", entry).directory(work.toFile());
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", bin.toString(), "HOME", System.getProperty("user.home")));
            try (HotloadProcess hotload = HotloadProcess.start(builder)) {
                hotload.awaitOut(language + " from the distribution", START);
                assertThat(hotload.awaitExit(START)).as(hotload.transcript()).isZero();
                assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("building"));
            }
        }
    }

    private static Path archive() throws IOException {
        try (Stream<Path> built = Files.list(HotloadProcess.home().resolve("cli/target"))) {
            return built.filter(file -> file.getFileName().toString().endsWith("-dist.tar.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cli/target/hotload-*-dist.tar.gz: mvn package makes it"));
        }
    }

    private static Path onPath(String tool) {
        Optional<Path> found = Stream.of(System.getenv("PATH").split(":"))
                .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new AssertionError(tool + " is not on PATH"));
    }
}
