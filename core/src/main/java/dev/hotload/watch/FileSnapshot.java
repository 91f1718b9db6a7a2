package dev.hotload.watch;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What one scan saw of one file: enough to tell whether a later scan sees the same content.
 *
 * <p>File systems stamp modification times from a coarse clock (a few milliseconds on Linux), so two saves of
 * the same size within one tick can leave identical attributes. A snapshot taken while its file was that
 * fresh ("racy", as git calls it) also records a hash of the content, and the next scan compares content.
 *
 * <p>A save may also set the modification time back to what it was ({@code rsync -t}, {@code cp -p},
 * {@code touch -d}); the inode change time, which no user can set, still moves ({@link ChangeTime}). Fresh means
 * the newer of the two is recent.
 *
 * @param modifiedNanos last-modified time, in nanoseconds since the epoch
 * @param changedNanos inode change time, in nanoseconds since the epoch; 0 where the system keeps none
 * @param size size in bytes
 * @param fileKey the file system's identity of the file (an inode), or null where there is none;
 *     a save that writes a new file and renames it over the old one changes it
 * @param contentHash hash of the content when the snapshot was racy, otherwise null
 */
public record FileSnapshot(long modifiedNanos, long changedNanos, long size, Object fileKey, HashCode contentHash) {

    /** A snapshot is racy while its file was modified less than this long before the scan. */
    static final long RACY_NANOS = 50_000_000L;

    /** @return a snapshot of {@code file} from its attributes, hashing it when racy */
    static FileSnapshot of(Path file, BasicFileAttributes attributes, long scanStartNanos) {
        long modified = nanos(attributes);
        long changed = ChangeTime.nanos(file, attributes);
        boolean racy = scanStartNanos - Math.max(modified, changed) < RACY_NANOS;
        return new FileSnapshot(modified, changed, attributes.size(), attributes.fileKey(), racy ? hash(file) : null);
    }

    /** @return whether {@code other} saw the same times, size and identity: nothing has been done to the file since */
    boolean hasAttributesOf(FileSnapshot other) {
        return modifiedNanos == other.modifiedNanos && changedNanos == other.changedNanos && size == other.size
                && Objects.equals(fileKey, other.fileKey);
    }

    /**
     * @return whether this snapshot, of a file read whole, is what the watcher settled on: the same attributes and
     *     the same content, by hash; false where the watcher kept no hash (the file was no longer fresh then)
     */
    boolean isSettled(FileSnapshot settled) {
        return settled != null && settled.contentHash != null && hasAttributesOf(settled)
                && settled.contentHash.equals(contentHash);
    }

    /** @return whether {@code other} is of the same content: the same attributes, and hashes that agree if both have one */
    boolean isSameAs(FileSnapshot other) {
        return hasAttributesOf(other) && (contentHash == null || other.contentHash == null || contentHash.equals(other.contentHash));
    }

    /** @return a snapshot of a file's attributes only, to compare with {@link #hasAttributesOf} */
    static FileSnapshot of(Path file, BasicFileAttributes attributes) {
        return new FileSnapshot(nanos(attributes), ChangeTime.nanos(file, attributes), attributes.size(),
                attributes.fileKey(), null);
    }

    /** @return a snapshot of a file read whole: its attributes, and the hash of {@code content} whatever its age */
    static FileSnapshot of(Path file, BasicFileAttributes attributes, byte[] content) {
        return new FileSnapshot(nanos(attributes), ChangeTime.nanos(file, attributes), attributes.size(),
                attributes.fileKey(), hash(content));
    }

    /** @return whether the newer of its two times is less than {@link #RACY_NANOS} before {@code nowNanos} */
    boolean isFresh(long nowNanos) {
        return nowNanos - Math.max(modifiedNanos, changedNanos) < RACY_NANOS;
    }

    /** How a file's state now compares with a snapshot of it. */
    enum Comparison {
        /** The same content. */
        SAME,
        /** The same content, no longer racy: a fresh snapshot would spare the next scans a read of the file. */
        SAME_SETTLED,
        /** Other content. */
        DIFFERENT
    }

    /**
     * Compares the file as it is now with this snapshot, without making a snapshot of it unless it must read it.
     *
     * @param file the file this snapshot is of
     * @param attributes its attributes now
     * @param scanStartNanos when the scan began, in nanoseconds since the epoch
     */
    Comparison compare(Path file, BasicFileAttributes attributes, long scanStartNanos) {
        long modified = nanos(attributes);
        if (modified != modifiedNanos || attributes.size() != size || !Objects.equals(attributes.fileKey(), fileKey)) {
            return Comparison.DIFFERENT;
        }
        long changed = ChangeTime.nanos(file, attributes);
        if (changed != changedNanos) {
            return Comparison.DIFFERENT;
        }
        if (contentHash == null) {
            return Comparison.SAME;
        }
        if (!contentHash.equals(hash(file))) {
            return Comparison.DIFFERENT;
        }
        return scanStartNanos - Math.max(modified, changed) < RACY_NANOS ? Comparison.SAME : Comparison.SAME_SETTLED;
    }

    /** @return the file system's time, not a watcher's clock: the files' times are compared with it */
    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /** @return the hash a snapshot records of {@code content} */
    static HashCode hash(byte[] content) {
        return Hashing.murmur3_128().hashBytes(content);
    }

    static HashCode hash(Path file) {
        try {
            return hash(Files.readAllBytes(file));
        } catch (IOException gone) {
            // Deleted or replaced while we looked; the next scan sees what became of it.
            return HashCode.fromInt(0);
        }
    }
}
