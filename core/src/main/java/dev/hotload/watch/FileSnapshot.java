package dev.hotload.watch;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What one scan saw of one file: enough to tell whether a later scan sees the same content.
 *
 * <p>File systems stamp modification times from a coarse clock (a few milliseconds on Linux), so two saves of
 * the same size within one tick can leave identical attributes. A snapshot taken while its file was that
 * fresh ("racy", as git calls it) also records a hash of the content, and the next scan compares content.
 *
 * @param modifiedNanos last-modified time, in nanoseconds since the epoch
 * @param size size in bytes
 * @param fileKey the file system's identity of the file (an inode), or null where there is none;
 *     a save that writes a new file and renames it over the old one changes it
 * @param contentHash hash of the content when the snapshot was racy, otherwise null
 */
public record FileSnapshot(long modifiedNanos, long size, Object fileKey, HashCode contentHash) {

    /** A snapshot is racy while its file was modified less than this long before the scan. */
    static final long RACY_NANOS = 50_000_000L;

    /** @return a snapshot of {@code file} from its attributes, hashing it when racy */
    static FileSnapshot of(Path file, BasicFileAttributes attributes, long scanStartNanos) {
        long modified = nanos(attributes);
        boolean racy = scanStartNanos - modified < RACY_NANOS;
        return new FileSnapshot(modified, attributes.size(), attributes.fileKey(), racy ? hash(file) : null);
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
        if (contentHash == null) {
            return Comparison.SAME;
        }
        if (!contentHash.equals(hash(file))) {
            return Comparison.DIFFERENT;
        }
        return scanStartNanos - modified < RACY_NANOS ? Comparison.SAME : Comparison.SAME_SETTLED;
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private static HashCode hash(Path file) {
        try {
            return Hashing.murmur3_128().hashBytes(Files.readAllBytes(file));
        } catch (IOException gone) {
            // Deleted or replaced while we looked; the next scan sees what became of it.
            return HashCode.fromInt(0);
        }
    }
}
