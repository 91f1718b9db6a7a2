package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotload.loop.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What becomes of the threads a run starts when it is replaced: stopped if they run its code, else named once. */
class EntryRunnerThreadsTest {

    /** Every run here returns at once, and is awaited to its end; a thread that will not end is given 200 ms. */
    private static final RunWaits SHORT = new RunWaits(Duration.ofSeconds(10), Duration.ofMillis(200),
            Duration.ofMillis(2000), Duration.ofMillis(50));

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aThreadRunningTheReplacedCodeThatEndsOnItsInterruptEndsSilently() throws Exception {
        AtomicReference<Thread> left = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), () -> {
                left.set(start("ticker", () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }));
                return Outcome.ok();
            });
            runner.replaceWith(program(), Outcome::ok);

            assertThat(left.get().isAlive()).isFalse();
            assertThat(interrupted).isTrue();
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void aThreadRunningTheReplacedCodeThatIgnoresItsInterruptIsStoppedAndNamed() throws Exception {
        AtomicReference<Thread> left = new AtomicReference<>();
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), () -> {
                left.set(start("spinner", () -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                }));
                return Outcome.ok();
            });
            runner.replaceWith(program(), Outcome::ok);

            assertThat(left.get().isAlive()).isFalse();
            assertThat(err()).isEqualTo(
                    "hotload: stopped 1 thread the previous run left running, which ignored the interrupt: spinner\n");
        }
    }

    @Test
    void aKeptPoolsIdleThreadRunsNoneOfTheProgramsCodeAndIsLeftRunningNamedOnce() throws Exception {
        ExecutorService[] pool = new ExecutorService[1];
        CountDownLatch ran = new CountDownLatch(1);
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), () -> {
                pool[0] = Executors.newSingleThreadExecutor(task -> new Thread(task, "kept-pool"));
                pool[0].execute(ran::countDown);
                return Outcome.ok();
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            runner.replaceWith(program(), Outcome::ok);
            runner.replaceWith(program(), Outcome::ok);

            assertThat(pool[0].submit(() -> "still serving").get(10, TimeUnit.SECONDS)).isEqualTo("still serving");
            assertThat(err()).isEqualTo("hotload: kept running what the previous run started outside the program's"
                    + " code (a kept pool or server): kept-pool\n");
        } finally {
            pool[0].shutdownNow();
        }
    }

    @Test
    void theJdksCommonPoolIsNeitherStoppedNorNamed() throws Exception {
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), () -> {
                long sum = java.util.stream.LongStream.range(0, 100_000).parallel().map(i -> i % 7).sum();
                return sum > 0 ? Outcome.ok() : Outcome.failed("no sum");
            });
            runner.replaceWith(program(), Outcome::ok);

            assertThat(err()).isEmpty();
        }
    }

    @Test
    void aRunWhoseLoaderSaysNothingOfItsCodeHasItsThreadsNamedOnceNeverStopped() throws Exception {
        AtomicReference<Thread> left = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        try (EntryRunner runner = runner()) {
            runner.replaceWith(new ClassLoader(getClass().getClassLoader()) { }, () -> {
                left.set(start("module-thread", () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new AssertionError("interrupted: a kept thread must be left alone");
                    }
                }));
                return Outcome.ok();
            });
            runner.replaceWith(new ClassLoader(getClass().getClassLoader()) { }, Outcome::ok);
            runner.replaceWith(new ClassLoader(getClass().getClassLoader()) { }, Outcome::ok);

            assertThat(left.get().isAlive()).isTrue();
            assertThat(err()).isEqualTo("hotload: threads started by earlier runs still run (a module's globals"
                    + " outlive a save, so hotload stops none): module-thread\n");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aThreadNamedToForgeALineIsNamedOnOneLine() throws Exception {
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), () -> {
                start("x\nhotload: forged", () -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                });
                return Outcome.ok();
            });
            runner.replaceWith(program(), Outcome::ok);

            assertThat(err()).isEqualTo("hotload: stopped 1 thread the previous run left running, which ignored the"
                    + " interrupt: x\\nhotload: forged\n");
        }
    }

    @Test
    void aProgramWhoseMainReturnedRunsOnWhileAThreadItStartedDoes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> server = new AtomicReference<>();
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), () -> {
                server.set(start("server", () -> awaitQuietly(release)));
                return Outcome.ok();
            });
            // Until it waits in awaitQuietly, as a server waits for its next request.
            await().atMost(Duration.ofSeconds(10)).until(() -> server.get().getState() == Thread.State.WAITING);

            assertThat(runner.isRunning()).isFalse();
            assertThat(runner.isProgramRunning()).isTrue();
            // The server's outermost frame of the program's: the lambda it was started with, which returns only
            // when the thread ends.
            assertThat(runner.stacks().roots()).containsOnlyKeys("server");
            assertThat(runner.stacks().roots().get("server").getMethodName())
                    .startsWith("lambda$aProgramWhoseMainReturnedRunsOnWhileAThreadItStartedDoes$");
            assertThat(runner.stacks().main()).isEmpty();
            release.countDown();
        }
    }

    @Test
    void aThreadAnEarlierRunLeftRunningDoesNotKeepTheProgramFromTheLastRunRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (EntryRunner runner = runner()) {
            runner.replaceWith(new ClassLoader(getClass().getClassLoader()) { }, () -> {
                start("kept-acceptor", () -> awaitQuietly(release));
                return Outcome.ok();
            });
            runner.replaceWith(program(), Outcome::ok);

            assertThat(err()).contains("kept-acceptor");
            assertThat(runner.isProgramRunning()).isFalse();
            assertThat(runner.stacks().roots()).isEmpty();
            release.countDown();
        }
    }

    @Test
    void aProgramWhoseMainReturnedAndLeftNoThreadHasEnded() throws Exception {
        try (EntryRunner runner = runner()) {
            runner.replaceWith(program(), Outcome::ok);

            assertThat(runner.isProgramRunning()).isFalse();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    /** A generation whose code is this test's: its lambdas are the program's. */
    private ClassLoader program() {
        return new ProgramLoader(getClass().getClassLoader());
    }

    private static final class ProgramLoader extends ClassLoader implements ProgramCode {
        ProgramLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public boolean isProgramClass(String className) {
            return className.startsWith(EntryRunnerThreadsTest.class.getName());
        }
    }

    private EntryRunner runner() {
        return EntryRunner.builder("lib").err(new PrintStream(err, true, StandardCharsets.UTF_8)).waits(SHORT).build();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
