package dev.hotload.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a run of tests found.
 *
 * @param passed the tests that passed, each named {@code Class.method} (a parameterised one's case appended)
 * @param failed the tests that failed, or could not run (a class that did not initialise)
 */
public record TestReport(List<String> passed, List<Failure> failed) {

    public TestReport {
        passed = List.copyOf(passed);
        failed = List.copyOf(failed);
    }

    /** @return how many tests ran */
    public int count() {
        return passed.size() + failed.size();
    }

    /**
     * A test that failed.
     *
     * @param test its name, as in {@link #passed()}
     * @param error what it threw: an assertion's error, an exception, an {@code ExitRequest} for a {@code System.exit}
     */
    public record Failure(String test, Throwable error) {
        public Failure {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(error, "error");
        }
    }
}
