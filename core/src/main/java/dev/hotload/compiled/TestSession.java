package dev.hotload.compiled;

import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.Generation;
import dev.hotload.jvm.Libraries;
import dev.hotload.loop.Outcome;
import dev.hotload.run.EntryRunner;
import dev.hotload.run.TestRuns;
import dev.hotload.run.TracePrinter;
import dev.hotload.spi.Session;
import dev.hotload.spi.TestFramework;
import dev.hotload.spi.TestReport;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A program's tests, run on every save in hotload's warm JVM ({@code hotload --test}). Each save recompiles what
 * changed ({@link IncrementalBuild}), main and test sources alike, into a new {@link Generation}, and runs the test
 * classes the save can affect: a saved test class, and every test class that uses a saved class, directly or
 * through others (the class files' graph). The first run, a run asked for (Enter) and, with {@code --test-all},
 * every run, run them all.
 *
 * <p>A run is a program's run ({@link EntryRunner}): on a thread of the program's, in a generation of its own (no
 * state is left from the last run but what {@code Hotload.keep} keeps), its {@code System.exit} a failed test
 * rather than hotload's end. Each test has a time limit, the test framework's.
 */
public final class TestSession implements Session {

    private final SourceTree tree;
    private final Compiler compiler;
    private final IncrementalBuild build;
    private final URLClassLoader libraries;
    private final TestFramework framework;
    private final boolean everyTest;
    private final boolean once;
    private final PrintStream err;
    private final TestRuns runs;
    private final Consumer<Generation> onReplaced;
    private final Path workingDir = Path.of("").toAbsolutePath();
    /** Sources saved since the last run of tests: a save that did not compile is tested with the one that does. */
    private final Set<Path> untested = new HashSet<>();
    private Generation generation;
    private int generations;

    TestSession(SourceTree tree, Compiler compiler, URLClassLoader libraries, TestFramework framework,
            boolean everyTest, boolean once, PrintStream err, TracePrinter tracePrinter,
            Consumer<Generation> onReplaced) {
        this.tree = tree;
        this.compiler = compiler;
        this.build = IncrementalBuild.ofTree(tree, compiler);
        this.libraries = libraries;
        this.framework = framework;
        this.everyTest = everyTest;
        this.err = err;
        this.onReplaced = onReplaced;
        TestRuns runs = new TestRuns("test run", EntryRunner.Threads.FRESH, tracePrinter, err);
        this.runs = once ? runs.once() : runs;
        this.once = once;
    }

    @Override
    public Outcome run(ChangeSet changes) throws InterruptedException {
        build.note(changes);
        for (FileChange change : changes.changes()) {
            if (tree.files().watches(change.path())) {
                untested.add(change.path());
            }
        }
        BuildResult built = build.rebuild();
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped during the build");
        }
        if (!built.isOk()) {
            return CompileErrors.outcomeOf(built, compiler.errorHeader(), workingDir);
        }
        boolean all = TestRuns.runsAll(changes, everyTest);
        List<CompiledClass> testClasses = testClasses(all);
        untested.clear();
        if (testClasses.isEmpty()) {
            // A single run with nothing to test is a folder mistaken, not a pass: a CI step must not go green.
            return once && all ? Outcome.failed("no test classes").from("the test run")
                    : Outcome.ok().withUpdate(all ? "compiled; no test classes" : "compiled; no test uses it");
        }
        runs.sayTesting(testClasses.stream().map(CompiledClass::name).map(name -> name.substring(name.lastIndexOf('.') + 1))
                .toList(), all, "test classes");
        Generation next = new Generation(++generations, build.classes(), libraries, tree.roots());
        Outcome ran = runs.run(next, () -> runTests(next, testClasses),
                failure -> TestFailures.describe(failure, next::isProgramClass));
        Generation previous = generation;
        generation = next;
        if (previous != null) {
            runs.amongProgramThreads(() -> onReplaced.accept(previous));
        }
        return ran;
    }

    /** @return the test classes to run: all of them, or those of the saved sources and of the sources that use them */
    private List<CompiledClass> testClasses(boolean all) {
        Set<Path> affected = new HashSet<>(untested);
        affected.addAll(build.allUsersOf(untested));
        Map<String, CompiledClass> byName = new HashMap<>();
        build.compiled().forEach(compiled -> byName.put(compiled.name(), compiled));
        return build.compiled().stream()
                .filter(compiled -> all || affected.contains(compiled.source()))
                .filter(compiled -> framework.isTestClass(compiled.name(), uses(compiled.name(), byName, new HashSet<>())))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /**
     * @return what {@code className} uses, with its nested classes and its program's supertypes: a class whose tests
     *     are all in {@code @Nested} classes, or all inherited from an abstract base, is a test class too
     */
    private static Set<String> uses(String className, Map<String, CompiledClass> byName, Set<String> seen) {
        Set<String> uses = new HashSet<>();
        if (!seen.add(className)) {
            return uses;
        }
        for (CompiledClass compiled : byName.values()) {
            if (compiled.name().equals(className) || compiled.name().startsWith(className + "$")) {
                uses.addAll(compiled.info().references());
                compiled.info().supertypes().stream().filter(byName::containsKey)
                        .forEach(supertype -> uses.addAll(uses(supertype, byName, seen)));
            }
        }
        return uses;
    }

    /** Runs on the run's thread: a test class that cannot load is a failed test of its own. */
    private TestReport runTests(Generation next, List<CompiledClass> testClasses) {
        List<Class<?>> loaded = new ArrayList<>();
        List<TestReport.Failure> unloadable = new ArrayList<>();
        for (CompiledClass testClass : testClasses) {
            try {
                loaded.add(Class.forName(testClass.name(), false, next));
            } catch (ClassNotFoundException | LinkageError e) {
                unloadable.add(new TestReport.Failure(testClass.name(), e));
            }
        }
        TestReport report = framework.run(loaded);
        if (unloadable.isEmpty()) {
            return report;
        }
        List<TestReport.Failure> failed = new ArrayList<>(unloadable);
        failed.addAll(report.failed());
        return new TestReport(report.passed(), failed);
    }

    @Override
    public String describe() {
        return "tests";
    }

    /** Stops a run that still goes on, and releases the compiler and the libraries. */
    @Override
    public void close() {
        runs.close();
        if (generation != null) {
            Generation last = generation;
            try {
                runs.amongProgramThreads(() -> onReplaced.accept(last));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        compiler.close();
        Libraries.close(libraries, err);
    }
}
