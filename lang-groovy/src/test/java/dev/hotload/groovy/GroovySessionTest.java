package dev.hotload.groovy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotload.compiled.CompiledReloader;
import dev.hotload.compiled.CompiledSessionHarness;
import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Groovy script run in process: a generation per save, its binding kept, errors and exits as outcomes. */
class GroovySessionTest extends CompiledSessionHarness {

    @Override
    protected CompiledReloader reloader() {
        return new GroovyReloader();
    }

    @Test
    void runsTheScriptThenEachSaveRunsTheSavedVersion() throws Exception {
        Path script = write("lib.groovy", "def x = 3\nprintln \"Result: ${x * x + 4 * 4}\"\n");
        open(Launch.of(script));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.ok());
        write("lib.groovy", "def x = 4\nprintln \"Result: ${x * x + 4 * 4}\"\n");
        assertThat(save(script)).isEqualTo(Outcome.ok());

        assertThat(out()).isEqualTo("Result: 25\nResult: 32\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void argumentsReachTheScriptAndEntrypointCallsAMethodAfterItRuns() throws Exception {
        Path script = write("app.groovy", """
                println "args ${args.join(',')}"
                def render() { println "rendered" }
                """);
        open(Launch.of(script).args(List.of("a", "b c")).entrypoint("render"));
        session.run(ChangeSet.initial());

        assertThat(out()).isEqualTo("args a,b c\nrendered\n");
    }

    @Test
    void anEntrypointTheScriptDoesNotDefineIsNamed() throws Exception {
        Path script = write("app.groovy", "println 'ran'\n");
        open(Launch.of(script).entrypoint("render"));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.failed("no entry point"));
        assertThat(err()).isEqualTo("hotload: app.groovy defines no method 'render()' to call (--entrypoint)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void anEntryFileWithAClassButNoScriptSaysSo() throws Exception {
        Path file = write("Tool.groovy", "class Helper { }\n");
        open(Launch.of(file));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.failed("no entry point"));
        assertThat(err()).isEqualTo("hotload: Tool.groovy holds no script, nor a class Tool, to run\n");
    }

    @Test
    void aHelperBesideTheScriptIsCompiledWithItAndAgainOnlyWhenItChanges() throws Exception {
        Path script = write("main.groovy", "println new Greeter().greet('you')\n");
        Path helper = write("Greeter.groovy", "class Greeter { String greet(String who) { \"Hello, $who!\" } }\n");
        write("Unrelated.groovy", "this is not groovy at all");
        open(Launch.of(script));

        session.run(ChangeSet.initial());
        assertThat(session.lastBuild().recompiled()).containsOnly(script, helper);
        write("main.groovy", "println new Greeter().greet('again')\n");
        save(script);
        assertThat(session.lastBuild().recompiled()).containsOnly(script);
        write("Greeter.groovy", "class Greeter { String greet(String who) { \"Hi, $who!\" } }\n");
        save(helper);

        assertThat(session.lastBuild().recompiled()).containsOnly(helper, script);
        assertThat(out()).isEqualTo("Hello, you!\nHello, again!\nHi, again!\n");
    }

    @Test
    void unchangedHelpersOfEveryKindServeAStaticallyCompiledScript() throws Exception {
        write("Shape.groovy", """
                interface Shape { double area() }
                """);
        write("Named.groovy", "trait Named { String name() { getClass().simpleName.toLowerCase() } }\n");
        write("Color.groovy", "enum Color { RED, GREEN }\n");
        write("Square.groovy", """
                @groovy.transform.CompileStatic
                class Square implements Shape, Named {
                    double side
                    double area() { side * side }
                }
                """);
        String source = """
                @groovy.transform.CompileStatic
                void show() {
                    Shape shape = new Square(side: SIDE)
                    println "${((Named) shape).name()} ${shape.area()} ${Color.GREEN.ordinal()}"
                }
                show()
                """;
        Path script = write("main.groovy", source.replace("SIDE", "2"));
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        write("main.groovy", source.replace("SIDE", "3"));

        assertThat(save(script)).isEqualTo(Outcome.ok());
        assertThat(session.lastBuild().recompiled()).containsOnly(script);
        assertThat(out()).isEqualTo("square 4.0 1\nsquare 9.0 1\n");
    }

    @Test
    void classesOfAPackageInTheTreeAreFoundByTheirImports() throws Exception {
        Path script = write("report.groovy", "import text.Shout\nprintln Shout.loud('hi')\n");
        Path shout = write("text/Shout.groovy", "package text\nclass Shout { static String loud(String s) { s.toUpperCase() + '!' } }\n");
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        write("text/Shout.groovy", "package text\nclass Shout { static String loud(String s) { s.toUpperCase() + '!!!' } }\n");
        save(shout);

        assertThat(out()).isEqualTo("HI!\nHI!!!\n");
    }

    @Test
    void theBindingKeepsStateAcrossRunsForBothIdioms() throws Exception {
        String source = """
                if (!binding.hasVariable('conn')) { conn = "connection ${System.nanoTime()}" ; println 'opened' }
                try { count = count } catch (MissingPropertyException e) { count = 0 }
                count++
                println "VERSION count $count, same connection ${conn == binding.conn}"
                """;
        Path script = write("state.groovy", source.replace("VERSION", "one"));
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        write("state.groovy", source.replace("VERSION", "two"));
        save(script);

        assertThat(out()).isEqualTo("opened\none count 1, same connection true\ntwo count 2, same connection true\n");
    }

    @Test
    void keptStateAndUnloadHooksWorkAsInJava() throws Exception {
        String source = """
                import dev.hotload.Hotload
                import java.util.concurrent.atomic.AtomicInteger
                def runs = Hotload.keep('runs') { new AtomicInteger() }
                println "VERSION run ${runs.incrementAndGet()}"
                Hotload.onUnload { println 'unloading VERSION' }
                """;
        Path script = write("counter.groovy", source.replace("VERSION", "A"));
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        write("counter.groovy", source.replace("VERSION", "B"));
        save(script);
        session.close();
        session = null;

        assertThat(out()).isEqualTo("A run 1\nunloading A\nB run 2\nunloading B\n");
    }

    @Test
    void aCompileErrorNamesFileLineAndColumnKeepsTheLastGoodGenerationAndTheNextGoodSaveRuns() throws Exception {
        Path script = write("lib.groovy", "println 'good'\n");
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        ClassLoader good = session.generation();
        write("lib.groovy", "println 'good'\ndef x = (1 + \n");

        assertThat(save(script)).isEqualTo(Outcome.invalid("compile error",
                script + ":2:12: error: Unexpected input: '+'\ndef x = (1 + \n           ^\n1 error\n"));
        assertThat(err()).isEmpty();
        assertThat(session.generation()).isSameAs(good);
        write("lib.groovy", "println 'fixed'\n");
        assertThat(save(script)).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("good\nfixed\n");
    }

    @Test
    void anUnknownClassIsAnErrorOnItsLineWithACaretUnderIt() throws Exception {
        Path script = write("lib.groovy", "println 'a'\n  new Nowhere()\n");
        open(Launch.of(script));

        Outcome outcome = session.run(ChangeSet.initial());
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(outcome.diagnostics()).contains(":2:3: error: unable to resolve class Nowhere\n  new Nowhere()\n  ^\n");
    }

    @Test
    void anExceptionPrintsTheScriptsFramesOnly() throws Exception {
        Path script = write("lib.groovy", "def fail() {\n  throw new IllegalStateException('boom')\n}\nfail()\n");
        open(Launch.of(script));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.failed("IllegalStateException"));
        assertThat(err()).startsWith("Caught: java.lang.IllegalStateException: boom\n\tat lib.fail(lib.groovy:2)\n"
                + "\tat lib.run(lib.groovy:4)\n");
        assertThat(err()).doesNotContain("org.codehaus.groovy", "dev.hotload.", "java.lang.invoke");
    }

    @Test
    void exitCallsEndTheRunWithTheirStatusNotTheJvm() throws Exception {
        Path script = write("lib.groovy", "println 'before'\nSystem.exit(3)\n");
        open(Launch.of(script));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.exited(3));
        write("lib.groovy", "Runtime.runtime.exit(4)");
        assertThat(save(script)).isEqualTo(Outcome.exited(4));
        write("lib.groovy", "[5].each { Runtime.getRuntime().halt(it) }");
        assertThat(save(script)).isEqualTo(Outcome.exited(5));
        write("lib.groovy", "@groovy.transform.CompileStatic\nclass Quit { static void now() { System.exit(6) } }\nQuit.now()\n");
        assertThat(save(script)).isEqualTo(Outcome.exited(6));
        assertThat(out()).isEqualTo("before\n");
    }

    @Test
    void aScriptThatDoesNotReturnRunsInTheBackgroundAndIsStoppedByTheNextSave() throws Exception {
        String source = """
                println 'VERSION started'
                try { while (true) { Thread.sleep(10) } } finally { println 'VERSION stopped' }
                """;
        Path script = write("loop.groovy", source.replace("VERSION", "one"));
        open(Launch.of(script).build(), BACKGROUND);

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.ok());
        assertThat(err()).contains("loop.groovy is still running");
        write("loop.groovy", source.replace("VERSION", "two"));
        assertThat(save(script)).isEqualTo(Outcome.ok());

        assertThat(out()).startsWith("one started\none stopped\ntwo started\n");
    }

    @Test
    void anEntryDeletedAndRestoredRunsAgain() throws Exception {
        Path script = write("lib.groovy", "println 'one'\n");
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        Files.delete(script);

        assertThat(session.run(new ChangeSet(List.of(new FileChange(script, FileChange.Kind.DELETE)), false)))
                .isEqualTo(Outcome.entryDeleted());
        assertThat(err()).isEmpty();
        write("lib.groovy", "println 'two'\n");
        assertThat(session.run(new ChangeSet(List.of(new FileChange(script, FileChange.Kind.CREATE)), false)))
                .isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void anOldGenerationIsUnloadableOnceReplaced() throws Exception {
        String source = """
                class Point { int x, y; String toString() { "($x, $y)" } }
                def points = (1..3).collect { new Point(x: it, y: it * it) }
                println "N ${points.findAll { it.y > 1 }*.x.sum()} ${points[0]}"
                String.metaClass.shout = { -> delegate.toUpperCase() }
                println 'n'.shout()
                """;
        Path script = write("lib.groovy", source.replace("N", "one").replace("'n'", "'a'"));
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        WeakReference<ClassLoader> first = new WeakReference<>(session.generation());
        write("lib.groovy", source.replace("N", "two").replace("'n'", "'b'"));
        save(script);
        write("lib.groovy", source.replace("N", "three").replace("'n'", "'c'"));
        save(script);

        assertThat(out()).isEqualTo("one 5 (1, 1)\nA\ntwo 5 (1, 1)\nB\nthree 5 (1, 1)\nC\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return first.get() == null;
        });
    }

    @Test
    void librariesOnTheClassPathAreLoadedOnceForAllGenerations() throws Exception {
        Path libraries = dir.resolve("libs");
        Path counterSource = write("libsrc/lib/Counter.java", "package lib; public class Counter { public static int count; }");
        compileInto(libraries, counterSource);
        String source = "println \"VERSION ${++lib.Counter.count}\"\n";
        Path script = write("app/app.groovy", source.replace("VERSION", "one"));
        open(Launch.of(script).classpath(List.of(libraries)).build());
        session.run(ChangeSet.initial());
        write("app/app.groovy", source.replace("VERSION", "two"));
        save(script);

        assertThat(out()).isEqualTo("one 1\ntwo 2\n");
    }
}
