package dev.hotload.watch;

import static dev.hotload.watch.FileChange.Kind.CREATE;
import static dev.hotload.watch.FileChange.Kind.DELETE;
import static dev.hotload.watch.FileChange.Kind.MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looking where events point: only there, and at everything under a folder they name. On a {@link SteppedClock}:
 * settling a difference takes no real time.
 */
class ChangeDetectorTest {

    /** Says nothing more than it is told: what a watcher woken by events passes on. */
    private static final ChangeDetector.Waiter QUIET = new ChangeDetector.Waiter() {
        @Override
        public Scope await(long nanos) {
            return Scope.NOTHING;
        }

        @Override
        public Scope pending() {
            return Scope.NOTHING;
        }
    };

    @TempDir
    Path dir;

    @Test
    void aLookAtOnePathReportsOnlyThatPath() throws Exception {
        Path a = write("a.py", "a = 1\n");
        Path b = write("b.py", "b = 1\n");
        ChangeDetector detector = detector();
        write("a.py", "a = 2\n");
        write("b.py", "b = 2\n");

        assertThat(detector.detect(Scope.of(List.of(a)), QUIET).changes()).containsExactly(change(a, MODIFY));
        assertThat(detector.detect(Scope.EVERYTHING, QUIET).changes()).containsExactly(change(b, MODIFY));
    }

    @Test
    void aFolderCreatedWithFilesIsACreateOfEach() throws Exception {
        ChangeDetector detector = detector();
        Path one = write("pkg/one.py", "");
        Path two = write("pkg/sub/two.py", "");
        write("pkg/notes.txt", "");

        assertThat(detector.detect(Scope.of(List.of(dir.resolve("pkg"))), QUIET).changes())
                .containsExactly(change(one, CREATE), change(two, CREATE));
        assertThat(detector.folders()).contains(dir.resolve("pkg"), dir.resolve("pkg/sub"));
    }

    @Test
    void aDeletedFolderIsADeleteOfEveryFileInIt() throws Exception {
        Path one = write("pkg/one.py", "one = 1\n");
        Path two = write("pkg/sub/two.py", "two = 2\n");
        write("kept.py", "kept = 1\n");
        ChangeDetector detector = detector();
        deleteTree(dir.resolve("pkg"));

        assertThat(detector.detect(Scope.of(List.of(dir.resolve("pkg"))), QUIET).changes())
                .containsExactly(change(one, DELETE), change(two, DELETE));
        assertThat(detector.folders()).doesNotContain(dir.resolve("pkg"), dir.resolve("pkg/sub")).contains(dir);
        // The look at the folder left what is known of the file beside it: a full look finds it unchanged.
        assertThat(detector.detect(Scope.EVERYTHING, QUIET)).isEqualTo(ChangeSet.none());
    }

    @Test
    void aFileReplacedByAFolderAndBackIsSeenEachWay() throws Exception {
        Path lib = write("lib.py", "x = 1\n");
        ChangeDetector detector = detector();
        Files.delete(lib);
        Path inner = write("lib.py/inner.py", "y = 1\n");

        assertThat(detector.detect(Scope.of(List.of(lib)), QUIET).changes())
                .containsExactly(change(lib, DELETE), change(inner, CREATE));
        deleteTree(lib);
        write("lib.py", "x = 2\n");
        assertThat(detector.detect(Scope.of(List.of(lib)), QUIET).changes())
                .containsExactly(change(lib, CREATE), change(inner, DELETE));
    }

    @Test
    void pathsTheWatchSetSkipsAreNeverReported() throws Exception {
        ChangeDetector detector = detector();
        Path swap = write(".lib.py.swp", "");
        Path backup = write("lib.py~", "");
        Path hidden = write(".git/hook.py", "");

        assertThat(detector.detect(Scope.of(List.of(swap, backup, hidden, dir.resolve(".git"))), QUIET)).isEqualTo(ChangeSet.none());
    }

    @Test
    void aLinkIsFollowedToAFileInTheTreeButNotOutOfItNorIntoAFolder() throws Exception {
        Path outsideDir = Files.createTempDirectory("hotload-outside");
        try {
            Path inside = write("real.py", "x = 1\n");
            Path outside = Files.writeString(outsideDir.resolve("secret.py"), "y = 1\n");
            Path toInside = Files.createSymbolicLink(dir.resolve("alias.py"), inside);
            Files.createSymbolicLink(dir.resolve("leak.py"), outside);
            Files.createSymbolicLink(dir.resolve("loop"), dir);
            ChangeDetector detector = detector();
            write("real.py", "x = 2\n");
            Files.writeString(outside, "y = 2\n");

            assertThat(detector.detect(Scope.EVERYTHING, QUIET).changes())
                    .containsExactly(change(toInside, MODIFY), change(inside, MODIFY));
        } finally {
            deleteTree(outsideDir);
        }
    }

    @Test
    void followingLinksReachesOutOfTheTreeAndStopsAtALoop() throws Exception {
        Path outsideDir = Files.createTempDirectory("hotload-outside");
        try {
            Path outside = Files.writeString(outsideDir.resolve("shared.py"), "y = 1\n");
            Path linkedDir = Files.createSymbolicLink(dir.resolve("lib"), outsideDir);
            Files.createSymbolicLink(dir.resolve("loop"), dir);
            WatchSet following = WatchSet.ofTree(dir, List.of(".py")).followingLinks();
            ChangeDetector detector = new ChangeDetector(following, new SteppedClock());
            Files.writeString(outside, "y = 2\n");

            assertThat(detector.detect(Scope.EVERYTHING, QUIET).changes())
                    .containsExactly(change(linkedDir.resolve("shared.py"), MODIFY));
        } finally {
            deleteTree(outsideDir);
        }
    }

    @Test
    void aSaveARunReadBeforeTheWatcherLookedIsNotReportedAgainButATouchIs() throws Exception {
        Path lib = write("lib.py", "x = 1\n");
        SavedFiles savedFiles = new SavedFiles(new SteppedClock());
        ChangeDetector detector = new ChangeDetector(WatchSet.ofTree(dir, List.of(".py")), new SteppedClock(), savedFiles);
        // Save 2 was reported and its run began; save 3 landed before the run read the file.
        write("lib.py", "x = 3\n");
        savedFiles.readWhole(lib);

        assertThat(detector.detect(Scope.EVERYTHING, QUIET)).isEqualTo(ChangeSet.none());

        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 1000));
        assertThat(detector.detect(Scope.EVERYTHING, QUIET).changes()).containsExactly(change(lib, MODIFY));
    }

    @Test
    void aSaveIsNoticedWhenTheLookThatFoundItBeganNotWhenItSettled() throws Exception {
        write("a.py", "a = 1\n");
        SteppedClock clock = new SteppedClock();
        ChangeDetector detector = new ChangeDetector(WatchSet.ofTree(dir, List.of(".py")), clock);
        write("a.py", "a = 22\n");
        long looked = clock.nanoTime();

        ChangeSet changes = detector.detect(Scope.EVERYTHING, QUIET);

        assertThat(changes.noticed()).hasValue(looked);
        assertThat(clock.since(looked)).as("settling took time after it").isPositive();
    }

    @Test
    void wherePollLookedWhenItWasInterruptedItLooksAgainNextTime() throws Exception {
        Path a = write("a.py", "a = 1\n");
        ChangeDetector detector = detector();
        write("a.py", "a = 22\n");
        // The events named a.py once: a poll interrupted while that save settles has taken them.
        ChangeDetector.Waiter eventsOnce = new ChangeDetector.Waiter() {
            private boolean told;

            @Override
            public Scope await(long nanos) {
                return Scope.NOTHING;
            }

            @Override
            public Scope pending() {
                Scope scope = told ? Scope.NOTHING : Scope.of(List.of(a));
                told = true;
                return scope;
            }
        };

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> detector.poll(Duration.ofSeconds(1), eventsOnce)).isInstanceOf(InterruptedException.class);

        assertThat(detector.poll(Duration.ofSeconds(1), eventsOnce).changes()).containsExactly(change(a, MODIFY));
    }

    private ChangeDetector detector() {
        return new ChangeDetector(WatchSet.ofTree(dir, List.of(".py")), new SteppedClock());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static FileChange change(Path path, FileChange.Kind kind) {
        return new FileChange(path, kind);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
