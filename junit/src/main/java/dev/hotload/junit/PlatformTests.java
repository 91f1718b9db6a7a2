package dev.hotload.junit;

import dev.hotload.spi.TestFramework;
import dev.hotload.spi.TestReport;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes with the JUnit Platform's launcher, one per session: loaded over the program's libraries
 * ({@link JUnitPlatform#over}), it finds the test engines there. Each test, and each of its lifecycle methods, has
 * {@link #TIME_LIMIT}; one that outlasts it fails, and its thread is left to the next run's stop.
 */
public final class PlatformTests implements TestFramework {

    /** In JUnit's own words (junit.jupiter.execution.timeout.default); a test's {@code @Timeout} takes precedence. */
    static final String TIME_LIMIT = "10 s";

    private final Launcher launcher;
    private final String timeLimit;

    public PlatformTests() {
        this(TIME_LIMIT);
    }

    /** @param timeLimit each test's, in JUnit's words ({@code 300 ms}): for tests */
    PlatformTests(String timeLimit) {
        this.timeLimit = timeLimit;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // The launcher finds its engines through the context loader: the libraries', not hotload's own JUnit.
        thread.setContextClassLoader(PlatformTests.class.getClassLoader());
        try {
            launcher = LauncherFactory.create();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public boolean isTestClass(String className, Set<String> uses) {
        return className.indexOf('$') < 0 && uses.stream().anyMatch(used -> used.startsWith("org.junit."));
    }

    @Override
    public TestReport run(List<Class<?>> testClasses) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(testClasses.stream().map(DiscoverySelectors::selectClass).toList())
                .configurationParameter("junit.jupiter.execution.timeout.default", timeLimit)
                // A test that ignores its interrupt is left running on a thread of its own, not awaited.
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        ReportListener listener = new ReportListener();
        launcher.execute(request, listener);
        return listener.report();
    }
}
