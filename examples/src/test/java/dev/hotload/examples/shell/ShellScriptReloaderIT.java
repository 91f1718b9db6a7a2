package dev.hotload.examples.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.cli.e2e.HotloadProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reloader from a jar of its own joins hotload through the class path alone, with no change to core. */
class ShellScriptReloaderIT {

    private static final Map<String, String> WITH_EXAMPLES =
            Map.of("HOTLOAD_CLASSPATH", Path.of("target/classes").toAbsolutePath().toString());

    @TempDir
    Path dir;

    @Test
    void aShellScriptIsRunAgainOnEverySave() throws Exception {
        Path script = dir.resolve("hello.sh");
        Files.writeString(script, "echo \"hello $1, version 1\"\n");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", WITH_EXAMPLES, "hotload", "hello.sh", "--", "you")) {
            hotload.awaitOut("hello you, version 1", HotloadProcess.START);
            Files.writeString(script, "echo \"hello $1, version 2\"\nexit 4\n");
            hotload.awaitOut("hello you, version 2", HotloadProcess.RELOAD);
            hotload.awaitErr("exited with status 4", HotloadProcess.RELOAD);
        }
    }

    @Test
    void theNewLanguageIsListedBesideTheBuiltInOnes() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", WITH_EXAMPLES, "hotload", "--languages")) {
            assertThat(hotload.awaitExit(HotloadProcess.START)).isZero();
            // Its description, and where it came from: a folder on HOTLOAD_CLASSPATH, with no manifest to give a version.
            assertThat(hotload.stdoutLines()).contains("shell (.sh): shell scripts, run with sh on every save (an example"
                    + " of a third-party reloader) (no version, " + WITH_EXAMPLES.get("HOTLOAD_CLASSPATH") + "/)")
                    .anyMatch(line -> line.startsWith("python"));
        }
    }
}
