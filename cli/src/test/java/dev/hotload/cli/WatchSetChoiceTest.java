package dev.hotload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchSetChoiceTest {

    private static final Reloader PYTHON_LIKE = new Reloader() {
        @Override
        public String name() {
            return "py";
        }

        @Override
        public Set<String> extensions() {
            return Set.of(".py");
        }

        @Override
        public Session open(Launch launch) {
            throw new UnsupportedOperationException();
        }
    };

    private static final Supplier<List<Path>> NOTHING_PIPED = List::of;

    @TempDir
    Path dir;

    private Path entry;
    private Launch launch;

    @BeforeEach
    void entry() throws IOException {
        entry = Files.writeString(dir.resolve("lib.py"), "");
        launch = Launch.of(entry).build();
    }

    @Test
    void watchOptionsWinOverPipedNamesAndTheEntryIsAlwaysWatched() throws Exception {
        Path other = Files.writeString(dir.resolve("other.py"), "");
        Path folder = Files.createDirectory(dir.resolve("pkg"));
        var chosen = WatchSetChoice.choose(List.of(other, folder), List.of(), () -> {
            throw new AssertionError("standard input must not be read when --watch is given");
        }, PYTHON_LIKE, launch);
        assertThat(chosen.files()).containsExactlyInAnyOrder(other, entry);
        assertThat(chosen.folders()).containsExactly(folder);
        assertThat(chosen.extensions()).containsExactly(".py");
    }

    @Test
    void aWatchPathThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> WatchSetChoice.choose(List.of(dir.resolve("gone")), List.of(), NOTHING_PIPED,
                PYTHON_LIKE, launch))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("gone");
    }

    @Test
    void pipedFileNamesAreTheWatchSetWhenNoWatchOptionIsGiven() throws Exception {
        Path piped = Files.writeString(dir.resolve("mymath.py"), "");
        var chosen = WatchSetChoice.choose(List.of(), List.of(), () -> List.of(piped), PYTHON_LIKE, launch);
        assertThat(chosen.files()).containsExactlyInAnyOrder(piped, entry);
        assertThat(chosen.folders()).isEmpty();
    }

    @Test
    void aPipedNameThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> WatchSetChoice.choose(List.of(), List.of(), () -> List.of(dir.resolve("mymaht.py")),
                PYTHON_LIKE, launch))
                .isInstanceOf(LaunchException.class)
                .hasMessage("no such file to watch: '" + dir.resolve("mymaht.py") + "' (named on standard input)");
    }

    @Test
    void withNothingGivenTheLanguagesDefaultTreeIsWatched() throws Exception {
        var chosen = WatchSetChoice.choose(List.of(), List.of(), NOTHING_PIPED, PYTHON_LIKE, launch);
        assertThat(chosen.folders()).containsExactly(dir);
        assertThat(chosen.extensions()).containsExactly(".py");
    }

    @Test
    void extOptionsReplaceTheLanguagesExtensions() throws Exception {
        var chosen = WatchSetChoice.choose(List.of(), List.of("txt", ".csv"), NOTHING_PIPED, PYTHON_LIKE, launch);
        assertThat(chosen.extensions()).containsExactlyInAnyOrder(".txt", ".csv");
        assertThat(chosen.files()).containsExactly(entry);
    }

    @Test
    void commandsAloneWatchEveryFileOfTheWorkingFolderAsWatchexecDoes() throws Exception {
        var chosen = WatchSetChoice.forCommands(List.of(), List.of(), NOTHING_PIPED, dir);
        assertThat(chosen.folders()).containsExactly(dir);
        assertThat(chosen.files()).isEmpty();
        assertThat(chosen.extensions()).isEmpty();
        assertThat(chosen.matchesName("Makefile")).isTrue();
    }

    @Test
    void commandsAloneWatchTheWatchPathsOrThePipedNamesFilteredByExt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("src"));
        Path piped = Files.writeString(dir.resolve("notes.txt"), "");

        var watched = WatchSetChoice.forCommands(List.of(folder), List.of(".c"), () -> {
            throw new AssertionError("standard input must not be read when --watch is given");
        }, dir);
        var named = WatchSetChoice.forCommands(List.of(), List.of(), () -> List.of(piped), dir);

        assertThat(watched.folders()).containsExactly(folder);
        assertThat(watched.extensions()).containsExactly(".c");
        assertThat(named.files()).containsExactly(piped);
        assertThat(named.folders()).isEmpty();
    }
}
