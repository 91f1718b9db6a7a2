package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deadline halts a JVM that a shutdown hook would keep alive for good; it must be seen in a JVM of its own. */
class ShutdownDeadlineTest {

    @Test
    void aShutdownHookThatNeverReturnsIsNamedAndTheJvmEndsWithTheStatusItWasEndingWith() throws Exception {
        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ShutdownDeadlineProbe.class.getName()))
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
            assertThat(probe.exitValue()).isEqualTo(3);
            assertThat(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                    "hotload: the program's shutdown hooks did not finish within 600 ms (thread \"endless-hook\");"
                            + " ending without them" + System.lineSeparator());
        } finally {
            probe.destroyForcibly();
        }
    }
}
