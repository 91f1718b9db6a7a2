package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotload.watch.ChangeSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop on a {@link ScriptedFileWatcher}: each poll is answered from the test's script, no file is written. */
class ReloadLoopTest {

    /** Generous, and still well under the loop's 10 s wait slice: ending in time proves it did not wait that out. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    /** Not the 50 ms a real watcher says: the loop must wait what its watcher says. */
    private static final Duration REST_OF_WRITE = Duration.ofMillis(7);

    private final ScriptedFileWatcher watcher = new ScriptedFileWatcher(REST_OF_WRITE);
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
    void aStepAfterSuccessRunsOnlyWhenEveryStepBeforeItSucceeded() {
        for (Outcome program : List.of(Outcome.ok(), Outcome.exited(0), Outcome.failed("NameError"),
                Outcome.invalid("compile error", "lib.java:1: error"), Outcome.exited(3))) {
            log.clear();
            loop = ReloadLoop.builder().reporter(reporter)
                    .step(logging("clear"))
                    .step(changes -> program)
                    .stepAfterSuccess(logging("first command"))
                    .stepAfterSuccess(changes -> {
                        log.add("second command");
                        return Outcome.exited(2).from("command 'make test'");
                    })
                    .stepAfterSuccess(logging("third command"))
                    .step(logging("always"))
                    .build();

            int status = loop.runOnce();

            if (program.isSuccess()) {
                assertThat(log).as("after %s", program)
                        .containsExactly("clear", "first command", "second command", "always");
                assertThat(status).isEqualTo(2);
            } else {
                assertThat(log).as("after %s", program).containsExactly("clear", "always");
                assertThat(status).isEqualTo(program.exitStatus());
            }
        }
    }

    @Test
    void aRunThatFailsWhileTheLoopStopsIsNotReportedAsAFailure() {
        // Ctrl-C in a terminal reaches a command as it reaches hotload: the command's end is the stop's doing.
        loop = ReloadLoop.builder().reporter(reporter).step(changes -> {
            loop.stop();
            return Outcome.exited(130).from("command 'make test'");
        }).build();

        assertThat(loop.runOnce()).isEqualTo(130);
        assertThat(reporter.runs).isEmpty();
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
        ChangeSet save = ScriptedFileWatcher.modified("lib.py");
        watcher.then(save);
        ClosingStep closing = new ClosingStep();
        startLoop(closing);
        awaitIdleAfterRuns(2);

        assertThat(loop.stopAndAwait(DEADLINE)).isTrue();
        assertThat(closing.seen).containsExactly(ChangeSet.initial(), save);
        assertThat(closing.closes).hasValue(1);
        assertThat(watcher.isClosed()).as("the loop closes its watcher").isTrue();
    }

    @Test
    void aStepThatThrowsDoesNotStopTheLoop() throws Exception {
        watcher.then(ScriptedFileWatcher.modified("lib.py"));
        AtomicInteger calls = new AtomicInteger();
        Step failsFirst = Step.of("fails first", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError();
            }
        });
        startLoop(failsFirst, logging("next"));
        awaitIdleAfterRuns(2);

        assertThat(loop.stopAndAwait(DEADLINE)).isTrue();
        assertThat(reporter.failures).singleElement()
                .satisfies(failure -> assertThat(failure.error()).isInstanceOf(StackOverflowError.class));
        assertThat(reporter.runs).extracting(run -> run.outcome().kind())
                .containsExactly(Outcome.Kind.FAILED, Outcome.Kind.OK);
        assertThat(log).containsExactly("next", "next");
    }

    @Test
    void aCompileErrorWhoseSaveEndsMomentsLaterIsOneRunOfTheWholeSave() throws Exception {
        // A new file written in three writes; the first two do not compile.
        watcher.then(ScriptedFileWatcher.created("lib.py"))
                .then(ScriptedFileWatcher.modified("lib.py"))
                .then(ScriptedFileWatcher.modified("lib.py"));
        AtomicInteger calls = new AtomicInteger();
        Step compiler = changes -> switch (calls.incrementAndGet()) {
            case 2, 3 -> Outcome.invalid("compile error", "lib.py:1: error: no end");
            default -> Outcome.ok();
        };
        startLoop(compiler);
        awaitIdleAfterRuns(2);

        assertThat(calls).hasValue(4);
        assertThat(reporter.runs).containsExactly(new RecordingReporter.Run(ChangeSet.initial(), Outcome.ok()),
                new RecordingReporter.Run(ScriptedFileWatcher.created("lib.py"), Outcome.ok()));
        // The waits for the rest of the write are the watcher's, not the loop's own.
        assertThat(watcher.timeouts.subList(1, 3)).containsOnly(REST_OF_WRITE);
        assertThat(watcher.timeouts.get(0)).isNotEqualTo(REST_OF_WRITE);
    }

    @Test
    void aCompileErrorIsReportedWithItsDiagnosticsWhenNothingMoreIsSaved() throws Exception {
        ChangeSet save = ScriptedFileWatcher.modified("lib.py");
        watcher.then(save).then(ChangeSet.none());
        AtomicInteger calls = new AtomicInteger();
        Outcome broken = Outcome.invalid("compile error", "lib.py:1: error: broken");
        startLoop(changes -> calls.incrementAndGet() == 1 ? Outcome.ok() : broken);
        awaitIdleAfterRuns(2);

        assertThat(reporter.runs).element(1).isEqualTo(new RecordingReporter.Run(save, broken));
        assertThat(watcher.timeouts.get(1)).isEqualTo(REST_OF_WRITE);
        assertThat(calls).hasValue(2);
    }

    @Test
    void stopEndsAWaitingLoopPromptly() throws Exception {
        ClosingStep closing = new ClosingStep();
        // Nothing is ever saved: only stop() can end this wait.
        startLoop(closing);
        awaitIdleAfterRuns(1);

        loop.stop();

        runner.join(DEADLINE.toMillis());
        assertThat(runner.isAlive()).isFalse();
        assertThat(loop.isFinished()).isTrue();
        assertThat(closing.seen).containsExactly(ChangeSet.initial());
        assertThat(closing.closes).hasValue(1);
    }

    @Test
    void runAgainRunsAWaitingLoopsStepsWithNothingSavedAndTheWatcherGoesOn() throws Exception {
        ClosingStep closing = new ClosingStep();
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        startLoop(closing, Step.of("interrupt check", () -> interrupted.add(Thread.currentThread().isInterrupted())));
        awaitIdleAfterRuns(1);

        loop.runAgain();
        awaitIdleAfterRuns(2);
        ChangeSet save = ScriptedFileWatcher.modified("lib.py");
        watcher.then(save);
        awaitIdleAfterRuns(3);

        assertThat(closing.seen).containsExactly(ChangeSet.initial(), ChangeSet.requestedRun(), save);
        assertThat(interrupted).as("the wake-up is not the steps' interrupt").containsOnly(false);
        assertThat(reporter.runs).extracting(RecordingReporter.Run::changes)
                .containsExactly(ChangeSet.initial(), ChangeSet.requestedRun(), save);
        assertThat(loop.isFinished()).isFalse();
    }

    @Test
    void aSavesTimeCountsFromWhenTheWatcherNoticedItAsTheUserWaitsFromThen() throws Exception {
        Duration beforeTheRun = Duration.ofSeconds(30);
        watcher.then(ScriptedFileWatcher.modified("lib.py").noticedAt(System.nanoTime() - beforeTheRun.toNanos()));
        startLoop(logging("step"));
        awaitIdleAfterRuns(2);

        assertThat(reporter.took.get(1)).isGreaterThanOrEqualTo(beforeTheRun);
        assertThat(reporter.took.get(0)).as("the first run: its own time").isLessThan(beforeTheRun);
    }

    @Test
    void requestsDuringARunAreAnsweredByOneRunAfterIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ClosingStep closing = new ClosingStep();
        startLoop(Step.of("first run waits", () -> {
            if (runs.incrementAndGet() == 1) {
                entered.countDown();
                proceed.await();
            }
        }), closing);
        entered.await();

        loop.runAgain();
        loop.runAgain();
        proceed.countDown();
        awaitIdleAfterRuns(2);

        assertThat(closing.seen).containsExactly(ChangeSet.initial(), ChangeSet.requestedRun());
    }

    @Test
    void stopAndAwaitInterruptsAStuckStep() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Step stuck = Step.of("stuck", () -> {
            entered.countDown();
            release.await();
        });
        ClosingStep closing = new ClosingStep();
        startLoop(stuck, closing);
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
        startLoop(stubborn, closing);
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
        startLoop(closing, interrupted, logging("after"));

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

    private void startLoop(Step... steps) {
        loop = ReloadLoop.builder().watcher(watcher).steps(List.of(steps)).reporter(reporter).build();
        runner = new Thread(loop::run, "reload loop");
        runner.setDaemon(true);
        runner.start();
    }

    /** Waits until the loop reported {@code runs} runs and waits for a save that the script does not have. */
    private void awaitIdleAfterRuns(int runs) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(2))
                .until(() -> reporter.runs.size() == runs && watcher.isWaiting());
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
