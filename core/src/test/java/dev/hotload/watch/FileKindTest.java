package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileKindTest {

    @TempDir
    Path dir;

    @Test
    void aFileAFolderAndNothingAreToldApart() throws Exception {
        Path file = Files.writeString(dir.resolve("Lib.java"), "class Lib {}");

        assertThat(FileKind.of(file)).isEqualTo(FileKind.REGULAR);
        assertThat(FileKind.of(dir)).isEqualTo(FileKind.FOLDER);
        assertThat(FileKind.of(dir.resolve("gone.java"))).isEqualTo(FileKind.MISSING);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsNamedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("X.java");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        // Opening it would wait for a writer for ever: the test itself would hang.
        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.FIFO);
        assertThat(FileKind.FIFO.description()).isEqualTo("a FIFO (named pipe)");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsNamed() {
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo(FileKind.DEVICE);
    }

    @Test
    void aLinkIsWhatItLeadsTo() throws Exception {
        Path file = Files.writeString(dir.resolve("real.py"), "x = 1");
        Path link = Files.createSymbolicLink(dir.resolve("lib.py"), file);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.py"), dir.resolve("nowhere.py"));

        assertThat(FileKind.of(link)).isEqualTo(FileKind.REGULAR);
        assertThat(FileKind.of(dangling)).isEqualTo(FileKind.MISSING);
    }
}
