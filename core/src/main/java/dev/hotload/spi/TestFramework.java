package dev.hotload.spi;

import java.util.List;
import java.util.Set;

/**
 * Runs a program's tests in its own JVM ({@code hotload --test}): the JUnit Platform's, in {@code hotload-junit}.
 *
 * <p>One is loaded over the program's libraries, and so runs with the test framework the tests were compiled
 * against: the one on {@code --classpath}, else hotload's. It sees hotload only through this interface and
 * {@link TestReport}, which every generation shares.
 */
public interface TestFramework {

    /**
     * Tells test classes from the rest without loading anything: a class that is not one is never run.
     *
     * @param className a class of the program, by binary name
     * @param uses every class its class file names (annotations included)
     * @return whether the class holds tests to run: a top-level class that uses the framework
     */
    boolean isTestClass(String className, Set<String> uses);

    /**
     * Runs the tests of {@code testClasses} on the calling thread (a program's), each within its time limit.
     *
     * @return which tests passed and which failed
     */
    TestReport run(List<Class<?>> testClasses);
}
