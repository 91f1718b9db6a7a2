package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.TestReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestRunsTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final TestRuns runs = new TestRuns("test run", EntryRunner.Threads.FRESH, TracePrinter.JVM, err,
            Duration.ofMillis(100));
    private final ClassLoader code = getClass().getClassLoader();

    @AfterEach
    void close() {
        runs.close();
    }

    @Test
    void aRunSumsUpItsTestsAndATestThatFailedThenPassesIsToldFixed() throws Exception {
        Outcome failed = runs.run(code, () -> new TestReport(List.of("A.one"),
                List.of(new TestReport.Failure("A.two", new AssertionError("no")))), failure -> "FAILED " + failure.test());
        assertThat(failed.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(failed.detail()).isEqualTo("2 tests, 1 failed");
        assertThat(failed.isTestsFailure()).isTrue();

        Outcome passed = runs.run(code, () -> new TestReport(List.of("A.one", "A.two"), List.of()), failure -> "");
        assertThat(passed.isOk()).isTrue();
        assertThat(passed.update()).isEqualTo("2 tests passed");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo("FAILED A.two\nfixed: A.two\n");
    }

    @Test
    void aSingleRunIsAwaitedToItsEndHoweverLongItTakes() throws Exception {
        TestRuns once = runs.once();
        try {
            Outcome verdict = once.run(code, () -> {
                Thread.sleep(400); // four times the wait
                return new TestReport(List.of(), List.of(new TestReport.Failure("Slow.test", new AssertionError("late"))));
            }, failure -> "FAILED " + failure.test());

            assertThat(verdict.isTestsFailure()).isTrue();
            assertThat(verdict.detail()).isEqualTo("1 test, 1 failed");
        } finally {
            once.close();
        }
    }

    @Test
    void aRunThatOutlastsTheWaitGoesOnAndTellsItsVerdictWhenItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Outcome meanwhile = runs.run(code, () -> {
            release.await(10, TimeUnit.SECONDS);
            return new TestReport(List.of(), List.of(new TestReport.Failure("Slow.test", new AssertionError("late"))));
        }, failure -> "FAILED " + failure.test());
        assertThat(meanwhile.isOk()).isTrue();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).doesNotContain("FAILED");

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("FAILED Slow.test\nhotload: the test run ended: 1 test, 1 failed"));
    }
}
