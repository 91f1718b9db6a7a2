package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.Hotload;
import dev.hotload.loop.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One entry's run at a time: awaited briefly, or to its end with --once; replaced after its hooks. */
class EntryRunnerTest {

    /** Today's waits, a few dozen times shorter: the runner's behaviour, not its patience, is under test. */
    private static final RunWaits SHORT = new RunWaits(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(100));

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void aLongRunIsLeftInTheBackgroundThenInterruptedByTheNextGeneration() throws Exception {
        try (EntryRunner runner = runner(false)) {
            Outcome first = runner.replaceWith(loader(), () -> {
                Hotload.onUnload(() -> events.add("unloaded first"));
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    events.add("first interrupted");
                }
                return Outcome.ok();
            });
            Outcome second = runner.replaceWith(loader(), () -> {
                events.add("second ran");
                return Outcome.ok();
            });

            assertThat(first).isEqualTo(Outcome.ok());
            assertThat(second).isEqualTo(Outcome.ok());
            assertThat(events).containsExactly("unloaded first", "first interrupted", "second ran");
            assertThat(err()).isEqualTo("hotload: lib is still running after 20 ms; it goes on in the background"
                    + " until the next save (said once)\n");
        }
    }

    @Test
    void onlyTheFirstRunThatGoesOnInTheBackgroundIsToldOf() throws Exception {
        try (EntryRunner runner = runner(false)) {
            for (int run = 0; run < 3; run++) {
                // An input prompt's wait, say: each save's run goes on until the next save interrupts it.
                runner.replaceWith(loader(), () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        events.add("interrupted");
                    }
                    return Outcome.ok();
                });
            }
            assertThat(err().lines()).containsExactly("hotload: lib is still running after 20 ms; it goes on in the"
                    + " background until the next save (said once)");
        }
    }

    @Test
    void anEntryThatIgnoresItsInterruptIsStoppedWhenReplaced() throws Exception {
        AtomicReference<Thread> spinner = new AtomicReference<>();
        try (EntryRunner runner = runner(false)) {
            runner.replaceWith(loader(), () -> {
                spinner.set(Thread.currentThread());
                while (true) {
                    Thread.onSpinWait();
                }
            });
            Outcome second = runner.replaceWith(loader(), () -> {
                events.add("second ran");
                return Outcome.ok();
            });

            assertThat(second).isEqualTo(Outcome.ok());
            assertThat(events).containsExactly("second ran");
            // Its end was counted down in its last lines: the thread itself is gone moments later.
            spinner.get().join(5_000);
            assertThat(spinner.get().isAlive()).isFalse();
            assertThat(err()).endsWith("hotload: the previous lib did not end within 100 ms of an interrupt; stopped it\n");
        }
    }

    @Test
    void reusedRunsShareOneThreadUntilARunWillNotEnd() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (EntryRunner runner = builder(false).threads(EntryRunner.Threads.REUSED).build()) {
            for (int i = 0; i < 2; i++) {
                runner.replaceWith(loader(), () -> {
                    threads.add(Thread.currentThread());
                    return Outcome.ok();
                });
            }
            runner.replaceWith(loader(), () -> {
                threads.add(Thread.currentThread());
                while (true) {
                    Thread.onSpinWait();
                }
            });
            runner.replaceWith(loader(), () -> {
                threads.add(Thread.currentThread());
                return Outcome.ok();
            });
        }
        assertThat(threads).hasSize(4);
        assertThat(threads.get(1)).isSameAs(threads.get(0));
        assertThat(threads.get(2)).isSameAs(threads.get(0));
        assertThat(threads.get(3)).isNotSameAs(threads.get(0));
        assertThat(threads.get(0).getName()).isEqualTo("main");
    }

    @Test
    void withOnceTheRunIsAwaitedToItsEndHoweverLong() throws Exception {
        try (EntryRunner runner = runner(true)) {
            Outcome outcome = runner.replaceWith(loader(), () -> {
                Thread.sleep(SHORT.running().toMillis() * 3);
                ExitRequest.systemExit(3);
                return Outcome.ok();
            });

            assertThat(outcome).isEqualTo(Outcome.exited(3));
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void anExceptionIsPrintedByTheLanguagesPrinterAndEndsTheRun() throws Exception {
        try (EntryRunner runner = builder(false)
                .tracePrinter((error, out) -> out.println("printed " + error.getMessage())).build()) {
            Outcome outcome = runner.replaceWith(loader(), () -> {
                throw new IllegalStateException("boom");
            });

            assertThat(outcome).isEqualTo(Outcome.failed("IllegalStateException"));
            assertThat(err()).isEqualTo("printed boom\n");
        }
    }

    @Test
    void anUnloadHookThatNeverReturnsIsNamedAndTheNextRunStartsAfterItsBound() throws Exception {
        try (EntryRunner runner = runner(true)) {
            runner.replaceWith(loader(), () -> {
                Hotload.onUnload(() -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                });
                return Outcome.ok();
            });
            Outcome second = runner.replaceWith(loader(), () -> {
                events.add("second ran");
                return Outcome.ok();
            });

            assertThat(second).isEqualTo(Outcome.ok());
            assertThat(events).containsExactly("second ran");
            assertThat(err()).matches("hotload: the onUnload hook registered at .+ did not finish within 100 ms;"
                    + " going on without it\n");
        }
    }

    @Test
    void aFailingUnloadHookIsReportedAndTheOthersStillRun() throws Exception {
        try (EntryRunner runner = runner(true)) {
            runner.replaceWith(loader(), () -> {
                Hotload.onUnload(() -> events.add("first hook"));
                Hotload.onUnload(() -> {
                    throw new IllegalStateException("socket already closed");
                });
                return Outcome.ok();
            });
            runner.replaceWith(loader(), Outcome::ok);

            assertThat(events).containsExactly("first hook");
            assertThat(err()).startsWith("hotload: an onUnload hook failed: java.lang.IllegalStateException:"
                    + " socket already closed\n");
        }
    }

    @Test
    void runsTheirThreadsAndUnloadHooksAreThePrograms() throws Exception {
        List<Boolean> program = new CopyOnWriteArrayList<>();
        try (EntryRunner runner = runner(true)) {
            runner.replaceWith(loader(), () -> {
                program.add(ProgramThreads.isCurrentProgram());
                Hotload.onUnload(() -> program.add(ProgramThreads.isCurrentProgram()));
                Thread started = new Thread(() -> program.add(ProgramThreads.isCurrentProgram()));
                started.start();
                started.join();
                return Outcome.ok();
            });
        }

        assertThat(program).containsExactly(true, true, true);
        assertThat(ProgramThreads.isCurrentProgram()).isFalse();
    }

    @Test
    void anExitCalledThroughReflectionEndsTheRunWithItsStatus() throws Exception {
        try (EntryRunner runner = runner(true)) {
            Outcome outcome = runner.replaceWith(loader(), () -> {
                throw new java.lang.reflect.InvocationTargetException(ExitRequest.of("Runtime.exit", 7));
            });

            assertThat(outcome).isEqualTo(Outcome.exited(7));
            assertThat(err()).isEmpty();
        }
    }

    private EntryRunner runner(boolean once) {
        return builder(once).build();
    }

    private EntryRunner.Builder builder(boolean once) {
        return EntryRunner.builder("lib").once(once).err(new PrintStream(err, true, StandardCharsets.UTF_8)).waits(SHORT);
    }

    /** A loader of its own per generation, as a reloader makes. */
    private static ClassLoader loader() {
        return new ClassLoader(EntryRunnerTest.class.getClassLoader()) { };
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
