package dev.hotload.compiled;

import dev.hotload.loop.Printable;
import dev.hotload.loop.StackTraces;
import dev.hotload.run.ExitRequest;
import dev.hotload.spi.TestReport;
import dev.hotload.watch.PrintableName;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a failed test is told: its name and what went wrong on one line, then where, in the program's own code: the
 * innermost frame of a program class (the assertion in the test, or the line of a main class that threw), never
 * a frame of the test framework's or hotload's.
 */
final class TestFailures {

    private TestFailures() {
    }

    /**
     * @param isProgramClass whether a class is the program's (its tests' included)
     * @return {@code FAILED CalcTest.adds: expected: <4> but was: <5>}, and {@code     at CalcTest.adds(CalcTest.java:12)}
     *     on a line of its own where the program's code is on the stack
     */
    static String describe(TestReport.Failure failure, Predicate<String> isProgramClass) {
        Throwable error = failure.error();
        String prefix = "";
        if (error instanceof ExceptionInInitializerError initializer && initializer.getCause() != null) {
            // The JVM's wrapper says nothing: what the initialiser threw, and where, does.
            error = initializer.getCause();
            prefix = "in a class's initialiser: ";
        }
        String line = "FAILED " + PrintableName.of(failure.test()) + ": " + prefix + Printable.lines(what(error).strip());
        return location(error, isProgramClass).map(at -> line + "\n    at " + at).orElse(line);
    }

    /** An assertion says what differed; any other exception is named too, as it is no assertion of the test's. */
    private static String what(Throwable error) {
        Optional<ExitRequest> exit = ExitRequest.causing(error);
        if (exit.isPresent()) {
            return "called " + exit.get().call() + ", which ends the test, not hotload";
        }
        if (error instanceof AssertionError && error.getMessage() != null && !error.getMessage().isBlank()) {
            return error.getMessage();
        }
        return StackTraces.describe(error);
    }

    private static Optional<String> location(Throwable error, Predicate<String> isProgramClass) {
        return Arrays.stream(error.getStackTrace())
                .filter(frame -> isProgramClass.test(frame.getClassName()))
                .findFirst()
                .map(frame -> PrintableName.of(frame.toString()));
    }
}
