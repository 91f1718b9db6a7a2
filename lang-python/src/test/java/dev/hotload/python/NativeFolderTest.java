package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jffi's native library goes to a folder only the user can enter, never the shared temporary folder. */
class NativeFolderTest {

    @TempDir
    Path dir;

    @Test
    void theFolderIsInTheUsersCacheAsXdgSays() {
        assertThat(NativeFolder.cacheHome(Map.of("XDG_CACHE_HOME", dir.toString()))).isEqualTo(dir);
        assertThat(NativeFolder.cacheHome(Map.of("XDG_CACHE_HOME", "relative/is/ignored")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache"));
        assertThat(NativeFolder.cacheHome(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".cache"));
    }

    @Test
    void aMissingFolderIsMadeForItsOwnerOnly() throws Exception {
        Path folder = dir.resolve("cache/hotload/jffi");

        assertThat(NativeFolder.privateFolder(folder)).contains(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void anExistingFolderOpenToOthersIsClosedToThem() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("jffi"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(NativeFolder.privateFolder(folder)).contains(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatCannotBeMadeIsNotChosen() throws Exception {
        Path file = Files.writeString(dir.resolve("cache"), "a file, not a folder");

        assertThat(NativeFolder.privateFolder(file.resolve("hotload/jffi"))).isEmpty();
    }
}
