package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pace of polling on a {@link SteppedClock}, with scan times given as a tree of that size takes them: how
 * often each kind of look comes, and what share of a core they make together.
 */
class PollPaceTest {

    private static final Duration INTERVAL = PollingFileWatcher.DEFAULT_INTERVAL;
    private static final Scope EDITED = Scope.of(List.of(Path.of("/src/lib.py")));
    /** 50,000 files, and 17 edited files, about as long as they take here. */
    private static final Duration FULL_SCAN = Duration.ofMillis(125);
    private static final Duration EDITED_SCAN = Duration.ofNanos(40_000);

    private final SteppedClock clock = new SteppedClock();
    private final PollPace pace = new PollPace(INTERVAL, clock);

    @Test
    void aSmallTreeIsScannedWholeEveryInterval() throws Exception {
        pace.scansTook(Duration.ofNanos(20_000), Duration.ZERO);
        long start = clock.nanoTime();

        assertThat(pace.isSplit()).isFalse();
        assertThat(pace.await(Duration.ofSeconds(1).toNanos(), EDITED)).isEqualTo(Scope.EVERYTHING);
        assertThat(clock.since(start)).isEqualTo(INTERVAL);
    }

    @Test
    void aScanOfATenthOfAMillisecondKeepsTheIntervalAsked() throws Exception {
        // One file, as a cold JVM scans it: the original's 144 scans a second stay.
        pace.scansTook(Duration.ofNanos(105_000), Duration.ZERO);
        long start = clock.nanoTime();

        assertThat(pace.isSplit()).isFalse();
        assertThat(pace.await(Duration.ofSeconds(1).toNanos(), EDITED)).isEqualTo(Scope.EVERYTHING);
        assertThat(clock.since(start)).isEqualTo(INTERVAL);
    }

    @Test
    void aTreeScannedWholeWithin100MsIsScannedWholeLessOftenAsItsScansCostMore() throws Exception {
        // 200 files: 2 % of a core.
        pace.scansTook(Duration.ofNanos(400_000), Duration.ZERO);
        long start = clock.nanoTime();

        assertThat(pace.isSplit()).isFalse();
        assertThat(pace.await(Duration.ofSeconds(1).toNanos(), EDITED)).isEqualTo(Scope.EVERYTHING);
        assertThat(clock.since(start)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void aBigTreesEditedFilesAreLookedAtEvery20MsAndTheRestAtItsShareOfACoreUnderTwoPercent() throws Exception {
        pace.scansTook(FULL_SCAN, EDITED_SCAN);
        long start = clock.nanoTime();
        long lastLook = start;
        long longestGap = 0;
        int fullScans = 0;
        int editedLooks = 0;
        while (clock.since(start).compareTo(Duration.ofSeconds(60)) < 0) {
            Scope scope = pace.await(Duration.ofSeconds(10).toNanos(), EDITED);
            longestGap = Math.max(longestGap, clock.nanoTime() - lastLook);
            lastLook = clock.nanoTime();
            if (scope.everything()) {
                fullScans++;
            } else {
                assertThat(scope).isEqualTo(EDITED);
                editedLooks++;
            }
        }

        // Every full scan also sees the edited files: no gap between two looks at them is longer than their pace,
        // well under the 100 ms in which a save of a file being edited shows.
        assertThat(pace.isSplit()).isTrue();
        assertThat(Duration.ofNanos(longestGap)).isEqualTo(pace.editedScanEvery()).isEqualTo(PollPace.EDITED_EVERY);
        assertThat(pace.fullScanEvery()).isEqualTo(FULL_SCAN.multipliedBy(PollPace.FULL_FACTOR));
        assertThat(fullScans).isEqualTo((int) (60_000 / FULL_SCAN.multipliedBy(PollPace.FULL_FACTOR).toMillis()));
        double busy = fullScans * FULL_SCAN.toNanos() + editedLooks * (double) EDITED_SCAN.toNanos();
        assertThat(busy / clock.since(start).toNanos()).isLessThan(0.007);
    }

    @Test
    void editedFilesSlowToLookAtAreLookedAtLessOften() throws Exception {
        // A network file system: a millisecond a look.
        pace.scansTook(FULL_SCAN, Duration.ofMillis(1));
        long start = clock.nanoTime();

        assertThat(pace.await(Duration.ofSeconds(10).toNanos(), EDITED)).isEqualTo(EDITED);
        assertThat(clock.since(start)).isEqualTo(Duration.ofMillis(PollPace.EDITED_FACTOR));
    }

    @Test
    void aWaitEndsAtItsTimeoutWhateverThePace() throws Exception {
        pace.scansTook(FULL_SCAN, EDITED_SCAN);
        long start = clock.nanoTime();

        pace.await(Duration.ofMillis(1).toNanos(), EDITED);

        assertThat(clock.since(start)).isEqualTo(Duration.ofMillis(1));
    }
}
