package dev.hotload.watch;

import static dev.hotload.watch.FileChange.Kind.CREATE;
import static dev.hotload.watch.FileChange.Kind.DELETE;
import static dev.hotload.watch.FileChange.Kind.MODIFY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of a complete save, each read on a {@link SteppedClock}: the steps of a save are performed between
 * the watcher's looks, and how long it waited before reporting is virtual time, exact.
 */
class SettlerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration INTERVAL = Duration.ofMillis(2);

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock();

    @ParameterizedTest
    @ValueSource(strings = {"x = 42", "x = 42\n", "x = 42\r\n", "x = 42  # no line end", "x = 42\n\n\n"})
    void aCompleteFileIsReportedAtTheSecondLookWhateverItsLastByte(String content) throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        clock.then(() -> Files.writeString(lib, content));

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(lib, MODIFY));
        assertThat(clock.sinceLastStep()).isEqualTo(Settler.SETTLE_INTERVAL);
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void aWriteStillGrowingBetweenLooksIsWaitedForAndReportedOnceWhole() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        clock.then(() -> Files.writeString(lib, "x = 42\n"))
                .then(() -> Files.writeString(lib, "prin", StandardOpenOption.APPEND))
                .then(() -> Files.writeString(lib, "t(x)\n", StandardOpenOption.APPEND));

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(lib, MODIFY));
        assertThat(clock.isDone()).isTrue();
        assertThat(clock.sinceLastStep()).isEqualTo(Settler.SETTLE_INTERVAL);
        assertThat(watcher.scanOnce()).isEqualTo(ChangeSet.none());
    }

    @Test
    void aFileEmptiedIsReportedOnlyOnceItStayedEmptyForTheGapTime() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        clock.then(() -> Files.write(lib, new byte[0]));

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(lib, MODIFY));
        assertThat(clock.sinceLastStep()).isGreaterThanOrEqualTo(Settler.GAP_QUIET)
                .isLessThan(Settler.GAP_QUIET.plus(Settler.SETTLE_INTERVAL));
    }

    @Test
    void aFileDeletedIsReportedOnlyOnceItStayedGoneForTheGapTime() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        PollingFileWatcher watcher = watchPython();
        clock.then(() -> Files.delete(lib));

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(lib, DELETE));
        assertThat(clock.sinceLastStep()).isGreaterThanOrEqualTo(Settler.GAP_QUIET)
                .isLessThan(Settler.GAP_QUIET.plus(Settler.SETTLE_INTERVAL));
    }

    @Test
    void aNewEmptyFileIsNoGapAndIsReportedAtTheSecondLook() throws Exception {
        PollingFileWatcher watcher = watchPython();
        Path created = dir.resolve("empty.py");
        clock.then(() -> Files.write(created, new byte[0]));

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(created, CREATE));
        assertThat(clock.sinceLastStep()).isEqualTo(Settler.SETTLE_INTERVAL);
    }

    @Test
    void aFileStillChangingAfterTheLongestSettleIsReportedAsItIs() throws Exception {
        Path log = Files.writeString(dir.resolve("log.py"), "# a log\n");
        PollingFileWatcher watcher = watchPython();
        // A line between every two looks, for twice as long as the settler waits.
        long looks = 2 * Settler.MAX_SETTLE.toNanos() / Settler.SETTLE_INTERVAL.toNanos();
        for (int i = 0; i < looks; i++) {
            String line = "# line " + i + "\n";
            clock.then(() -> Files.writeString(log, line, StandardOpenOption.APPEND));
        }
        long start = clock.nanoTime();

        assertThat(watcher.poll(DEADLINE).changes()).containsExactly(new FileChange(log, MODIFY));
        assertThat(clock.isDone()).isFalse();
        // The first poll's pause brought the first line; from that look on, the settler waited its longest.
        assertThat(clock.since(start)).isEqualTo(INTERVAL.plus(Settler.MAX_SETTLE));
    }

    private PollingFileWatcher watchPython() {
        return new PollingFileWatcher(WatchSet.ofTree(dir, List.of(".py")), INTERVAL, clock);
    }
}
