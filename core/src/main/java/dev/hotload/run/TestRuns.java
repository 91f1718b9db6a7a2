package dev.hotload.run;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.TestReport;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Tests on save, whatever the language: each run of tests is a program's run ({@link EntryRunner}: a thread of the
 * program's, its exits refused, the last run stopped when the next starts), and what it found is told the same
 * way: each failure, each test that failed when it last ran and passes now ({@code fixed: CalcTest.adds}), and the
 * summary as the run's outcome, for the status line: {@code 3 tests passed}, or {@code 6 tests, 2 failed}.
 *
 * <p>A run still going after {@link #AWAITED} (a test class that hangs in its initialiser, where no test's time
 * limit reaches; a long first run) goes on in the background, and tells its verdict itself when it ends, unless the
 * next save has stopped it: the loop takes the next save meanwhile.
 */
public final class TestRuns {

    /** How many tests a run names before it counts the rest. */
    private static final int NAMES_SHOWN = 4;
    /**
     * How long the loop waits for a run's verdict, and takes no save meanwhile: a save while a slow test runs waits
     * this long at most. A test's own time limit (JUnit's) is as long: a run with one hung test is still told here.
     */
    static final Duration AWAITED = Duration.ofSeconds(10);

    private final EntryRunner runner;
    private final PrintStream err;
    private final String label;
    private final EntryRunner.Threads threads;
    private final TracePrinter tracePrinter;
    private final Duration awaited;
    /** Set when the last run is replaced by the next. */
    private AtomicBoolean lastReplaced = new AtomicBoolean();
    /** The tests that failed when they last ran. */
    private final Set<String> failing = new LinkedHashSet<>();

    /**
     * @param label the runs' name in messages, e.g. {@code test run}
     * @param threads how the runs get their threads (Jython's reuses one)
     * @param err where failures, fixes and late verdicts are told
     */
    public TestRuns(String label, EntryRunner.Threads threads, TracePrinter tracePrinter, PrintStream err) {
        this(label, threads, tracePrinter, err, AWAITED, false);
    }

    /** @return these runs, each awaited to its end: a single run ({@code --once}), whose verdict is the exit status */
    public TestRuns once() {
        return new TestRuns(label, threads, tracePrinter, err, awaited, true);
    }

    /** @param awaited how long a run is awaited before it goes on in the background: for tests */
    TestRuns(String label, EntryRunner.Threads threads, TracePrinter tracePrinter, PrintStream err, Duration awaited) {
        this(label, threads, tracePrinter, err, awaited, false);
    }

    private TestRuns(String label, EntryRunner.Threads threads, TracePrinter tracePrinter, PrintStream err,
            Duration awaited, boolean once) {
        this.runner = EntryRunner.builder(label).threads(threads).tracePrinter(tracePrinter).err(err).once(once)
                .waits(new RunWaits(awaited, RunWaits.DEFAULT.stop(), RunWaits.DEFAULT.kill(), RunWaits.DEFAULT.close()))
                .build();
        this.err = err;
        this.label = label;
        this.threads = threads;
        this.tracePrinter = tracePrinter;
        this.awaited = awaited;
    }

    /**
     * Runs {@code tests} as the program's next run, in place of the last.
     *
     * @param code the class loader of the code under test (a new generation; for Jython, its runtime's)
     * @param describe a failure as the language tells it: its name, what went wrong, where in the program's code
     * @return the summary of the run; ok, if it goes on in the background (it tells its verdict when it ends)
     */
    public Outcome run(ClassLoader code, Callable<TestReport> tests, Function<TestReport.Failure, String> describe)
            throws InterruptedException {
        AtomicReference<TestReport> report = new AtomicReference<>();
        AtomicBoolean background = new AtomicBoolean();
        AtomicBoolean replaced = new AtomicBoolean();
        synchronized (this) {
            // A run in the background that this one stops may still end with a verdict (its stopped test's
            // failure): no longer the code's, it is not told.
            lastReplaced.set(true);
            lastReplaced = replaced;
        }
        Outcome ran = runner.replaceWith(code, () -> {
            TestReport found = tests.call();
            synchronized (this) {
                report.set(found);
                if (background.get() && !replaced.get()) {
                    Outcome late = tell(found, describe);
                    err.println("hotload: the test run ended: " + (late.isOk() ? late.update() : late.detail()));
                }
            }
            return Outcome.ok();
        });
        synchronized (this) {
            if (report.get() == null) {
                if (!ran.isOk()) {
                    return ran; // it threw: the runner has told what
                }
                background.set(true);
                return ran.withUpdate("tests still running");
            }
            return tell(report.get(), describe);
        }
    }

    /**
     * @return whether a run for {@code changes} runs every test: the first run, a run asked for (Enter), and every
     *     run with {@code --test-all}; else only those the saves can affect
     */
    public static boolean runsAll(ChangeSet changes, boolean everyTest) {
        return everyTest || changes.firstRun() || changes.requested();
    }

    /**
     * Says which tests run now: {@code testing CalcTest, ParserTest}, {@code testing all 50 test classes},
     * {@code testing A, B, C, D and 7 more}.
     *
     * @param names the test classes (or modules), short
     * @param all whether they are all there are
     * @param kind what they are, in the plural: {@code test classes}
     */
    public void sayTesting(List<String> names, boolean all, String kind) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        err.println("hotload: testing " + (all && names.size() > 1 ? "all " + names.size() + " " + kind
                : names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown));
    }

    /** Runs {@code task} among the program's threads (see {@link EntryRunner#amongProgramThreads}). */
    public void amongProgramThreads(Runnable task) throws InterruptedException {
        runner.amongProgramThreads(task);
    }

    /** Stops a run that still goes on. */
    public void close() {
        runner.close();
    }

    private Outcome tell(TestReport report, Function<TestReport.Failure, String> describe) {
        for (TestReport.Failure failure : report.failed()) {
            err.println(describe.apply(failure));
        }
        for (String test : report.passed()) {
            if (failing.remove(test)) {
                err.println("fixed: " + PrintableName.of(test));
            }
        }
        report.failed().forEach(failure -> failing.add(failure.test()));
        int count = report.count();
        if (report.failed().isEmpty()) {
            return Outcome.ok().withUpdate(count == 0 ? "no tests ran" : count + (count == 1 ? " test" : " tests") + " passed");
        }
        return Outcome.testsFailed(count + (count == 1 ? " test, " : " tests, ") + report.failed().size() + " failed");
    }
}
