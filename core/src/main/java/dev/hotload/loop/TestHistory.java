package dev.hotload.loop;

import dev.hotload.spi.TestReport;
import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What tests on save say after each run, whatever the language: each failure, each test that failed when it last
 * ran and passes now ({@code fixed: CalcTest.adds}), and the run's summary as its outcome, for the status line:
 * {@code 3 tests passed}, or {@code 6 tests, 2 failed} from {@code the tests}.
 */
public final class TestHistory {

    private final PrintStream err;
    /** The tests that failed when they last ran. */
    private final Set<String> failing = new LinkedHashSet<>();

    /** @param err where failures and fixes are told */
    public TestHistory(PrintStream err) {
        this.err = err;
    }

    /**
     * @param describe a failure as the language tells it: its name, what went wrong, where in the program's code
     * @return the run's outcome: ok with the count of tests that passed, or failed with the counts
     */
    public Outcome tell(TestReport report, Function<TestReport.Failure, String> describe) {
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
        return Outcome.failed(count + (count == 1 ? " test, " : " tests, ") + report.failed().size() + " failed")
                .from("the tests");
    }
}
