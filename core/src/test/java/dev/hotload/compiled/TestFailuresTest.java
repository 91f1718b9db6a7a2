package dev.hotload.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.spi.TestReport;
import org.junit.jupiter.api.Test;

class TestFailuresTest {

    @Test
    void anAssertionIsItsMessageAtTheInnermostLineOfTheProgramsOwnCode() {
        AssertionError error = new AssertionError("expected: <5> but was: <-1>");
        error.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.junit.jupiter.api.AssertionUtils", "fail", "AssertionUtils.java", 38),
            new StackTraceElement("calc.CalcTest", "adds", "CalcTest.java", 11),
            new StackTraceElement("dev.hotload.run.EntryRun", "run", "EntryRun.java", 90)});

        assertThat(TestFailures.describe(new TestReport.Failure("CalcTest.adds", error), name -> name.startsWith("calc.")))
                .isEqualTo("FAILED CalcTest.adds: expected: <5> but was: <-1>\n    at calc.CalcTest.adds(CalcTest.java:11)");
    }

    @Test
    void aClassThatCannotInitialiseIsToldByWhatItsInitialiserThrewAndWhere() {
        IllegalStateException cause = new IllegalStateException("no database\u001b[2J");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("calc.Db", "<clinit>", "Db.java", 4)});

        assertThat(TestFailures.describe(new TestReport.Failure("DbTest.t", new ExceptionInInitializerError(cause)),
                name -> name.startsWith("calc.")))
                .isEqualTo("FAILED DbTest.t: in a class's initialiser: java.lang.IllegalStateException: no database\\x1b[2J"
                        + "\n    at calc.Db.<clinit>(Db.java:4)");
    }
}
