package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event-driven watcher reports what the polling one reports, woken by the system instead of a clock. */
class EventFileWatcherTest {

    /** Generous: the event watcher answers in milliseconds, a loaded CI machine may not. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);

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
            watcher.close();
        }
    }

    @Test
    void aSaveWakesAWaitingWatcherLongBeforeTheRescan() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")));
        CompletableFuture<ChangeSet> next = waitInBackground();
        Files.writeString(lib, "x = 4\n");
        // Well under EventFileWatcher.RESCAN: only an event can have woken it this soon.
        ChangeSet changes = next.get(EventFileWatcher.RESCAN.toMillis() / 2, TimeUnit.MILLISECONDS);
        assertThat(changes.changes()).containsExactly(new FileChange(lib, FileChange.Kind.MODIFY));
    }

    @Test
    void filesInFoldersCreatedAfterStartAreSeen() throws Exception {
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")));
        Path created = dir.resolve("pkg/sub/new.py");
        Files.createDirectories(created.getParent());
        assertThat(watcher.poll(Duration.ofMillis(200)).isEmpty()).isTrue();
        CompletableFuture<ChangeSet> next = waitInBackground();
        Files.writeString(created, "y = 1\n");
        // Before the rescan: the new folders were subscribed to when they appeared.
        assertThat(next.get(EventFileWatcher.RESCAN.toMillis() / 2, TimeUnit.MILLISECONDS).changes())
                .containsExactly(new FileChange(created, FileChange.Kind.CREATE));
    }

    @Test
    void renamingATemporaryFileOverTheSourceIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")));
        Path temporary = Files.writeString(dir.resolve("lib.py.tmp"), "x = 4\n");
        Files.move(temporary, lib, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(lib, FileChange.Kind.MODIFY));
        assertThat(watcher.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
    }

    @Test
    void anExplicitFileIsWatchedThroughItsFolder() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "a\n");
        Files.writeString(dir.resolve("other.txt"), "b\n");
        watcher = new EventFileWatcher(WatchSet.ofFiles(List.of(notes)));
        Files.writeString(dir.resolve("other.txt"), "changed, but not watched\n");
        Files.writeString(notes, "changed\n");
        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(notes, FileChange.Kind.MODIFY));
    }

    @Test
    void nothingChangedMeansNoneAfterTheTimeout() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        watcher = new EventFileWatcher(WatchSet.ofTree(dir, List.of(".py")));
        assertThat(watcher.poll(Duration.ofMillis(100))).isEqualTo(ChangeSet.none());
    }

    private CompletableFuture<ChangeSet> waitInBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.poll(DEADLINE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
