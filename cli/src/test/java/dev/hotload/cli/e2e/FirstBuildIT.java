package dev.hotload.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The first start of a clone builds hotload with Maven, for a minute: bin/hotload says which module it is at,
 * and where the whole log is when the build fails. Driven with a stand-in for mvn, in a copy of bin/ with no
 * build, so that it takes no minute.
 */
@Isolated
class FirstBuildIT {

    @TempDir
    Path dir;

    @Test
    void theBuildShowsEachModuleAndAFailureNamesItsPrivateLog() throws Exception {
        Path home = Files.createDirectories(dir.resolve("clone"));
        copyTree(HotloadProcess.home().resolve("bin"), home.resolve("bin"));
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path mvn = Files.writeString(tools.resolve("mvn"), """
                #!/bin/sh
                echo "[INFO] Scanning for projects..."
                echo "[INFO] Building hotload agent 0.1.0-SNAPSHOT                     [1/2]"
                echo "[INFO] Building hotload core 0.1.0-SNAPSHOT                      [2/2]"
                echo "[ERROR] /clone/core/src/main/java/A.java:[3,1] class, interface, enum, or record expected"
                exit 1
                """);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/hotload").toString(), "lib.py")
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", tools + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        List<String> err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(HotloadProcess.START.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Path log = home.resolve("cli/target/build.log");
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).containsExactly(
                "hotload: building hotload with Maven (first start, or sources changed; about a minute)...",
                "hotload: building 1/2: hotload agent",
                "hotload: building 2/2: hotload core",
                "[ERROR] /clone/core/src/main/java/A.java:[3,1] class, interface, enum, or record expected",
                "hotload: the build failed; the lines above say why, the whole log is " + log);
        assertThat(Files.readString(log)).startsWith("[INFO] Scanning for projects...\n").contains("[ERROR] /clone");
        // The user's own: not readable, let alone writable, by another user of the machine.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
