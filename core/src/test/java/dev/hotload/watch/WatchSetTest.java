package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theEntryALinkOutOfTheTreeIsWatchedThroughTheLinkOtherLinksOutAreNot(@TempDir Path dir) throws IOException {
        Path real = write(dir, "real/lib.py");
        Path tree = Files.createDirectories(dir.resolve("proj"));
        Path entry = Files.createSymbolicLink(tree.resolve("lib.py"), real);
        Files.createSymbolicLink(tree.resolve("other.py"), real);
        WatchSet watched = WatchSet.ofTree(tree, List.of(".py"));

        assertThat(watched.existingFiles()).as("by the rule for links in a tree").isEmpty();
        assertThat(watched.plusFile(entry).files()).containsExactly(entry);
        assertThat(watched.plusFile(entry).existingFiles()).containsExactly(entry);
    }

    @Test
    void existingFilesAreTheWatchedFilesAWatcherFindsInPathOrder(@TempDir Path dir) throws IOException {
        Path settings = write(dir, "conf/settings.toml");
        List<Path> watched = List.of(write(dir, "src/a.py"), write(dir, "src/pkg/b.py"), write(dir, "src/z.py"));
        for (String skipped : List.of("src/notes.txt", "src/a.py~", "src/.git/hook.py", "src/target/out.py",
                "src/pkg/__pycache__/b.py", "src/.#a.py")) {
            write(dir, skipped);
        }
        WatchSet watchSet = WatchSet.builder().folder(dir.resolve("src")).extensions(List.of(".py")).file(settings)
                .file(watched.get(0)).build();

        assertThat(watchSet.existingFiles()).containsExactly(settings, watched.get(0), watched.get(1), watched.get(2));
    }

    @Test
    void aFileIsWatchedExactlyWhenTheWatchersFindIt(@TempDir Path dir) throws IOException {
        for (String name : List.of("src/a.py", "src/pkg/b.py", "src/notes.txt", "src/a.py~", "src/.git/hook.py",
                "src/target/out.py", "src/pkg/__pycache__/b.py", "src/.#a.py", "conf/settings.toml",
                "conf/other.toml")) {
            write(dir, name);
        }
        WatchSet watchSet = WatchSet.builder().folder(dir.resolve("src")).extensions(List.of(".py"))
                .file(dir.resolve("conf/settings.toml")).build();
        List<Path> found = watchSet.existingFiles();

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile))
                    .allSatisfy(file -> assertThat(watchSet.watches(file)).as("%s", file)
                            .isEqualTo(found.contains(file)));
        }
        assertThat(found).hasSize(3);
    }

    @Test
    void aFileThatDoesNotExistYetIsWatchedByItsNameAndPlace() {
        WatchSet watchSet = WatchSet.builder().folder(Path.of("src")).extensions(List.of(".py"))
                .file(Path.of("conf.toml")).build();

        assertThat(watchSet.watches(Path.of("src/pkg/new.py"))).isTrue();
        assertThat(watchSet.watches(Path.of("src/pkg/../new.py").toAbsolutePath())).isTrue();
        assertThat(watchSet.watches(Path.of("conf.toml"))).isTrue();
        assertThat(watchSet.watches(Path.of("src/new.txt"))).isFalse();
        assertThat(watchSet.watches(Path.of("src/.venv/new.py"))).isFalse();
        assertThat(watchSet.watches(Path.of("src/new.py~"))).isFalse();
        assertThat(watchSet.watches(Path.of("other/new.py"))).isFalse();
        assertThat(watchSet.watches(Path.of("src"))).as("the folder itself").isFalse();
    }

    @Test
    void emptyOnlyWhenNothingIsWatched() {
        assertThat(WatchSet.builder().extensions(List.of("py")).build().isEmpty()).isTrue();
        assertThat(WatchSet.ofFiles(List.of(Path.of("lib.py"))).isEmpty()).isFalse();
        assertThat(WatchSet.ofTree(Path.of("src"), List.of()).isEmpty()).isFalse();
    }

    private static Path write(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x\n");
    }

    @Test
    void ignoreFilesAndGlobsKeepFilesAndFoldersOutOfTheWalkAndOfWatches(@TempDir Path tree) throws IOException {
        Files.write(tree.resolve(".gitignore"), List.of("gen/", "*_pb.py"));
        for (String file : List.of("main.py", "lib/util.py", "gen/out.py", "lib/gen/x.py", "lib/msg_pb.py",
                "build/lib/copy.py", "scratch/try.py", "lib/.git/hooks.py")) {
            Files.createDirectories(tree.resolve(file).getParent());
            Files.writeString(tree.resolve(file), "");
        }
        WatchSet plain = WatchSet.ofTree(tree, List.of("py"));
        WatchSet watchSet = plain.ignoring(plain.ignore().with(List.of("scratch/"), tree, true)).plusFile(tree.resolve("gen/out.py"));

        assertThat(watchSet.existingFiles()).containsExactly(
                tree.resolve("gen/out.py"), tree.resolve("lib/util.py"), tree.resolve("main.py"));
        assertThat(watchSet.watches(tree.resolve("lib/new.py"))).isTrue();
        assertThat(watchSet.watches(tree.resolve("lib/gen/new.py"))).isFalse();
        assertThat(watchSet.watches(tree.resolve("lib/new_pb.py"))).isFalse();
        assertThat(watchSet.watches(tree.resolve("scratch/new.py"))).isFalse();
        assertThat(watchSet.watches(tree.resolve("build/new.py"))).isFalse();
        assertThat(watchSet.watches(tree.resolve("gen/out.py"))).isTrue(); // explicit: watched whatever the rules
    }
}
