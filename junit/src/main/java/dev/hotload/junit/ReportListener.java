package dev.hotload.junit;

import dev.hotload.spi.TestReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects a run's results as a {@link TestReport}: each test by name ({@code CalcTest.adds}), and a test class
 * that failed as a whole (its {@code @BeforeAll}, its initialiser) as a failure of its own.
 */
final class ReportListener implements TestExecutionListener {

    private final List<String> passed = new ArrayList<>();
    private final List<TestReport.Failure> failed = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String name = name(test);
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (test.isTest()) {
                    passed.add(name);
                }
            }
            case FAILED -> failed.add(new TestReport.Failure(name,
                    result.getThrowable().orElseGet(() -> new AssertionError("failed, with no exception"))));
            case ABORTED -> {
                // An assumption that did not hold: the test did not apply, as a skipped one.
            }
        }
    }

    synchronized TestReport report() {
        return new TestReport(passed, failed);
    }

    /** @return {@code CalcTest.adds}, {@code CalcTest.adds [2] 1, 2} for a case of a parameterised test, {@code CalcTest} */
    private String name(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            String name = simple(method.getClassName()) + "." + method.getMethodName();
            boolean oneCase = plan != null && plan.getParent(test).flatMap(TestIdentifier::getSource)
                    .filter(parent -> parent instanceof MethodSource).isPresent();
            return oneCase ? name + " " + test.getDisplayName() : name;
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return simple(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
