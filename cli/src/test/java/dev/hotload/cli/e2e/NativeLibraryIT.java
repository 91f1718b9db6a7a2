package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jython's native library (jffi, behind {@code os}) is written to a folder only the user can enter, never to the
 * shared temporary folder, not even for the moment between writing and loading it: under {@code bin/hotload}, and
 * under plain {@code bin/jython}.
 */
class NativeLibraryIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"hotload, --once", "jython, -u"})
    void jffiIsExtractedToThePrivateCacheFolderNotTheTemporaryOne(String command, String option) throws Exception {
        Path source = Files.createDirectory(dir.resolve("src"));
        Path temporary = Files.createDirectory(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        Files.writeString(source.resolve("lib.py"), "import os\nprint('Result: %d' % len(os.listdir('.')))\n");
        Map<String, String> env = Map.of("HOTLOAD_JAVA_OPTS", "-Djava.io.tmpdir=" + temporary,
                "XDG_CACHE_HOME", cache.toString());

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            // jffi deletes its file once loaded: only an event shows that it was ever there.
            WatchKey temporaryFolder = temporary.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            try (HotloadProcess hotload = HotloadProcess.start(source, "", env, command, option, "lib.py")) {
                assertThat(hotload.awaitExit(START)).isZero();
                assertThat(hotload.stdoutLines()).containsExactly("Result: 1");
            }
            assertThat(temporaryFolder.pollEvents()).isEmpty();
        }
        Path jffi = cache.resolve("hotload/jffi");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jffi))).isEqualTo("rwx------");
    }
}
