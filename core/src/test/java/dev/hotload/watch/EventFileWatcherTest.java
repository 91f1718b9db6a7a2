package dev.hotload.watch;

import static dev.hotload.watch.FileChange.Kind.CREATE;
import static dev.hotload.watch.FileChange.Kind.MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-driven watcher reports what the polling one reports, woken by the system instead of a clock. Its
 * full rescans are an hour apart here unless a test says otherwise: only an event can wake it within a deadline.
 */
class EventFileWatcherTest {

    /** Generous: the event watcher answers in milliseconds, a loaded CI machine may not. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Longer than any test: a watcher that answers in time was woken by an event. */
    private static final Duration NO_RESCAN = Duration.ofHours(1);

    @TempDir
    Path dir;

    private EventFileWatcher watcher;

    @BeforeEach
    void nativeEventsOnly() {
        assumeTrue(EventFileWatcher.isNativeOnThisPlatform(), "this platform has no native file events");
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            // Also ends a poll still waiting in the background.
            watcher.close();
        }
    }

    @Test
    void aSaveWakesAWaitingWatcher() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")), NO_RESCAN);
        CompletableFuture<ChangeSet> next = waitInBackground();

        Files.writeString(lib, "x = 4\n");

        assertThat(next.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).changes()).containsExactly(change(lib, MODIFY));
        assertNothingLeftOver();
    }

    @Test
    void filesInFoldersCreatedAfterStartAreSeen() throws Exception {
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")), NO_RESCAN);
        Path created = dir.resolve("pkg/sub/new.py");
        Files.createDirectories(created.getParent());
        // A full look finds the new folders, and subscribes to them.
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
        CompletableFuture<ChangeSet> next = waitInBackground();

        Files.writeString(created, "y = 1\n");

        assertThat(next.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).changes())
                .containsExactly(change(created, CREATE));
        assertNothingLeftOver();
    }

    @Test
    void aFileMadeInANewFolderBeforeTheFolderIsSubscribedToIsSeenWithoutARescan() throws Exception {
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")), NO_RESCAN);
        Path folder = Files.createDirectory(dir.resolve("pkg"));
        // Looks at what the folder's event names, and never sleeps: so it walks the folder, not yet subscribed.
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(2)).until(() -> {
            watcher.poll(Duration.ZERO);
            return watcher.walkedFolders().contains(folder);
        });
        Path created = Files.writeString(folder.resolve("new.py"), "y = 1\n"); // no event: nobody listens there

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(created, CREATE));
        assertNothingLeftOver();
    }

    @Test
    void renamingATemporaryFileOverTheSourceIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        // Every file watched, the temporary file too: it is named by an event, and must not be reported.
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of()), NO_RESCAN);
        Path temporary = Files.writeString(dir.resolve("lib.py.tmp"), "x = 4\n");
        Files.move(temporary, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(lib, MODIFY));
        assertNothingLeftOver();
    }

    @Test
    void anExplicitFileIsWatchedThroughItsFolder() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "a\n");
        Files.writeString(dir.resolve("other.txt"), "b\n");
        watcher = new EventFileWatcher(WatchSet.ofFiles(List.of(notes)), NO_RESCAN);

        Files.writeString(dir.resolve("other.txt"), "changed, but not watched\n");
        Files.writeString(notes, "changed\n");

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(notes, MODIFY));
        assertNothingLeftOver();
    }

    @Test
    void aChangeNoEventNamesIsFoundByTheNextFullScan(@TempDir Path outsideDir) throws Exception {
        // A link followed out of the tree: the system sends events for the folder the target is in, unwatched.
        Path outside = Files.writeString(outsideDir.resolve("shared.py"), "y = 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("shared.py"), outside);
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")).followingLinks(), Duration.ofMillis(50));

        Files.writeString(outside, "y = 2\n");

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(link, MODIFY));
        assertNothingLeftOver();
    }

    @Test
    void nothingChangedMeansNoneAfterTheTimeout() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")), NO_RESCAN);

        assertThat(watcher.poll(Duration.ofMillis(20))).isEqualTo(ChangeSet.none());
    }

    /** What was reported is the final state: a full look at every file finds nothing new. */
    @Test
    void anEntryThatLinksOutOfTheTreeIsWatchedThroughItsTargetAndWhereverItIsPointed() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("proj"));
        Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("lib.py"), "x = 1\n");
        Path other = Files.writeString(Files.createDirectories(dir.resolve("other")).resolve("lib2.py"), "x = 2\n");
        Path entry = Files.createSymbolicLink(tree.resolve("lib.py"), Path.of("../real/lib.py"));
        watcher = new EventFileWatcher(WatchSet.ofTree(tree, List.of(".py")).plusFile(entry), NO_RESCAN);

        CompletableFuture<ChangeSet> edited = waitInBackground();
        Files.writeString(real, "x = 10\n");
        assertThat(edited.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).changes()).containsExactly(change(entry, MODIFY));

        CompletableFuture<ChangeSet> repointed = waitInBackground();
        Path swap = Files.createSymbolicLink(tree.resolve(".lib.py.new"), other);
        Files.move(swap, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(repointed.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).changes()).containsExactly(change(entry, MODIFY));

        CompletableFuture<ChangeSet> editedThere = waitInBackground();
        Files.writeString(other, "x = 20\n");
        assertThat(editedThere.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).changes())
                .containsExactly(change(entry, MODIFY));
        Files.writeString(real, "x = 30\n");
        assertNothingLeftOver();
    }

    private void assertNothingLeftOver() throws InterruptedException {
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    private CompletableFuture<ChangeSet> waitInBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.poll(NO_RESCAN);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static FileChange change(Path path, FileChange.Kind kind) {
        return new FileChange(path, kind);
    }
}
