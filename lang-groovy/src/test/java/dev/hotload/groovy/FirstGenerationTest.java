package dev.hotload.groovy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first generation of a fresh JVM unloads too. Groovy starts a thread of its own on the first dynamic call,
 * and a thread keeps its starter's context class loader: only a JVM of its own shows whether that is a script's.
 */
class FirstGenerationTest {

    @TempDir
    Path dir;

    @Test
    void theFirstGenerationOfAJvmIsUnloadableOnceReplaced() throws Exception {
        Path script = Files.writeString(dir.resolve("lib.groovy"), "println([1, 2, 3].collect { it * 1 })\n");
        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                FirstGenerationProbe.class.getName(), script.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).isEqualTo("unloaded" + System.lineSeparator());
        } finally {
            probe.destroyForcibly();
        }
    }
}
