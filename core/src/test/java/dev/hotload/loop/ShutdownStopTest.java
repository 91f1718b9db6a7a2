package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotload.watch.ChangeSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the shutdown hook does, called as the JVM would call it; the system tests send the real signals. */
class ShutdownStopTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final ScriptedFileWatcher watcher = new ScriptedFileWatcher(Duration.ofMillis(7));
    private final RecordingReporter reporter = new RecordingReporter();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger closes = new AtomicInteger();
    private ReloadLoop loop;
    private ShutdownStop stop;
    private Thread runner;

    @AfterEach
    void cleanUp() throws InterruptedException {
        release.countDown();
        if (stop != null) {
            stop.close();
        }
        if (runner != null) {
            runner.join(DEADLINE.toMillis());
        }
    }

    @Test
    void aShutdownStopsAWaitingLoopClosesItsStepsOnceAndSaysSo() {
        start(changes -> Outcome.ok());
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(2))
                .until(() -> reporter.runs.size() == 1 && watcher.isWaiting());

        stop.stop();

        assertThat(loop.isFinished()).isTrue();
        assertThat(closes).hasValue(1);
        assertThat(stop.hasFired()).isTrue();
        assertThat(reporter.said).containsExactly("stopped");
    }

    @Test
    void aRunThatOutlastsTheGraceIsToldAndTheStepsAndTheWatcherAreClosedAllTheSame() {
        CountDownLatch entered = new CountDownLatch(1);
        start(changes -> {
            entered.countDown();
            // A program that ignores its interrupt.
            while (true) {
                try {
                    release.await();
                    return Outcome.ok();
                } catch (InterruptedException ignored) {
                    // Keeps running.
                }
            }
        });
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(2)).until(() -> entered.getCount() == 0);

        stop.stop();

        assertThat(closes).hasValue(1);
        // Its thread in native code would hold the JVM's exit for 300 ms.
        assertThat(watcher.isClosed()).isTrue();
        assertThat(reporter.said).containsExactly("stopped (the reload under way did not end in time)");
    }

    @Test
    void aProgramWhoseCloseOutlastsTheGraceWhileTheLoopWaitsIsToldAsTheProgram() {
        loop = ReloadLoop.builder().watcher(watcher).reporter(reporter).steps(List.of(new EndlessClose())).build();
        stop = ShutdownStop.register(loop, reporter, Duration.ofMillis(50));
        runner = new Thread(loop::run, "reload loop");
        runner.setDaemon(true);
        runner.start();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(2))
                .until(() -> reporter.runs.size() == 1 && watcher.isWaiting());

        stop.stop();

        assertThat(reporter.said).containsExactly("stopped (the program did not end in time)");
    }

    @Test
    void aLoopThatEndedByItselfIsLeftAlone() {
        loop = loop(changes -> Outcome.ok());
        stop = ShutdownStop.register(loop, reporter, Duration.ofMillis(50));
        loop.runOnce();

        stop.stop();

        assertThat(stop.hasFired()).isFalse();
        assertThat(reporter.said).isEmpty();
        assertThat(closes).hasValue(1);
    }

    @Test
    void closeRemovesTheHook() {
        stop = ShutdownStop.register(loop(changes -> Outcome.ok()), reporter, Duration.ofMillis(50));

        stop.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(stop.hook)).isFalse();
    }

    @Test
    void aLoopStoppedOtherwiseIsNotStoppedByShutdown() throws InterruptedException {
        loop = ReloadLoop.builder().watcher(watcher).reporter(reporter).stopOnShutdown(Duration.ofMillis(50)).build();
        runner = new Thread(loop::run, "reload loop");
        runner.start();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(2)).until(watcher::isWaiting);

        assertThat(loop.stopAndAwait(DEADLINE)).isTrue();
        assertThat(loop.isStoppedByShutdown()).isFalse();
        assertThat(reporter.said).isEmpty();
    }

    private void start(Step step) {
        loop = loop(step);
        stop = ShutdownStop.register(loop, reporter, Duration.ofMillis(50));
        runner = new Thread(loop::run, "reload loop");
        runner.setDaemon(true);
        runner.start();
    }

    private ReloadLoop loop(Step step) {
        return ReloadLoop.builder().watcher(watcher).reporter(reporter).steps(List.of(step, new Closing())).build();
    }

    /** A program whose close (an exit handler of Python's, say) ignores interrupts until the test ends. */
    private final class EndlessClose implements Step, AutoCloseable {
        @Override
        public Outcome run(ChangeSet changes) {
            return Outcome.ok();
        }

        @Override
        public void close() {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // Keeps closing.
                }
            }
        }
    }

    /** Counts its closes. */
    private final class Closing implements Step, AutoCloseable {
        @Override
        public Outcome run(ChangeSet changes) {
            return Outcome.ok();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
