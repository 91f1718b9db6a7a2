package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.spi.LaunchException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Java reloader asks of an entry before anything compiles. */
class JavaReloaderTest {

    @TempDir
    Path dir;

    @Test
    void aFileNameThatCannotNameAClassIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("my-lib.java"), "class X { }");

        assertThatThrownBy(() -> new JavaReloader().tree(file)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("name it like its class, e.g. mylib.java");
    }

    @Test
    void aPackagedEntryNamesItsClassInThatPackage() throws Exception {
        Path main = dir.resolve("src/shapes/Main.java");
        Files.createDirectories(main.getParent());
        Files.writeString(main, "package shapes; class Main { }");

        assertThat(new JavaReloader().tree(main).entryClass()).isEqualTo("shapes.Main");
    }
}
