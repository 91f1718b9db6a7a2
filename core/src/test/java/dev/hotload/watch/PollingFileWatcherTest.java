package dev.hotload.watch;

import static dev.hotload.watch.FileChange.Kind.CREATE;
import static dev.hotload.watch.FileChange.Kind.DELETE;
import static dev.hotload.watch.FileChange.Kind.MODIFY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polling watcher on a {@link SteppedClock}: each step of a save is performed between two of its looks, so
 * that what it reports does not depend on how a thread was scheduled. Only the tests of real pauses and real
 * scan times use the system's clock.
 */
class PollingFileWatcherTest {

    /** Virtual time: a poll that finds nothing returns after it, at once. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private static final Duration INTERVAL = Duration.ofMillis(2);

    /** Longer than a settling look takes, shorter than a missing or empty file must stay so to be reported. */
    private static final Duration EDITOR_PAUSE = Settler.GAP_QUIET.dividedBy(3);

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock();

    @Test
    void aModifiedFileIsReportedOnce() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        Files.writeString(lib, "x = 42\n");

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(lib, MODIFY));
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void aCreatedFileIsReportedOnce() throws Exception {
        PollingFileWatcher watcher = watchPython();

        Path created = Files.writeString(dir.resolve("new.py"), "y = 1\n");

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(created, CREATE));
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void aFileInASubFolderCreatedAfterStartIsReportedOnce() throws Exception {
        PollingFileWatcher watcher = watchPython();
        Path created = dir.resolve("pkg/sub/new.py");
        Files.createDirectories(created.getParent());
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());

        Files.writeString(created, "y = 1\n");

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(created, CREATE));
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void aDeletedFileIsReportedOnce() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        Files.delete(lib);

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(lib, DELETE));
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void nothingChangedIsNone() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void filesSavedTogetherAreOneChangeSetInPathOrder() throws Exception {
        Path b = Files.writeString(dir.resolve("b.py"), "b = 1\n");
        PollingFileWatcher watcher = watchPython();

        Path a = Files.writeString(dir.resolve("a.py"), "a = 1\n");
        Files.writeString(b, "b = 22\n");

        assertThat(watcher.scanOnce().changes()).containsExactly(change(a, CREATE), change(b, MODIFY));
    }

    @Test
    void filesWithOtherExtensionsAreNotReported() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "a\n");
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        Files.writeString(notes, "changed, but not a .py file\n");
        Files.writeString(dir.resolve("more.txt"), "new, but not a .py file\n");
        Files.writeString(lib, "x = 42\n");

        assertThat(watcher.scanOnce().changes()).containsExactly(change(lib, MODIFY));
    }

    @Test
    void byProductsOfEditorsToolsAndBuildsAreNeverReported() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        // No extension filter: only the ignore rules keep these out.
        PollingFileWatcher watcher = new PollingFileWatcher(WatchSet.ofTree(dir, List.of()), INTERVAL, clock);

        for (String byProduct : List.of(".git/HEAD", ".git/hooks/pre-commit.py", ".venv/lib/site.py", ".idea/misc.xml",
                "target/classes/Main.class", "pkg/target/out.py", "__pycache__/lib.cpython-312.pyc",
                "pkg/__pycache__/helper.py", "node_modules/left-pad/index.js", "lib.py.swp", ".lib.py.swp",
                ".lib.py.swo", "lib.py~", "4913", ".#lib.py", "#lib.py#", "lib$py.class", "lib.py___jb_tmp___")) {
            Path path = dir.resolve(byProduct);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "by-product\n");
        }
        Files.writeString(lib, "x = 42\n");

        assertThat(watcher.scanOnce().changes()).containsExactly(change(lib, MODIFY));
    }

    @Test
    void anExplicitFileThatDoesNotExistYetIsReportedWhenItAppears() throws Exception {
        Path config = dir.resolve("config.toml");
        PollingFileWatcher watcher = new PollingFileWatcher(WatchSet.ofFiles(List.of(config)), INTERVAL, clock);
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());

        Files.writeString(config, "debug = true\n");

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(change(config, CREATE));
    }

    @Test
    void truncateThenWriteBetweenTwoScansIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        truncateThenWrite(lib, "x = 42\n");

        assertOneModify(watcher, watcher.scanOnce(), lib, "x = 42\n");
    }

    @Test
    void writeTemporaryThenRenameOverBetweenTwoScansIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        writeTemporaryThenRename(lib, "x = 42\n");

        assertOneModify(watcher, watcher.scanOnce(), lib, "x = 42\n");
    }

    @Test
    void vimsRenameWriteDeleteBetweenTwoScansIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();

        saveLikeVim(lib, "x = 42\n");

        assertOneModify(watcher, watcher.scanOnce(), lib, "x = 42\n");
    }

    @Test
    void truncateThenWriteDuringAPollIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        clock.then(() -> Files.write(lib, new byte[0]))
                .then(() -> Files.writeString(lib, "x = 42\n"));

        assertOneModify(watcher, watcher.poll(DEADLINE), lib, "x = 42\n");
    }

    @Test
    void writeTemporaryThenRenameOverDuringAPollIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        // Every file watched, the temporary file too: seen between the two steps, it must not be reported.
        PollingFileWatcher watcher = new PollingFileWatcher(WatchSet.ofTree(dir, List.of()), INTERVAL, clock);
        Path temporary = dir.resolve("lib.py.tmp");
        clock.then(() -> Files.writeString(temporary, "x = 42\n"))
                .then(() -> Files.move(temporary, lib, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING));

        assertOneModify(watcher, watcher.poll(DEADLINE), lib, "x = 42\n");
    }

    @Test
    void vimsRenameWriteDeleteDuringAPollIsOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        Path backup = lib.resolveSibling("lib.py~");
        clock.then(() -> Files.delete(Files.writeString(lib.resolveSibling("4913"), "")))
                .then(() -> Files.move(lib, backup))
                .then(() -> Files.writeString(lib, "x = 42\n"))
                .then(() -> Files.delete(backup));

        assertOneModify(watcher, watcher.poll(DEADLINE), lib, "x = 42\n");
    }

    @Test
    void aSaveWhoseEditorPausesBetweenItsStepsIsStillOneModify() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        Path backup = lib.resolveSibling("lib.py~");
        // An editor descheduled on a busy machine: the file is missing for a while, then empty, then written.
        clock.then(() -> Files.move(lib, backup))
                .after(EDITOR_PAUSE, () -> Files.write(lib, new byte[0]))
                .after(EDITOR_PAUSE, () -> Files.writeString(lib, "x = 42\n"))
                .then(() -> Files.delete(backup));

        assertOneModify(watcher, watcher.poll(DEADLINE), lib, "x = 42\n");
    }

    @Test
    void twoSavesOfTheSameSizeWithTheSameModifiedTimeAreBothSeen() throws Exception {
        // Ahead of the clock, so that every scan in this test finds the file freshly saved ("racy") however slow
        // the machine: the case of saves within one tick of the file system's clock.
        FileTime sameTick = FileTime.from(Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        Path lib = saveWithModifiedTime(dir.resolve("lib.py"), "x = 3\n", sameTick);
        PollingFileWatcher watcher = watchPython();

        saveWithModifiedTime(lib, "x = 4\n", sameTick);
        assertThat(watcher.scanOnce().changes()).containsExactly(change(lib, MODIFY));

        saveWithModifiedTime(lib, "x = 5\n", sameTick);
        assertThat(watcher.scanOnce().changes()).containsExactly(change(lib, MODIFY));
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void savesInQuickSuccessionAreEachSeen() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 0\n");
        PollingFileWatcher watcher = watchPython();

        for (int i = 1; i <= 5; i++) {
            String content = "x = " + i + "\n";
            clock.then(() -> Files.writeString(lib, content));
            assertThat(watcher.poll(DEADLINE).changes()).as("save %d", i).containsExactly(change(lib, MODIFY));
        }
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void aPollWithNothingChangingReturnsNoneAfterItsTimeout() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        Duration timeout = Duration.ofMillis(100);

        long start = clock.nanoTime();
        ChangeSet changes = watcher.poll(timeout);

        assertThat(changes).isEqualTo(ChangeSet.none());
        assertThat(clock.since(start)).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plus(INTERVAL));
    }

    @Test
    void anInterruptedPollThrowsInterruptedException() throws Exception {
        // The system's clock: a real pause, ended by a real interrupt.
        PollingFileWatcher watcher = new PollingFileWatcher(WatchSet.ofTree(dir, List.of(".py")), Duration.ofHours(1));
        FutureTask<ChangeSet> poll = new FutureTask<>(() -> watcher.poll(Duration.ofHours(1)));
        Thread poller = new Thread(poll, "poller");
        poller.setDaemon(true);
        poller.start();
        await().atMost(DEADLINE).until(() -> poller.getState() == Thread.State.TIMED_WAITING);

        poller.interrupt();

        assertThatThrownBy(() -> poll.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
    }

    @Test
    void theIntervalGrowsWithTheTimeAScanTakesSoThatScanningStaysCheap() throws Exception {
        for (int i = 0; i < 200; i++) {
            Files.writeString(dir.resolve("mod" + i + ".py"), "x = " + i + "\n");
        }
        PollingFileWatcher watcher = new PollingFileWatcher(WatchSet.ofTree(dir, List.of(".py")), Duration.ofNanos(1));

        assertThat(watcher.interval()).isGreaterThan(Duration.ofNanos(1));
        assertThat(watcher.toString()).matches("polling every .*, as 200 files take \\d+ ms to scan");
    }

    @Test
    void theIntervalMustBePositive() {
        WatchSet watchSet = WatchSet.ofTree(dir, List.of(".py"));

        assertThatThrownBy(() -> new PollingFileWatcher(watchSet, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PollingFileWatcher watchPython() {
        return new PollingFileWatcher(WatchSet.ofTree(dir, List.of(".py")), INTERVAL, clock);
    }

    private static FileChange change(Path path, FileChange.Kind kind) {
        return new FileChange(path, kind);
    }

    /**
     * The whole save was performed, and reported once, as one MODIFY of its final state: a full look finds
     * nothing the report left out. A watcher that reported a state between two steps fails the last check.
     */
    private void assertOneModify(PollingFileWatcher watcher, ChangeSet changes, Path file, String content)
            throws Exception {
        assertThat(clock.isDone()).as("every step of the save performed").isTrue();
        assertThat(changes.changes()).containsExactly(change(file, MODIFY));
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    private static void truncateThenWrite(Path file, String content) throws IOException {
        Files.write(file, new byte[0]);
        Files.writeString(file, content);
    }

    private static void writeTemporaryThenRename(Path file, String content) throws IOException {
        Path temporary = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** vim's default save with a backup: test that the folder is writable, rename, write anew, drop the backup. */
    private static void saveLikeVim(Path file, String content) throws IOException {
        Files.delete(Files.writeString(file.resolveSibling("4913"), ""));
        Path backup = file.resolveSibling(file.getFileName() + "~");
        Files.move(file, backup);
        Files.writeString(file, content);
        Files.delete(backup);
    }

    private static Path saveWithModifiedTime(Path file, String content, FileTime modified) throws IOException {
        Files.write(file, content.getBytes(UTF_8));
        return Files.setLastModifiedTime(file, modified);
    }
}
