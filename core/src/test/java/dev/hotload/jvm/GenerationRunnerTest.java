package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.Hotload;
import dev.hotload.loop.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One generation's entry at a time: awaited briefly, or to its end with --once; replaced after its hooks. */
class GenerationRunnerTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void aLongRunIsLeftInTheBackgroundThenInterruptedByTheNextGeneration() throws Exception {
        try (GenerationRunner runner = runner(false)) {
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
            assertThat(err()).isEqualTo("hotload: lib is still running after 500 ms; it goes on in the background"
                    + " until the next save\n");
        }
    }

    @Test
    void anEntryThatIgnoresItsInterruptIsStoppedWhenReplaced() throws Exception {
        AtomicReference<Thread> spinner = new AtomicReference<>();
        try (GenerationRunner runner = runner(false)) {
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
            assertThat(spinner.get().isAlive()).isFalse();
            assertThat(err()).endsWith("hotload: the previous lib did not end within 2000 ms of an interrupt; stopped it\n");
        }
    }

    @Test
    void reusedRunsShareOneThreadUntilARunWillNotEnd() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (GenerationRunner runner = new GenerationRunner("lib", false, TracePrinter.JVM,
                new PrintStream(err, true, StandardCharsets.UTF_8), GenerationRunner.Threads.REUSED)) {
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
        try (GenerationRunner runner = runner(true)) {
            Outcome outcome = runner.replaceWith(loader(), () -> {
                Thread.sleep(GenerationRunner.RUNNING_WINDOW.toMillis() + 300);
                ExitRequest.systemExit(3);
                return Outcome.ok();
            });

            assertThat(outcome).isEqualTo(Outcome.exited(3));
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void anExceptionIsPrintedByTheLanguagesPrinterAndEndsTheRun() throws Exception {
        try (GenerationRunner runner = new GenerationRunner("lib", false, (error, out) -> out.println("printed " + error.getMessage()),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            Outcome outcome = runner.replaceWith(loader(), () -> {
                throw new IllegalStateException("boom");
            });

            assertThat(outcome).isEqualTo(Outcome.failed("IllegalStateException"));
            assertThat(err()).isEqualTo("printed boom\n");
        }
    }

    private GenerationRunner runner(boolean once) {
        return new GenerationRunner("lib", once, TracePrinter.JVM, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A loader of its own per generation, as a reloader makes. */
    private static ClassLoader loader() {
        return new ClassLoader(GenerationRunnerTest.class.getClassLoader()) { };
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
