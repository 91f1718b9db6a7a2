package dev.hotload.python;

import dev.hotload.loop.Outcome;
import dev.hotload.loop.Printable;
import dev.hotload.run.EntryRunner;
import dev.hotload.run.StandardStreams;
import dev.hotload.run.TestRuns;
import dev.hotload.run.TracePrinter;
import dev.hotload.spi.Session;
import dev.hotload.spi.TestReport;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import dev.hotload.watch.PrintableName;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyStringMap;
import org.python.core.PySystemState;

/**
 * A Python project's {@code unittest} tests on every save ({@code hotload --test}), in the live interpreter: the
 * test modules the save can affect (a saved test module, and every one that imports a saved module, directly or
 * through others: {@link PythonImports}); all of them on the first run, on Enter and with {@code --test-all}. Each
 * run imports the project's modules afresh, as they are saved now; the interpreter, its standard library and
 * {@code --classpath} stay warm.
 */
final class PythonTests implements Session {

    private final PySystemState sys;
    private final SysStreams streams;
    private final Path root;
    private final boolean everyTest;
    private final boolean once;
    private final PyObject run;
    private final TestRuns runs;
    private final PrintStream err = StandardStreams.current().err();
    private final Set<Path> untested = new HashSet<>();

    PythonTests(PySystemState sys, SysStreams streams, Path root, boolean everyTest, boolean once) {
        this.sys = sys;
        this.streams = streams;
        this.root = root;
        this.everyTest = everyTest;
        this.run = glue(sys).__getitem__(Py.newString("run"));
        TestRuns runs = new TestRuns("test run", EntryRunner.Threads.REUSED, TracePrinter.JVM, err);
        this.runs = once ? runs.once() : runs;
        this.once = once;
    }

    @Override
    public Outcome run(ChangeSet changes) throws InterruptedException {
        Py.setSystemState(sys);
        streams.restore();
        for (FileChange change : changes.changes()) {
            if (change.path().startsWith(root) && change.path().toString().endsWith(".py")) {
                untested.add(change.path());
            }
        }
        boolean all = TestRuns.runsAll(changes, everyTest);
        PythonImports imports = PythonImports.of(root);
        List<String> modules = all ? imports.testModules() : imports.testModulesUsing(untested);
        untested.clear();
        if (modules.isEmpty()) {
            // A single run with nothing to test is a folder mistaken, not a pass: a CI step must not go green.
            return once && all ? Outcome.failed("no test modules (test*.py)").from("the test run")
                    : Outcome.ok().withUpdate(all ? "no test modules (test*.py)" : "no test imports it");
        }
        runs.sayTesting(modules, all, "test modules");
        Outcome ran = runs.run(PythonTests.class.getClassLoader(), () -> {
            Py.setSystemState(sys);
            return runTests(modules);
        }, PythonTests::describe);
        streams.flush();
        return ran;
    }

    private TestReport runTests(List<String> modules) {
        PyList names = new PyList();
        modules.forEach(name -> names.append(Py.newStringOrUnicode(name)));
        PyObject result = run.__call__(Py.newStringOrUnicode(root.toString()), names);
        List<String> passed = new ArrayList<>();
        for (PyObject test : result.__getitem__(0).asIterable()) {
            passed.add(test.toString());
        }
        List<TestReport.Failure> failed = new ArrayList<>();
        for (PyObject failure : result.__getitem__(1).asIterable()) {
            PyObject where = failure.__getitem__(2);
            failed.add(new TestReport.Failure(failure.__getitem__(0).toString(), new Failed(
                    failure.__getitem__(1).toString(), where == Py.None ? null : where.toString())));
        }
        return new TestReport(passed, failed);
    }

    private static String describe(TestReport.Failure failure) {
        Failed failed = (Failed) failure.error();
        String line = "FAILED " + PrintableName.of(failure.test()) + ": " + Printable.lines(failed.getMessage());
        return failed.where == null ? line : line + "\n" + PrintableName.of(failed.where);
    }

    /** @return the namespace of unittest_on_save.py, run once in the interpreter */
    private static PyObject glue(PySystemState sys) {
        String source;
        try (InputStream in = PythonTests.class.getResourceAsStream("unittest_on_save.py")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Py.setSystemState(sys);
        PyStringMap namespace = new PyStringMap();
        namespace.__setitem__("__name__", Py.newString("hotload_unittest"));
        Py.runCode(Py.compile_flags(source, "unittest_on_save.py", CompileMode.exec, new CompilerFlags()), namespace,
                namespace);
        return namespace;
    }

    @Override
    public String describe() {
        return "tests";
    }

    @Override
    public void close() {
        runs.close();
    }

    /** A test's failure as Python tells it: the exception's last line, and where in the project's code. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient String where;

        Failed(String what, String where) {
            super(what, null, false, false);
            this.where = where;
        }
    }
}
