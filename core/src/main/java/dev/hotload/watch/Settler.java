package dev.hotload.watch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;

/**
 * Decides when a save is complete, and when what a run reads of it is: every rule hotload has for it, in one place.
 *
 * <p>Editors save in steps (truncate then write; write a temporary file and rename it over the original; vim
 * renames the original away, writes a new one and deletes the old), and a look at the files may fall between
 * two steps. A file differs from what was last reported when its modification time, inode change time (which no
 * user can set back: {@code rsync -t} and {@code cp -p} restore the other), size or identity differ, or its content
 * while it is fresh ({@link FileSnapshot}). A look that finds a watched file different is not reported at once:
 * <ol>
 *   <li>The settler looks again every {@link #SETTLE_INTERVAL} (0.5 ms) until two looks in a row agree, and
 *       reports what they saw. A complete file is reported then, whatever its content or its last byte: VS Code
 *       and IntelliJ, for two, do not end a file with a line end. No rule looks at what the content says.
 *   <li>A watched file that was there and is now missing, or had content and is now empty, is what a save
 *       caught between its steps looks like: that state must hold for {@link #GAP_QUIET} (50 ms) before it is
 *       reported, since an editor descheduled on a busy machine may take that long for its next step. A real
 *       delete can wait that long.
 *   <li>A file still changing after {@link #MAX_SETTLE} (250 ms), a log being written, is reported as it is.
 *   <li>The reload loop adds one: a save whose content does not compile waits up to {@link #REST_OF_WRITE}
 *       (50 ms) for more of the same save before its error is shown ({@link FileWatcher#restOfWrite()}): a file
 *       written in several writes may be seen between two of them, and two looks then agree on a half.
 *   <li>A run reads its sources some time after the watcher reported them, and the next save may have begun by
 *       then (a script saving every 5 ms truncates the file again while the last save compiles). So what a run
 *       reads is settled too ({@link #read}, through {@link SavedFiles#read}): a read counts only if the file's
 *       attributes (times, size, identity) are the same before and after it and the size is what was read, and,
 *       while the file is fresh (changed in the last 50 ms), still the same {@link #SETTLE_INTERVAL} later, unless
 *       it is exactly what the watcher settled on (attributes and content), which two looks saw already. An
 *       empty or missing file is waited for as in rule 2, and for {@link #EMPTIED_QUIET} (1 s) if a run read
 *       content from it before: a script's in-place save truncates, and its write may wait that long for the disk.
 *       A run never sees a half-truncated save; a file truly emptied runs a second later.
 *   <li>A run may so read a save newer than the one reported, and the watcher then reports that newer save:
 *       a change that leaves a file's content, size and identity as the last read of it saw them, and its
 *       modification time no newer, has run already and is not reported ({@link SavedFiles#hasRun}). So neither
 *       is a {@code chmod}, nor a copy's time set back after its content ran ({@code cp -p} writes, then sets the
 *       time: two steps). A {@code touch}, or an editor's save of unchanged content, moves the modification time
 *       on and runs again, as in the original hotload; so does a file made readable again, as its last read failed.
 * </ol>
 * Only evidence that a write is under way waits: the file changing between two looks, or a gap (rule 2).
 *
 * <p>Every pause goes through a {@link WatchClock}, so that a test can perform each step of a save between two
 * looks, and read on its clock how long the settler waited.
 */
final class Settler {

    /** Time between two looks that wait for a save to settle. */
    static final Duration SETTLE_INTERVAL = Duration.ofNanos(500_000);

    /** How long a watched file must stay missing, or emptied, before that is reported. */
    static final Duration GAP_QUIET = Duration.ofMillis(50);

    /**
     * How long a file a run has read content from must stay missing, or empty, before a run reads it so. Longer
     * than {@link #GAP_QUIET}: on a busy disk, truncating a file whose last save is still being written out can
     * take that long, and a script's next write waits for it.
     */
    static final Duration EMPTIED_QUIET = Duration.ofSeconds(1);

    /** A file still changing after this long is reported as it is. */
    static final Duration MAX_SETTLE = Duration.ofMillis(250);

    /** How long a save that does not compile waits for more of the same save, in the reload loop. */
    static final Duration REST_OF_WRITE = Duration.ofMillis(50);

    /** Where the settler looks: the watched files that differ from what was last reported. */
    interface Looks {
        /** @return each watched file that differs from what was last reported, with its snapshot now: null if gone */
        Map<Path, FileSnapshot> again();

        /** @return the snapshot last reported of {@code file}, or null if it was not there */
        FileSnapshot reported(Path file);
    }

    /** What one settled read saw: the content, and the snapshot of the file it was read from. */
    record Read(byte[] content, FileSnapshot snapshot) {
    }

    private final WatchClock clock;

    Settler(WatchClock clock) {
        this.clock = clock;
    }

    /**
     * Looks again until the differences found settle.
     *
     * @param first what the look that found the differences saw
     * @return the settled differences: each file's snapshot, null for one that is gone; empty if the files went
     *     back to what was reported
     */
    Map<Path, FileSnapshot> settle(Map<Path, FileSnapshot> first, Looks looks) throws InterruptedException {
        long giveUp = clock.nanoTime() + MAX_SETTLE.toNanos();
        long unchangedSince = clock.nanoTime();
        Map<Path, FileSnapshot> current = first;
        while (clock.nanoTime() < giveUp) {
            clock.pause(SETTLE_INTERVAL.toNanos());
            Map<Path, FileSnapshot> again = looks.again();
            if (!agree(again, current)) {
                current = again;
                unchangedSince = clock.nanoTime();
            } else if (!hasGap(again, looks) || clock.nanoTime() - unchangedSince >= GAP_QUIET.toNanos()) {
                return again;
            }
        }
        return current;
    }

    /**
     * Reads {@code file} whole, as rule 5 says: between two looks at its attributes that agree.
     *
     * @param hadContent whether a run read content from it before: then it waits {@link #EMPTIED_QUIET} for a gap
     * @param settled what the watcher settled on for the file, if it reported it: a read of exactly that (its
     *     attributes and its content's hash) has been seen twice already, and is not looked at again
     * @return the content and the snapshot it was read at
     * @throws NoSuchFileException if the file stays missing for the gap time
     * @throws IOException if it cannot be read (no permission, a folder), at once
     * @throws InterruptedIOException if the thread is interrupted while it waits: hotload is stopping
     */
    Read read(Path file, boolean hadContent, FileSnapshot settled) throws IOException {
        long quiet = (hadContent ? EMPTIED_QUIET : GAP_QUIET).toNanos();
        long started = clock.nanoTime();
        long gapSince = -1;
        FileSnapshot gap = null; // the empty file's snapshot while in a gap; null while missing
        while (true) {
            Read read = null;
            NoSuchFileException missing = null;
            try {
                read = readOnce(file, settled);
            } catch (NoSuchFileException e) {
                missing = e;
            }
            if (read != null && read.content().length > 0) {
                return read;
            }
            long now = clock.nanoTime();
            boolean lastChance = now - started >= quiet + MAX_SETTLE.toNanos(); // emptied again and again: as it is
            if (read == null && missing == null) {
                gapSince = -1; // written to while read: no gap, a write under way
                Read asItIs = now - started >= MAX_SETTLE.toNanos() ? readAsItIs(file) : null;
                if (asItIs != null && (asItIs.content().length > 0 || lastChance)) {
                    return asItIs; // a file written without end: as it is, as rule 3
                }
            } else if (gapSince < 0 || (gap == null) != (read == null) || read != null && !read.snapshot().hasAttributesOf(gap)) {
                gapSince = now; // a new gap: missing, or emptied by another write than before
                gap = read == null ? null : read.snapshot();
            } else if (now - gapSince >= quiet || lastChance) {
                if (missing != null) {
                    throw missing; // deleted
                }
                return read; // saved empty
            }
            pause();
        }
    }

    /** @return the content and its snapshot, or null if the file changed while it was read */
    private Read readOnce(Path file, FileSnapshot settled) throws IOException {
        FileSnapshot before = FileSnapshot.of(file, Files.readAttributes(file, BasicFileAttributes.class));
        Read read = readAsItIs(file);
        if (!before.hasAttributesOf(read.snapshot()) || read.content().length != read.snapshot().size()) {
            return null;
        }
        if (read.snapshot().isFresh(FileSnapshot.epochNanos()) && !read.snapshot().isSettled(settled)) {
            pause();
            if (!FileSnapshot.of(file, Files.readAttributes(file, BasicFileAttributes.class)).hasAttributesOf(read.snapshot())) {
                return null;
            }
        }
        return read;
    }

    /** @return the content, and the snapshot of the file just after it was read */
    private static Read readAsItIs(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        return new Read(content, FileSnapshot.of(file, Files.readAttributes(file, BasicFileAttributes.class), content));
    }

    private void pause() throws InterruptedIOException {
        try {
            clock.pause(SETTLE_INTERVAL.toNanos());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while reading a source");
        }
    }

    /** @return whether two looks saw the same: a snapshot that stopped being fresh between them has no hash */
    private static boolean agree(Map<Path, FileSnapshot> look, Map<Path, FileSnapshot> before) {
        if (!look.keySet().equals(before.keySet())) {
            return false;
        }
        for (Map.Entry<Path, FileSnapshot> now : look.entrySet()) {
            FileSnapshot then = before.get(now.getKey());
            if (now.getValue() == null ? then != null : then == null || !now.getValue().isSameAs(then)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether a file that was there is now missing, or one that had content is now empty */
    private static boolean hasGap(Map<Path, FileSnapshot> differing, Looks looks) {
        for (Map.Entry<Path, FileSnapshot> now : differing.entrySet()) {
            FileSnapshot before = looks.reported(now.getKey());
            FileSnapshot snapshot = now.getValue();
            if (before != null && (snapshot == null || snapshot.size() == 0 && before.size() > 0)) {
                return true;
            }
        }
        return false;
    }
}
