package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.loop.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a run does to {@code System.out} and {@code System.err}, hotload's own lines are heard, and the next
 * run prints again.
 */
class StandardStreamsTest {

    private static final RunWaits SHORT = new RunWaits(Duration.ofMillis(2_000), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofMillis(50));

    private final PrintStream systemOut = System.out;
    private final PrintStream systemErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StandardStreams streams = StandardStreams.owning(out, err);

    @AfterEach
    void restoreSystemStreams() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void closingTheProgramsStreamsClosesNeitherHotloadsNorTheNextRuns() {
        streams.renew();
        System.out.println("first run");
        System.out.close();
        System.err.close();
        System.out.println("after close: lost, as in any program");
        streams.err().println("hotload: its own line");

        streams.renew();
        System.out.println("next run");
        System.err.println("next run's error");

        assertThat(out()).isEqualTo("first run\nnext run\n");
        assertThat(err()).isEqualTo("hotload: its own line\nnext run's error\n");
    }

    @Test
    void streamsTheHostOwnsAreNotReplaced() {
        PrintStream hosts = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(hosts);

        StandardStreams.current().renew();

        assertThat(System.out).isSameAs(hosts);
    }

    @Test
    void aRunThatSetsItsStreamsToNullEndsAndTheNextRunPrints() throws Exception {
        try (EntryRunner runner = EntryRunner.builder("main").streams(streams).waits(SHORT).build()) {
            Outcome broken = runner.replaceWith(loader(), () -> {
                System.setOut(null);
                System.setErr(null);
                return Outcome.ok();
            });
            Outcome next = runner.replaceWith(loader(), () -> {
                System.out.println("Result: 1");
                return Outcome.ok();
            });

            assertThat(broken).isEqualTo(Outcome.ok());
            assertThat(next).isEqualTo(Outcome.ok());
            // Renewed once the run ended too: a compiler that prints to System.err between runs finds it working.
            assertThat(System.err).isNotNull();
            assertThat(out()).isEqualTo("Result: 1\n");
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void aRunThatClosesItsStreamsAndThrowsIsToldOnHotloadsOwn() throws Exception {
        try (EntryRunner runner = EntryRunner.builder("main").streams(streams).waits(SHORT).build()) {
            Outcome failed = runner.replaceWith(loader(), () -> {
                System.err.close();
                throw new IllegalStateException("after closing System.err");
            });

            assertThat(failed).isEqualTo(Outcome.failed("IllegalStateException"));
            assertThat(err()).startsWith("Exception in thread \"main\" java.lang.IllegalStateException: after closing System.err\n");
        }
    }

    @Test
    void aRunStoppedInTheMiddleOfALineLeavesTheNextRunsOutputOnALineOfItsOwn() throws Exception {
        try (EntryRunner runner = EntryRunner.builder("main").streams(streams).waits(SHORT).build()) {
            runner.replaceWith(loader(), () -> {
                System.out.print("tick 1");
                System.out.flush();
                Thread.sleep(60_000);
                return Outcome.ok();
            });
            runner.replaceWith(loader(), () -> {
                System.out.println("Result: 1");
                return Outcome.ok();
            });

            assertThat(out()).isEqualTo("tick 1\nResult: 1\n");
        }
    }

    @Test
    void aRunThatEndedItsLinesGetsNoEmptyLine() throws Exception {
        try (EntryRunner runner = EntryRunner.builder("main").streams(streams).waits(SHORT).build()) {
            runner.replaceWith(loader(), () -> {
                System.out.println("tick 1");
                Thread.sleep(60_000);
                return Outcome.ok();
            });
            runner.replaceWith(loader(), () -> {
                System.out.println("Result: 1");
                return Outcome.ok();
            });

            assertThat(out()).isEqualTo("tick 1\nResult: 1\n");
        }
    }

    private static ClassLoader loader() {
        return new ClassLoader(StandardStreamsTest.class.getClassLoader()) { };
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void divertedOutputGoesElsewhereUntilUndivertedHotloadsLinesToo() {
        ByteArrayOutputStream above = new ByteArrayOutputStream();
        streams.renew();
        streams.divert(above, above);
        System.out.println("program");
        streams.err().println("hotload: note");
        streams.undivert();
        System.out.println("after");

        assertThat(above.toString(StandardCharsets.UTF_8)).isEqualTo("program\nhotload: note\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("after\n");
    }

    @Test
    void aRoutedThreadAndTheThreadsItStartsWriteToTheRouteWhileItIsOpen() throws Exception {
        ByteArrayOutputStream routed = new ByteArrayOutputStream();
        boolean[] open = {true};
        StandardStreams.Route route = new StandardStreams.Route() {
            @Override
            public java.io.OutputStream stream(boolean output) {
                return routed;
            }

            @Override
            public boolean isOpen() {
                return open[0];
            }
        };
        streams.renew();
        PrintStream program = System.out;
        Thread[] started = new Thread[1];
        streams.routing(route, () -> {
            program.println("typed");
            started[0] = new Thread(() -> program.println("its thread"));
            started[0].start();
        });
        started[0].join();
        program.println("the program's");
        open[0] = false;
        Thread late = new Thread(() -> streams.routing(route, () -> program.println("detached")));
        late.start();
        late.join();

        assertThat(routed.toString(StandardCharsets.UTF_8)).isEqualTo("typed\nits thread\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("the program's\ndetached\n");
    }
}
