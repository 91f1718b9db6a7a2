package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import dev.hotload.watch.PollingFileWatcher;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadLoopTest {

    /** Generous, and still well under the loop's 10 s wait slice: ending in time proves it did not wait that out. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private ReloadLoop loop;
    private Thread runner;

    @AfterEach
    void endTheLoop() throws InterruptedException {
        release.countDown();
        if (loop != null && !loop.isFinished()) {
            loop.stopAndAwait(Duration.ofSeconds(1));
        }
        if (runner != null) {
            runner.join(DEADLINE.toMillis());
        }
    }

    @Test
    void runOnceRunsTheStepsInOrderAndReturnsZero() {
        loop = onceWith(logging("clear"), logging("reload"), logging("command"));

        assertThat(loop.runOnce()).isZero();
        assertThat(log).containsExactly("clear", "reload", "command");
        assertThat(reporter.runs).containsExactly(new RecordingReporter.Run(ChangeSet.initial(), Outcome.ok()));
    }

    @Test
    void runOnceReturnsOneWhenAStepFailed() {
        loop = onceWith(changes -> Outcome.failed("NameError"), logging("after"));

        assertThat(loop.runOnce()).isEqualTo(1);
        assertThat(log).containsExactly("after");
        assertThat(reporter.runs).extracting(RecordingReporter.Run::outcome)
                .containsExactly(Outcome.failed("NameError"));
    }

    @Test
    void runOnceReturnsTheStatusTheUserCodeExitedWith() {
        loop = onceWith(changes -> Outcome.exited(3), changes -> Outcome.failed("later"));

        assertThat(loop.runOnce()).isEqualTo(3);
    }

    @Test
    void aStepThatThrowsIsReportedAndTheNextStepsStillRun() {
        IllegalStateException boom = new IllegalStateException("boom");
        Step throwing = Step.of("throwing", () -> {
            throw boom;
        });
        loop = onceWith(logging("before"), throwing, logging("after"));

        assertThat(loop.runOnce()).isEqualTo(1);
        assertThat(log).containsExactly("before", "after");
        assertThat(reporter.failures).containsExactly(new RecordingReporter.Failure(throwing, boom));
        assertThat(reporter.runs).extracting(RecordingReporter.Run::outcome)
                .containsExactly(Outcome.failed("IllegalStateException"));
    }

    @Test
    void aStackOverflowInAStepIsReportedAndTheNextStepsStillRun() {
        Step recursing = Step.of("recursing", () -> recurse(0));
        loop = onceWith(recursing, logging("after"));

        assertThat(loop.runOnce()).isEqualTo(1);
        assertThat(log).containsExactly("after");
        assertThat(reporter.failures).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isSameAs(recursing);
            assertThat(failure.error()).isInstanceOf(StackOverflowError.class);
        });
    }

    @Test
    void runOnceClosesTheStepsOnce() {
        ClosingStep closing = new ClosingStep();
        loop = onceWith(closing);

        loop.runOnce();

        assertThat(closing.closes).hasValue(1);
        assertThat(loop.isFinished()).isTrue();
    }

    @Test
    void anInterruptedRunOnceReturns130AsCtrlCDoes() {
        loop = onceWith(Step.of("interrupted", () -> {
            throw new InterruptedException();
        }), logging("after"));

        assertThat(loop.runOnce()).isEqualTo(130);
        assertThat(log).isEmpty();
    }

    @Test
    void aLoopRunsOnlyOnce() {
        loop = onceWith(logging("step"));
        loop.runOnce();

        assertThatThrownBy(loop::runOnce).isInstanceOf(IllegalStateException.class);
        assertThat(log).containsExactly("step");
    }

    @Test
    void runRunsTheStepsAtStartAndAgainAfterAChange() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        ClosingStep closing = new ClosingStep();
        startLoop(pollingEvery(Duration.ofMillis(5)), closing);
        await().atMost(DEADLINE).until(() -> reporter.runs.size() == 1);

        save(lib, "x = 42\n");
        await().atMost(DEADLINE).until(() -> reporter.runs.size() >= 2);

        assertThat(loop.stopAndAwait(DEADLINE)).isTrue();
        assertThat(closing.seen).hasSize(2);
        assertThat(closing.seen.get(0)).isEqualTo(ChangeSet.initial());
        assertThat(closing.seen.get(1).changes()).containsExactly(new FileChange(lib, FileChange.Kind.MODIFY));
        assertThat(closing.closes).hasValue(1);
    }

    @Test
    void aStepThatThrowsDoesNotStopTheLoop() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        AtomicInteger calls = new AtomicInteger();
        Step failsFirst = Step.of("fails first", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError();
            }
        });
        startLoop(pollingEvery(Duration.ofMillis(5)), failsFirst, logging("next"));
        await().atMost(DEADLINE).until(() -> reporter.runs.size() == 1);

        save(lib, "x = 42\n");
        await().atMost(DEADLINE).until(() -> reporter.runs.size() >= 2);

        assertThat(loop.stopAndAwait(DEADLINE)).isTrue();
        assertThat(reporter.failures).singleElement()
                .satisfies(failure -> assertThat(failure.error()).isInstanceOf(StackOverflowError.class));
        assertThat(reporter.runs).extracting(run -> run.outcome().kind())
                .containsExactly(Outcome.Kind.FAILED, Outcome.Kind.OK);
        assertThat(log).containsExactly("next", "next");
    }

    @Test
    void aCompileErrorWhoseSaveEndsMomentsLaterIsOneRunOfTheWholeSave() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n# end\n");
        CountDownLatch halfSeen = new CountDownLatch(1);
        Step compiler = changes -> {
            if (Files.readString(lib).contains("# end")) {
                log.add(Files.readString(lib));
                return Outcome.ok();
            }
            halfSeen.countDown();
            return Outcome.invalid("compile error", "lib.py:1: error: no end");
        };
        startLoop(pollingEvery(Duration.ofMillis(5)), compiler);
        await().atMost(DEADLINE).until(() -> reporter.runs.size() == 1);

        save(lib, "x = 4\n");
        assertThat(halfSeen.await(DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
        save(lib, "x = 4\n# end\n");
        await().atMost(DEADLINE).until(() -> reporter.runs.size() >= 2);

        assertThat(reporter.runs).extracting(RecordingReporter.Run::outcome).containsExactly(Outcome.ok(), Outcome.ok());
        assertThat(log).containsExactly("x = 3\n# end\n", "x = 4\n# end\n");
    }

    @Test
    void aCompileErrorIsReportedWithItsDiagnosticsWhenNothingMoreIsSaved() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 3\n");
        AtomicInteger calls = new AtomicInteger();
        Outcome broken = Outcome.invalid("compile error", "lib.py:1: error: broken");
        startLoop(pollingEvery(Duration.ofMillis(5)), changes -> calls.incrementAndGet() == 1 ? Outcome.ok() : broken);
        await().atMost(DEADLINE).until(() -> reporter.runs.size() == 1);

        save(lib, "x = (\n");
        await().atMost(DEADLINE).until(() -> reporter.runs.size() >= 2);

        assertThat(reporter.runs.get(1).outcome()).isEqualTo(broken);
        assertThat(reporter.runs.get(1).changes().changes()).containsExactly(new FileChange(lib, FileChange.Kind.MODIFY));
    }

    @Test
    void stopEndsAWaitingLoopPromptly() throws Exception {
        ClosingStep closing = new ClosingStep();
        // Scans an hour apart: only stop() can end this wait within the test's deadline.
        startLoop(pollingEvery(Duration.ofHours(1)), closing);
        await().atMost(DEADLINE)
                .until(() -> reporter.runs.size() == 1 && runner.getState() == Thread.State.TIMED_WAITING);

        loop.stop();

        runner.join(DEADLINE.toMillis());
        assertThat(runner.isAlive()).isFalse();
        assertThat(loop.isFinished()).isTrue();
        assertThat(closing.seen).containsExactly(ChangeSet.initial());
        assertThat(closing.closes).hasValue(1);
    }

    @Test
    void stopAndAwaitInterruptsAStuckStep() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Step stuck = Step.of("stuck", () -> {
            entered.countDown();
            release.await();
        });
        ClosingStep closing = new ClosingStep();
        startLoop(pollingEvery(Duration.ofHours(1)), stuck, closing);
        entered.await();

        assertThat(loop.stopAndAwait(Duration.ofSeconds(1))).isTrue();
        assertThat(loop.isFinished()).isTrue();
        assertThat(closing.seen).isEmpty();
        assertThat(closing.closes).hasValue(1);
    }

    @Test
    void stopAndAwaitClosesTheStepsItselfWhenAStepNeverEnds() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger swallowed = new AtomicInteger();
        Step stubborn = Step.of("stubborn", () -> {
            entered.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    swallowed.incrementAndGet();
                }
            }
        });
        ClosingStep closing = new ClosingStep();
        startLoop(pollingEvery(Duration.ofHours(1)), stubborn, closing);
        entered.await();

        assertThat(loop.stopAndAwait(Duration.ofMillis(200))).isFalse();
        assertThat(closing.closes).hasValue(1);
        await().atMost(DEADLINE).until(() -> swallowed.get() >= 1);

        release.countDown();
        runner.join(DEADLINE.toMillis());
        assertThat(runner.isAlive()).isFalse();
        assertThat(closing.closes).as("closed again when the loop finally ended").hasValue(1);
    }

    @Test
    void anInterruptedExceptionFromAStepEndsTheLoop() throws Exception {
        ClosingStep closing = new ClosingStep();
        Step interrupted = Step.of("interrupted", () -> {
            throw new InterruptedException();
        });
        startLoop(pollingEvery(Duration.ofMillis(5)), closing, interrupted, logging("after"));

        runner.join(DEADLINE.toMillis());

        assertThat(runner.isAlive()).isFalse();
        assertThat(loop.isFinished()).isTrue();
        assertThat(log).isEmpty();
        assertThat(reporter.failures).isEmpty();
        assertThat(closing.closes).hasValue(1);
    }

    private ReloadLoop onceWith(Step... steps) {
        return ReloadLoop.builder().steps(List.of(steps)).reporter(reporter).build();
    }

    private PollingFileWatcher pollingEvery(Duration interval) {
        return new PollingFileWatcher(WatchSet.ofTree(dir, List.of(".py")), interval);
    }

    private void startLoop(PollingFileWatcher watcher, Step... steps) {
        loop = ReloadLoop.builder().watcher(watcher).steps(List.of(steps)).reporter(reporter).build();
        runner = new Thread(loop::run, "reload loop");
        runner.setDaemon(true);
        runner.start();
    }

    /** Saves in one atomic step: these tests are about the loop, the watcher's tests cover saves in several. */
    private static void save(Path file, String content) throws IOException {
        Path temporary = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Step logging(String name) {
        return Step.of(name, () -> log.add(name));
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** Records what it was run with, and how often it was closed. */
    private static final class ClosingStep implements Step, AutoCloseable {
        final List<ChangeSet> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public Outcome run(ChangeSet changes) {
            seen.add(changes);
            return Outcome.ok();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
