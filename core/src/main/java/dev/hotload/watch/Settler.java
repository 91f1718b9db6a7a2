package dev.hotload.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Decides when a save is complete: every rule hotload has for it, in one place.
 *
 * <p>Editors save in steps (truncate then write; write a temporary file and rename it over the original; vim
 * renames the original away, writes a new one and deletes the old), and a look at the files may fall between
 * two steps. So a look that finds a watched file different from what was last reported is not reported at once:
 * <ol>
 *   <li>The settler looks again every {@link #SETTLE_INTERVAL} (0.5 ms) until two looks in a row agree, and
 *       reports what they saw. A complete file is reported then, whatever its content or its last byte: VS Code
 *       and IntelliJ, for two, do not end a file with a line end. No rule reads a file's content.
 *   <li>A watched file that was there and is now missing, or had content and is now empty, is what a save
 *       caught between its steps looks like: that state must hold for {@link #GAP_QUIET} (50 ms) before it is
 *       reported, since an editor descheduled on a busy machine may take that long for its next step. A real
 *       delete can wait that long.
 *   <li>A file still changing after {@link #MAX_SETTLE} (250 ms), a log being written, is reported as it is.
 *   <li>The reload loop adds one: a save whose content does not compile waits up to {@link #REST_OF_WRITE}
 *       (50 ms) for more of the same save before its error is shown ({@link FileWatcher#restOfWrite()}): a file
 *       written in several writes may be seen between two of them, and two looks then agree on a half.
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
            if (!again.equals(current)) {
                current = again;
                unchangedSince = clock.nanoTime();
            } else if (!hasGap(again, looks) || clock.nanoTime() - unchangedSince >= GAP_QUIET.toNanos()) {
                return again;
            }
        }
        return current;
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
