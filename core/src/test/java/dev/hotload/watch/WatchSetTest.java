package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchSetTest {

    @Test
    void extensionsAreLowerCaseWithTheirDot() {
        WatchSet watchSet = WatchSet.ofTree(Path.of("src"), List.of("py", ".PY", "Groovy"));

        assertThat(watchSet.extensions()).containsExactlyInAnyOrder(".py", ".groovy");
    }

    @Test
    void matchesFilesWithAWatchedExtensionInAnyCase() {
        WatchSet watchSet = WatchSet.ofTree(Path.of("src"), List.of("py"));

        assertThat(watchSet.matchesName("lib.py")).isTrue();
        assertThat(watchSet.matchesName("LIB.PY")).isTrue();
        assertThat(watchSet.matchesName("notes.txt")).isFalse();
        assertThat(watchSet.matchesName("lib.pyc")).isFalse();
    }

    @Test
    void withoutExtensionsMatchesEveryFileButByProducts() {
        WatchSet watchSet = WatchSet.ofTree(Path.of("src"), List.of());

        assertThat(watchSet.matchesName("notes.txt")).isTrue();
        assertThat(watchSet.matchesName("Makefile")).isTrue();
        assertThat(watchSet.matchesName("notes.txt~")).isFalse();
        assertThat(watchSet.matchesName("4913")).isFalse();
    }

    @Test
    void byProductsWithAWatchedExtensionDoNotMatch() {
        WatchSet watchSet = WatchSet.ofTree(Path.of("src"), List.of("py"));

        assertThat(watchSet.matchesName(".#lib.py")).isFalse();
    }

    @Test
    void pathsAreAbsoluteAndNormalized() {
        Path here = Path.of("").toAbsolutePath();

        WatchSet watchSet = WatchSet.builder()
                .file(Path.of("pkg/../lib.py"))
                .folder(Path.of("./src"))
                .build();

        assertThat(watchSet.files()).containsExactly(here.resolve("lib.py"));
        assertThat(watchSet.folders()).containsExactly(here.resolve("src"));
    }

    @Test
    void plusFileKeepsEverythingElse() {
        WatchSet tree = WatchSet.builder()
                .folder(Path.of("src"))
                .extensions(List.of("py"))
                .ignore(new IgnoreRules(Set.of("build")))
                .build();

        WatchSet withEntry = tree.plusFile(Path.of("main.py"));

        assertThat(withEntry.files()).containsExactly(Path.of("main.py").toAbsolutePath());
        assertThat(withEntry.folders()).isEqualTo(tree.folders());
        assertThat(withEntry.extensions()).isEqualTo(tree.extensions());
        assertThat(withEntry.ignore()).isEqualTo(tree.ignore());
    }

    @Test
    void plusFileLeavesAFileAWatchedFolderAlreadyCovers() {
        WatchSet tree = WatchSet.ofTree(Path.of("src"), List.of(".py"));

        assertThat(tree.plusFile(Path.of("src/pkg/lib.py"))).isSameAs(tree);
        assertThat(tree.plusFile(Path.of("src/notes.txt")).files())
                .containsExactly(Path.of("src/notes.txt").toAbsolutePath());
        assertThat(tree.plusFile(Path.of("src/.hidden/lib.py")).files())
                .as("the scan skips dot-folders, so the file must be watched on its own")
                .containsExactly(Path.of("src/.hidden/lib.py").toAbsolutePath());
    }

    @Test
    void emptyOnlyWhenNothingIsWatched() {
        assertThat(WatchSet.builder().extensions(List.of("py")).build().isEmpty()).isTrue();
        assertThat(WatchSet.ofFiles(List.of(Path.of("lib.py"))).isEmpty()).isFalse();
        assertThat(WatchSet.ofTree(Path.of("src"), List.of()).isEmpty()).isFalse();
    }
}
