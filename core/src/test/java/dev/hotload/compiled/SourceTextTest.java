package dev.hotload.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    @TempDir
    Path dir;

    @Test
    void aSourceIsReadAsItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("Lib.java"), "class Lib {}\n");

        assertThat(SourceText.read(file).content()).isEqualTo("class Lib {}\n");
    }

    @Test
    void aMissingSourceSaysSo() {
        assertThatThrownBy(() -> SourceText.read(dir.resolve("Gone.java"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("X.java");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> SourceText.read(fifo)).isInstanceOf(IOException.class)
                .hasMessage("it is a FIFO (named pipe), not a regular file");
    }
}
