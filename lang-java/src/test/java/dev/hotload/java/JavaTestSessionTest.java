package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Session;
import dev.hotload.spi.TestFramework;
import dev.hotload.spi.TestReport;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which tests a save runs ({@code hotload --test}), through the real compiler: a recording framework stands in for
 * JUnit, whose part is PlatformTestsTest's.
 */
class JavaTestSessionTest {

    @TempDir
    Path dir;

    private final Recording framework = new Recording();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private Session session;

    @BeforeEach
    void project() throws Exception {
        write("main/Leaf.java", "public class Leaf { public static int one() { return 1; } }");
        write("main/Mid.java", "public class Mid { public static int two() { return Leaf.one() + 1; } }");
        write("main/Apart.java", "public class Apart { }");
        write("test/LeafTest.java", "public class LeafTest { int t() { return Leaf.one(); } }");
        write("test/MidTest.java", "public class MidTest { int t() { return Mid.two(); } }");
        write("test/ApartTest.java", "public class ApartTest { Apart a; }");
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theFirstRunTestsAllAndASaveTestsWhatUsesTheSavedClassDirectlyOrNot() throws Exception {
        open(false);
        assertThat(session.run(ChangeSet.initial()).isOk()).isTrue();
        assertThat(framework.lastRun).containsExactly("ApartTest", "LeafTest", "MidTest");

        save("main/Leaf.java", "public class Leaf { public static int one() { return 10; } }");
        assertThat(framework.lastRun).containsExactly("LeafTest", "MidTest");

        save("test/ApartTest.java", "public class ApartTest { Apart b; }");
        assertThat(framework.lastRun).containsExactly("ApartTest");
    }

    @Test
    void aSaveThatDoesNotCompileIsTestedWithTheNextThatDoes() throws Exception {
        open(false);
        session.run(ChangeSet.initial());

        Outcome broken = save("main/Leaf.java", "public class Leaf { public static int one() { return 1 } }");
        assertThat(broken.kind()).isEqualTo(Outcome.Kind.INVALID);
        save("main/Leaf.java", "public class Leaf { public static int one() { return 1; } }");
        assertThat(framework.lastRun).containsExactly("LeafTest", "MidTest");

        Outcome untouched = save("main/Apart.java", "public class Apart { int x; }");
        assertThat(framework.lastRun).containsExactly("ApartTest");
        assertThat(untouched.isOk()).isTrue();
    }

    @Test
    void everySaveTestsAllWithTestAllAndARunAskedForTestsAllToo() throws Exception {
        open(true);
        session.run(ChangeSet.initial());
        save("main/Apart.java", "public class Apart { int x; }");
        assertThat(framework.lastRun).containsExactly("ApartTest", "LeafTest", "MidTest");
        session.close();

        open(false);
        session.run(ChangeSet.initial());
        session.run(ChangeSet.requestedRun());
        assertThat(framework.lastRun).containsExactly("ApartTest", "LeafTest", "MidTest");
    }

    @Test
    void failuresAreToldWithTheirLineAndATestThatPassesAgainIsToldFixed() throws Exception {
        open(false);
        framework.failing.add("LeafTest.t");
        Outcome failed = session.run(ChangeSet.initial());

        assertThat(failed.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(failed.detail()).isEqualTo("3 tests, 1 failed");
        assertThat(err()).contains("FAILED LeafTest.t: expected: <1> but was: <2>");

        framework.failing.clear();
        Outcome fixed = save("main/Leaf.java", "public class Leaf { public static int one() { return 1; } }");
        assertThat(fixed.isOk()).isTrue();
        assertThat(fixed.update()).isEqualTo("2 tests passed");
        assertThat(err()).contains("fixed: LeafTest.t");
    }

    @Test
    void aClassWhoseTestsAreAllNestedOrAllInheritedIsATestClass() throws Exception {
        write("main/Check.java", "public @interface Check { }");
        write("test/NestedOnly.java", "public class NestedOnly { class Inner { @Check void t() { } } }");
        write("test/Base.java", "public abstract class Base { @Check void t() { } }");
        write("test/Concrete.java", "public class Concrete extends Base { }");
        write("test/Plain.java", "public class Plain { }");
        framework.testsAre = (name, uses) -> !name.contains("$") && uses.contains("Check");
        open(false);

        session.run(ChangeSet.initial());

        assertThat(framework.lastRun).containsExactly("Base", "Concrete", "NestedOnly");
    }

    private void open(boolean everyTest) throws Exception {
        Launch launch = Launch.of(dir).sourceRoots(List.of(dir.resolve("main"), dir.resolve("test"))).build();
        session = new JavaReloader().tests(launch).err(new PrintStream(errBytes, true, StandardCharsets.UTF_8))
                .buildTests(libraries -> framework, everyTest);
    }

    private Outcome save(String file, String source) throws Exception {
        write(file, source);
        return session.run(new ChangeSet(List.of(new FileChange(dir.resolve(file), FileChange.Kind.MODIFY)), false));
    }

    private void write(String file, String source) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), source);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Test classes are those named ...Test, unless told otherwise; each has one test, {@code t}, which passes unless named failing. */
    private static final class Recording implements TestFramework {
        final Set<String> failing = new HashSet<>();
        List<String> lastRun = List.of();
        BiPredicate<String, Set<String>> testsAre = (name, uses) -> name.endsWith("Test");

        @Override
        public boolean isTestClass(String className, Set<String> uses) {
            return testsAre.test(className, uses);
        }

        @Override
        public TestReport run(List<Class<?>> testClasses) {
            lastRun = testClasses.stream().map(Class::getName).toList();
            List<String> passed = new ArrayList<>();
            List<TestReport.Failure> failed = new ArrayList<>();
            for (String name : lastRun) {
                String test = name + ".t";
                if (failing.contains(test)) {
                    failed.add(new TestReport.Failure(test, new AssertionError("expected: <1> but was: <2>")));
                } else {
                    passed.add(test);
                }
            }
            return new TestReport(passed, failed);
        }
    }
}
