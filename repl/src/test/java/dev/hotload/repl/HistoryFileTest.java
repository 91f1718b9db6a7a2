package dev.hotload.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prompt's history: per project and language, in a folder only the user can read. */
class HistoryFileTest {

    @TempDir
    Path dir;

    @Test
    void eachProjectAndLanguageHasItsOwnFileInTheUsersStateFolderClosedToOthers() throws Exception {
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.toString());

        Path python = HistoryFile.of(Path.of("/work/shop"), "python", env).orElseThrow();
        Path groovy = HistoryFile.of(Path.of("/work/shop"), "groovy", env).orElseThrow();
        Path otherShop = HistoryFile.of(Path.of("/home/shop"), "python", env).orElseThrow();

        assertThat(python.getParent()).isEqualTo(dir.resolve("hotload/history"));
        assertThat(python.getFileName().toString()).startsWith("python-shop-");
        assertThat(python).isNotEqualTo(groovy).isNotEqualTo(otherShop);
        assertThat(HistoryFile.of(Path.of("/work/shop"), "python", env)).contains(python);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(python.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void withoutAStateFolderItIsUnderHomeAndAFolderOthersCanReadKeepsNoHistory() throws Exception {
        Map<String, String> home = Map.of("HOME", dir.toString());
        assertThat(HistoryFile.of(Path.of("/p"), "java", home).orElseThrow().getParent())
                .isEqualTo(dir.resolve(".local/state/hotload/history"));

        Files.setPosixFilePermissions(dir.resolve(".local/state/hotload/history"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(HistoryFile.of(Path.of("/p"), "java", home)).isEmpty();
        assertThat(HistoryFile.of(Path.of("/p"), "java", Map.of())).isEmpty();
    }
}
