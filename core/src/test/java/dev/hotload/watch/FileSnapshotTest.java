package dev.hotload.watch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotload.watch.FileSnapshot.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's clock is passed in, so "freshly saved" and "saved long ago" are chosen, not raced. */
class FileSnapshotTest {

    /**
     * Ahead of the real clock, so that it is the files' newest time: setting it moves their inode change time to
     * now, which the freshness of a snapshot also counts.
     */
    private static final FileTime SAVED = FileTime.from(Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS));
    private static final long SAVED_NANOS = SAVED.to(TimeUnit.NANOSECONDS);
    private static final long MILLI = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void aSameSizeSaveInTheSameTickIsDifferentWhenTheFirstSnapshotWasFresh() throws IOException {
        Path lib = save(dir.resolve("lib.py"), "x = 3\n");
        FileSnapshot before = snapshot(lib, SAVED_NANOS + MILLI);

        save(lib, "x = 4\n");

        assertThat(compare(before, lib, SAVED_NANOS + 2 * MILLI)).isEqualTo(Comparison.DIFFERENT);
    }

    @Test
    void aFreshSnapshotStillSeesTheChangeWhenTheNextScanComesLate() throws IOException {
        Path lib = save(dir.resolve("lib.py"), "x = 3\n");
        FileSnapshot before = snapshot(lib, SAVED_NANOS + MILLI);

        save(lib, "x = 4\n");

        assertThat(compare(before, lib, SAVED_NANOS + 1000 * MILLI)).isEqualTo(Comparison.DIFFERENT);
    }

    @Test
    void anUnchangedFileIsTheSameWhetherFreshOrNotAndSettlesOnceNoLongerFresh() throws IOException {
        Path lib = save(dir.resolve("lib.py"), "x = 3\n");

        FileSnapshot fresh = snapshot(lib, SAVED_NANOS + MILLI);
        FileSnapshot later = snapshot(lib, SAVED_NANOS + 1000 * MILLI);

        assertThat(compare(fresh, lib, SAVED_NANOS + 2 * MILLI)).isEqualTo(Comparison.SAME);
        assertThat(compare(fresh, lib, SAVED_NANOS + 1000 * MILLI)).isEqualTo(Comparison.SAME_SETTLED);
        assertThat(compare(later, lib, SAVED_NANOS + 2000 * MILLI)).isEqualTo(Comparison.SAME);
    }

    @Test
    void onlyFreshlySavedFilesAreRead() throws IOException {
        Path lib = save(dir.resolve("lib.py"), "x = 3\n");

        assertThat(snapshot(lib, SAVED_NANOS + MILLI).contentHash()).isNotNull();
        // Reading every file on every scan, 144 times a second, would cost far too much.
        assertThat(snapshot(lib, SAVED_NANOS + 1000 * MILLI).contentHash()).isNull();
    }

    @Test
    void aFileReplacedByRenameIsDifferentEvenWithTheSameSizeAndTime() throws IOException {
        // What rsync does: write a temporary copy, give it the original's time, rename it over.
        Path lib = save(dir.resolve("lib.py"), "x = 3\n");
        FileSnapshot before = snapshot(lib, SAVED_NANOS + 1000 * MILLI);
        assumeTrue(before.fileKey() != null, "this file system gives files no identity");

        Path copy = save(dir.resolve(".lib.py.Xa1b2"), "x = 4\n");
        Files.move(copy, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(compare(before, lib, SAVED_NANOS + 2000 * MILLI)).isEqualTo(Comparison.DIFFERENT);
    }

    @Test
    void aSaveOfTheSameSizeWithItsTimeSetBackIsDifferent() throws IOException {
        // rsync -t, cp -p, touch -d: the size and modification time are the old ones, the content is not.
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"), "no inode change time here");
        Path lib = save(dir.resolve("lib.py"), "x = 3\n");
        FileSnapshot before = snapshot(lib, SAVED_NANOS + 1000 * MILLI);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // The system stamps from a coarse clock: saved again until its next tick, as a later save would be.
        do {
            save(lib, "x = 4\n");
        } while (snapshot(lib, SAVED_NANOS + 2000 * MILLI).changedNanos() == before.changedNanos()
                && System.nanoTime() < deadline);

        assertThat(compare(before, lib, SAVED_NANOS + 2000 * MILLI)).isEqualTo(Comparison.DIFFERENT);
    }

    private static Path save(Path file, String content) throws IOException {
        Files.write(file, content.getBytes(UTF_8));
        return Files.setLastModifiedTime(file, SAVED);
    }

    private static Comparison compare(FileSnapshot snapshot, Path file, long scanStartNanos) throws IOException {
        return snapshot.compare(file, Files.readAttributes(file, BasicFileAttributes.class), scanStartNanos);
    }

    private static FileSnapshot snapshot(Path file, long scanStartNanos) throws IOException {
        return FileSnapshot.of(file, Files.readAttributes(file, BasicFileAttributes.class), scanStartNanos);
    }
}
