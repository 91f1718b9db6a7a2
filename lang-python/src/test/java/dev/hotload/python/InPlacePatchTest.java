package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.__builtin__;

/**
 * Patching in place, through the session as {@code bin/hotload} runs it: each module keeps an old reference with
 * the NameError idiom, as a listener registry, a thread or a host would hold it, and the test asks after each run
 * (the patch follows the module's top level) what that reference runs now.
 */
class InPlacePatchTest extends PythonSessionHarness {

    /** The first run keeps what {@code handler} is then. */
    private static final String KEEPS_HANDLER = """
            try:
                kept
            except NameError:
                kept = handler
            """;

    /** What the kept handler returns, and whether it is still the one under the name. */
    private static final String KEPT = "'%s %s' % (kept(), kept is handler)";

    @Test
    void aKeptReferenceToAFunctionRunsItsNewCodeAndIsStillTheFunctionUnderTheName() throws Exception {
        Path entry = write("listener.py", "def handler():\n    return 'v1'\n" + KEEPS_HANDLER);
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.ok());
        assertThat(evaluate(KEPT)).isEqualTo("v1 True");

        rewrite(entry, "'v1'", "'v2'");
        Outcome patched = reload(entry);

        assertThat(evaluate(KEPT)).isEqualTo("v2 True");
        assertThat(patched).isEqualTo(Outcome.ok().withUpdate("patched in place (1 function)"));
    }

    @Test
    void defaultsDocstringAndAttributesComeWithTheCode() throws Exception {
        Path entry = write("defaults.py", """
                def handler(name='one'):
                    "says one"
                    return 'hello ' + name
                handler.tag = 'first'
                """ + KEEPS_HANDLER);
        String kept = "'%s / %s / %s' % (kept(), kept.__doc__, kept.tag)";
        open(Launch.of(entry));
        run();
        assertThat(evaluate(kept)).isEqualTo("hello one / says one / first");

        rewrite(entry, "'one'", "'two'");
        rewrite(entry, "says one", "says two");
        rewrite(entry, "'first'", "'second'");
        reload(entry);

        assertThat(evaluate(kept)).isEqualTo("hello two / says two / second");
    }

    @Test
    void aJavaInterfaceProxyOfTheFunctionRunsTheNewCode() throws Exception {
        Path entry = write("proxied.py", """
                from java.util.concurrent import Executors
                def handler():
                    print('called v1')
                try:
                    task
                except NameError:
                    # Java holds a proxy of the function (a Runnable), wrapped in a Callable of its own
                    task = Executors.callable(handler)
                """);
        open(Launch.of(entry));
        run();

        rewrite(entry, "called v1", "called v2");
        reload(entry);
        evaluate("task.call()");

        assertThat(out()).isEqualTo("called v2\n");
    }

    @Test
    void aThreadWhoseTargetIsTheFunctionRunsTheNewCode() throws Exception {
        Path entry = write("thread_target.py", """
                from java.lang import Thread
                def handler():
                    print('run v1')
                try:
                    worker
                except NameError:
                    worker = Thread(handler)  # its Runnable is a proxy of the function
                """);
        open(Launch.of(entry));
        run();

        rewrite(entry, "run v1", "run v2");
        reload(entry);
        evaluate("worker.run()");

        assertThat(out()).isEqualTo("run v2\n");
    }

    @Test
    void aBoundMethodAndAnInstanceKeptAcrossReloadsRunTheNewMethods() throws Exception {
        Path entry = write("greeter.py", """
                class Greeter(object):
                    def greet(self):
                        return 'v1'
                try:
                    instance
                except NameError:
                    instance = Greeter()
                    bound = instance.greet
                """);
        String kept = "'%s %s %s' % (bound(), instance.greet(), isinstance(instance, Greeter))";
        open(Launch.of(entry));
        run();
        assertThat(evaluate(kept)).isEqualTo("v1 v1 True");

        rewrite(entry, "'v1'", "'v2'");
        Outcome patched = reload(entry);

        assertThat(evaluate(kept)).isEqualTo("v2 v2 True");
        assertThat(patched.update()).isEqualTo("patched in place (1 class)");
    }

    @Test
    void classAttributesAreSetAndRemovedMethodsRemoved() throws Exception {
        Path entry = write("colors.py", """
                class Shape(object):
                    color = 'red'
                    def old_method(self):
                        return 'old'
                try:
                    shape
                except NameError:
                    shape = Shape()
                """);
        String kept = "'%s %s' % (shape.color, hasattr(shape, 'old_method'))";
        open(Launch.of(entry));
        run();
        assertThat(evaluate(kept)).isEqualTo("red True");

        Files.writeString(entry, Files.readString(entry).replace("'red'", "'blue'")
                .replace("    def old_method(self):\n        return 'old'\n", ""));
        reload(entry);

        assertThat(evaluate(kept)).isEqualTo("blue False");
    }

    @Test
    void anOldStyleClassIsPatchedToo() throws Exception {
        Path entry = write("old_style.py", """
                class Greeter:
                    def greet(self):
                        return 'v1'
                try:
                    instance
                except NameError:
                    instance = Greeter()
                """);
        String kept = "'%s %s' % (instance.greet(), isinstance(instance, Greeter))";
        open(Launch.of(entry));
        run();

        rewrite(entry, "'v1'", "'v2'");
        reload(entry);

        assertThat(evaluate(kept)).isEqualTo("v2 True");
    }

    @Test
    void aPythonClassImplementingAJavaInterfaceHeldByJavaRunsTheNewMethod() throws Exception {
        Path entry = write("java_listener.py", """
                from java.lang import Runnable, Thread
                class Tick(Runnable):
                    def run(self):
                        print('tick v1')
                try:
                    worker
                except NameError:
                    worker = Thread(Tick())
                """);
        open(Launch.of(entry));
        run();

        rewrite(entry, "tick v1", "tick v2");
        reload(entry);
        evaluate("worker.run()");

        assertThat(out()).isEqualTo("tick v2\n");
    }

    @Test
    void anInstanceTheRunMadeAtModuleLevelIsAnInstanceOfTheKeptClass() throws Exception {
        Path entry = write("origin.py", """
                class Point(object):
                    def __init__(self, x):
                        self.x = x
                ORIGIN = Point(0)
                """);
        open(Launch.of(entry));
        run();

        rewrite(entry, "self.x = x", "self.x = x * 2");
        reload(entry);

        assertThat(evaluate("isinstance(ORIGIN, Point)")).isEqualTo("True");
    }

    @Test
    void aNameTheNewVersionNoLongerDefinesStaysAsItWas() throws Exception {
        Path entry = write("shrinks.py", "def helper():\n    return 'helper v1'\ndef handler():\n    return 'v1'\n");
        open(Launch.of(entry));
        run();

        Files.writeString(entry, "def handler():\n    return 'v2'\n");
        Outcome patched = reload(entry);

        assertThat(evaluate("helper() + ' ' + handler()")).isEqualTo("helper v1 v2");
        assertThat(patched.update()).isEqualTo("patched in place (1 function)");
    }

    @Test
    void aFunctionWhoseClosureChangedIsReplacedAndSaidSo() throws Exception {
        Path entry = write("closure.py", """
                def make(start):
                    def handler():
                        return start
                    return handler
                handler = make('v1')
                """ + KEEPS_HANDLER);
        open(Launch.of(entry));
        run();

        rewrite(entry, "make('v1')", "make('v2')");
        Outcome valueChanged = reload(entry);

        assertThat(evaluate(KEPT)).isEqualTo("v1 False");
        assertThat(evaluate("handler()")).isEqualTo("v2");
        assertThat(valueChanged.update()).isEqualTo("patched in place (1 function; handler replaced: closure changed)");

        rewrite(entry, "        return start\n", "        return start + suffix\n");
        rewrite(entry, "def make(start):\n", "def make(start):\n    suffix = '!'\n");
        Outcome namesChanged = reload(entry);

        assertThat(evaluate("handler()")).isEqualTo("v2!");
        assertThat(namesChanged.update()).isEqualTo("patched in place (1 function; handler replaced: closure changed)");
    }

    @Test
    void aDecoratedFunctionIsPatchedThroughItsWrapper() throws Exception {
        Path entry = write("decorated.py", """
                import functools
                def logged(f):
                    def wrapper():
                        return 'logged ' + f()
                    return wrapper
                def wrapped(f):
                    @functools.wraps(f)
                    def wrapper():
                        return 'wrapped ' + f()
                    return wrapper
                @logged
                def handler():
                    return 'v1'
                @wrapped
                def other():
                    return 'v1'
                try:
                    kept
                except NameError:
                    kept = [handler, other]
                """);
        String kept = "' / '.join(f() for f in kept)";
        open(Launch.of(entry));
        run();
        assertThat(evaluate(kept)).isEqualTo("logged v1 / wrapped v1");

        rewrite(entry, "'v1'", "'v2'");
        Outcome patched = reload(entry);

        assertThat(evaluate(kept)).isEqualTo("logged v2 / wrapped v2");
        assertThat(patched.update()).isEqualTo("patched in place (4 functions)");
    }

    @Test
    void aClassWhoseBasesChangedIsReplacedAndSaidSo() throws Exception {
        Path entry = write("bases.py", """
                class Base(object):
                    pass
                class Greeter(object):
                    def greet(self):
                        return 'v1'
                try:
                    instance
                except NameError:
                    instance = Greeter()
                """);
        String kept = "'%s %s' % (instance.greet(), isinstance(instance, Greeter))";
        open(Launch.of(entry));
        run();

        rewrite(entry, "class Greeter(object)", "class Greeter(Base)");
        rewrite(entry, "'v1'", "'v2'");
        Outcome replaced = reload(entry);

        assertThat(evaluate(kept)).isEqualTo("v1 False");
        assertThat(replaced.update()).isEqualTo("patched in place (1 class; Greeter replaced: bases changed)");
    }

    @Test
    void aClassWhoseMetaclassIsTheModulesOwnIsPatchedWithIt() throws Exception {
        Path entry = write("own_meta.py", """
                class Registered(type):
                    pass
                class Greeter(object):
                    __metaclass__ = Registered
                    def greet(self):
                        return 'v1'
                try:
                    instance
                except NameError:
                    instance = Greeter()
                """);
        open(Launch.of(entry));
        run();

        rewrite(entry, "'v1'", "'v2'");
        Outcome patched = reload(entry);

        assertThat(evaluate("'%s %s' % (instance.greet(), type(Greeter) is Registered)")).isEqualTo("v2 True");
        assertThat(patched.update()).isEqualTo("patched in place (2 classes)");
    }

    @Test
    void aClassWhoseMetaclassRaisesWhileBeingPatchedIsReplacedAndTheRunStillSucceeds() throws Exception {
        Path entry = write("guarded.py", """
                class Guarded(type):
                    def __getattribute__(cls, name):
                        if name == '__dict__':
                            raise TypeError('no peeking')
                        return type.__getattribute__(cls, name)
                class Greeter(object):
                    __metaclass__ = Guarded
                    def greet(self):
                        return 'v1'
                """);
        open(Launch.of(entry));
        run();

        rewrite(entry, "'v1'", "'v2'");
        Outcome replaced = reload(entry);

        assertThat(replaced).isEqualTo(
                Outcome.ok().withUpdate("patched in place (1 class; Greeter replaced: patching raised TypeError)"));
        assertThat(evaluate("Greeter().greet()")).isEqualTo("v2");
    }

    @Test
    void aRunThatFailsAfterDefiningTheFunctionPatchesItAndSaysBoth() throws Exception {
        Path entry = write("fails_later.py", "def handler():\n    return 'v1'\n" + KEEPS_HANDLER);
        open(Launch.of(entry));
        run();

        Files.writeString(entry, "def handler():\n    return 'v2'\nmissing_name\n");
        Outcome failed = reload(entry);

        assertThat(evaluate(KEPT)).isEqualTo("v2 True");
        assertThat(failed).isEqualTo(Outcome.failed("NameError").withUpdate("patched in place (1 function)"));
        assertThat(err()).contains("NameError");
    }

    @Test
    void aPatchedFunctionThatRaisesPrintsItsTracebackAsAnyError() throws Exception {
        Path entry = write("raises_later.py", "def handler():\n    return 'v1'\n" + KEEPS_HANDLER
                + "def main():\n    print(kept())\n");
        open(Launch.of(entry).entrypoint("main"));
        run();

        rewrite(entry, "    return 'v1'\n", "    raise ValueError('broken v2')\n");
        Outcome failed = reload(entry);

        assertThat(failed).isEqualTo(Outcome.failed("ValueError").withUpdate("patched in place (2 functions)"));
        assertThat(err()).contains("Traceback (most recent call last)", "in main", "line 2, in handler",
                "ValueError: broken v2");
    }

    @Test
    void aSyntaxErrorPatchesNothing() throws Exception {
        Path entry = write("syntax.py", "def handler():\n    return 'v1'\n" + KEEPS_HANDLER);
        open(Launch.of(entry));
        run();

        Files.writeString(entry, "def handler():\n    return 'v2' +\n");
        Outcome broken = reload(entry);

        assertThat(broken.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(broken.update()).isEmpty();
        assertThat(evaluate(KEPT)).isEqualTo("v1 True");

        Files.writeString(entry, "def handler():\n    return 'v3'\n" + KEEPS_HANDLER);
        assertThat(reload(entry).update()).isEqualTo("patched in place (1 function)");
        assertThat(evaluate(KEPT)).isEqualTo("v3 True");
    }

    @Test
    void withRestartNothingIsPatched() throws Exception {
        Path entry = write("restarted.py", "def handler():\n    return 'v1'\n" + KEEPS_HANDLER);
        open(Launch.of(entry).restart(true));
        run();

        rewrite(entry, "'v1'", "'v2'");
        Outcome reloaded = reload(entry);

        assertThat(evaluate(KEPT)).isEqualTo("v1 False");
        assertThat(reloaded).isEqualTo(Outcome.ok());
    }

    @Test
    void withRecursiveAnImportedModulesFunctionsArePatchedAndCountedInTheSameLine() throws Exception {
        Path helper = write("helper_live.py", "def handler():\n    return 'helper v1'\n");
        Path entry = write("entry_live.py", """
                import helper_live
                def own():
                    return 'own'
                try:
                    kept
                except NameError:
                    kept = helper_live.handler
                """);
        open(Launch.of(entry).recursive(true));
        run();

        rewrite(helper, "helper v1", "helper v2");
        Outcome patched = session.run(new ChangeSet(List.of(new FileChange(helper, FileChange.Kind.MODIFY),
                new FileChange(entry, FileChange.Kind.MODIFY)), false));

        assertThat(evaluate("kept()")).isEqualTo("helper v2");
        assertThat(patched.update()).isEqualTo("patched in place (2 functions)");
    }

    @Test
    void stateKeptWithTheNameErrorIdiomIsUntouched() throws Exception {
        Path entry = write("counter.py", """
                try:
                    counts
                except NameError:
                    counts = {'runs': 0}
                counts['runs'] += 1
                def handler():
                    return 'v1'
                """);
        open(Launch.of(entry));
        run();
        rewrite(entry, "'v1'", "'v2'");
        reload(entry);
        reload(entry);

        assertThat(evaluate("counts['runs']")).isEqualTo("3");
    }

    /** @return what a Python expression is now, in the entry module's namespace, after the run and its patch */
    private String evaluate(String expression) {
        String file = launched.entry().getFileName().toString();
        String module = file.substring(0, file.lastIndexOf('.'));
        PyObject namespace = Py.getSystemState().modules.__finditem__(module).__getattr__("__dict__");
        return __builtin__.eval(new PyString(expression), namespace).toString();
    }
}
