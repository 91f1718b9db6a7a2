package dev.hotload.groovy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotload.compiled.CompiledReloader;
import dev.hotload.compiled.CompiledSessionHarness;
import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Namespace;
import dev.hotload.spi.Namespace.Input;
import dev.hotload.watch.ChangeSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prompt of a Groovy script: lines evaluated in its binding, against its last good classes. */
class GroovyNamespaceTest extends CompiledSessionHarness {

    private static final String GREETER = "class Greeter { String greet(String who) { \"Hello, $who!\" } }\n";

    private final ByteArrayOutputStream promptErr = new ByteArrayOutputStream();
    private PrintStream systemErr;

    @Override
    protected CompiledReloader reloader() {
        return new GroovyReloader();
    }

    @BeforeEach
    void captureErrors() {
        systemErr = System.err;
        System.setErr(new PrintStream(promptErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(systemErr);
    }

    @Test
    void aLineSeesTheVariablesTheScriptSetAndItsValueIsPrinted() throws Exception {
        open(Launch.of(write("app.groovy", "greeting = 'hello'\ndef local = 'not shared'\n")));
        session.run(ChangeSet.initial());

        assertThat(evaluate("greeting.toUpperCase()")).isEmpty();
        assertThat(evaluate("binding.hasVariable('local')")).isEmpty();
        assertThat(evaluate("println 'printed'")).isEmpty();
        assertThat(evaluate("[greeting, [a: 1], null]")).isEmpty();

        assertThat(out()).isEqualTo("===> HELLO\n===> false\nprinted\n===> [hello, [a:1], null]\n");
        assertThat(promptErr()).isEmpty();
    }

    @Test
    void afterASaveTheProgramsNewClassesAreTheOnesSeenAndThePromptsVariablesStay() throws Exception {
        Path script = write("app.groovy", "println new Greeter().greet('app')\n");
        Path greeter = write("Greeter.groovy", GREETER);
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        evaluate("kept = new Greeter().greet('prompt')");
        evaluate("def declared = 40");
        write("Greeter.groovy", """
                class Greeter {
                    String greet(String who) { "Hello, $who!" }
                    String shout(String who) { greet(who).toUpperCase() }
                }
                """);

        assertThat(save(greeter)).isEqualTo(Outcome.ok());
        evaluate("new Greeter().shout('saved')");
        evaluate("kept + ' ' + (declared + 2)");

        assertThat(out()).isEqualTo("Hello, app!\n===> Hello, prompt!\n===> 40\nHello, app!\n===> HELLO, SAVED!\n"
                + "===> Hello, prompt! 42\n");
        assertThat(promptErr()).isEmpty();
    }

    @Test
    void aFailedSaveLeavesTheLastGoodClassesAtThePrompt() throws Exception {
        Path script = write("app.groovy", "println 'ran'\nnew Greeter()\n");
        Path greeter = write("Greeter.groovy", GREETER);
        open(Launch.of(script));
        session.run(ChangeSet.initial());
        write("Greeter.groovy", "class Greeter { String greet(String who) { \n");

        assertThat(save(greeter).kind()).isEqualTo(Outcome.Kind.INVALID);
        evaluate("new Greeter().greet('still')");

        assertThat(out()).isEqualTo("ran\n===> Hello, still!\n");
    }

    @Test
    void beforeTheFirstGoodBuildTheLibrariesAreThere() throws Exception {
        Path libraries = dir.resolve("libs");
        compileInto(libraries, write("libsrc/lib/Counter.java", "package lib; public class Counter { public static int count = 41; }"));
        open(Launch.of(write("app/app.groovy", "def broken = (\n")).classpath(List.of(libraries)).build());
        assertThat(session.run(ChangeSet.initial()).kind()).isEqualTo(Outcome.Kind.INVALID);

        evaluate("lib.Counter.count + 1");

        assertThat(out()).isEqualTo("===> 42\n");
    }

    @Test
    void methodsAndImportsOfALineHoldForTheLinesAfterIt() throws Exception {
        open(Launch.of(write("app.groovy", "println 'ran'\n")));
        session.run(ChangeSet.initial());

        evaluate("def twice(n) {\n  2 * n\n}");
        evaluate("import java.time.LocalDate");
        evaluate("int n = '21'.toInteger(); def (a, b) = [1, 2]");
        evaluate("LocalDate.of(2024, 2, 29).plusDays(twice(n) - 41 + a + b - 3)");

        assertThat(out()).isEqualTo("ran\n===> [1, 2]\n===> 2024-03-01\n");
        assertThat(promptErr()).isEmpty();
    }

    @Test
    void aCompileErrorIsPrintedInGroovysWordsNotThrown() throws Exception {
        open(Launch.of(write("app.groovy", "println 'ran'\n")));
        session.run(ChangeSet.initial());

        assertThat(evaluate("new Nowhere()")).isEmpty();
        assertThat(evaluate("1 + )")).isEmpty();

        assertThat(promptErr()).isEqualTo("""
                hotload_prompt: 1: unable to resolve class Nowhere
                 @ line 1, column 1.
                   new Nowhere()
                   ^

                1 error
                hotload_prompt: 1: Unexpected input: '+' @ line 1, column 3.
                   1 + )
                     ^

                1 error
                """);
    }

    @Test
    void anExceptionPrintsTheLinesFramesOnly() throws Exception {
        open(Launch.of(write("app.groovy", "def fail() { throw new IllegalStateException('boom') }\n")));
        session.run(ChangeSet.initial());

        assertThat(evaluate("def explode() {\n  throw new IllegalArgumentException('bad', new RuntimeException('cause'))\n}\nexplode()"))
                .isEmpty();

        assertThat(promptErr()).matches("java.lang.IllegalArgumentException: bad\n"
                + "\tat hotload_prompt.explode\\(hotload_prompt:2\\)\n\tat hotload_prompt.run\\(hotload_prompt:4\\)\n"
                + "\t\\.\\.\\. \\d+ frames of hotload and the JVM\n"
                + "Caused by: java.lang.RuntimeException: cause\n(.|\n)*");
        assertThat(promptErr()).doesNotContain("org.codehaus.groovy", "dev.hotload.", "java.lang.invoke");
    }

    @Test
    void anExitTypedIsTheStatusToEndWith() throws Exception {
        open(Launch.of(write("app.groovy", "println 'ran'\n")));
        session.run(ChangeSet.initial());

        assertThat(evaluate("System.exit(3)")).hasValue(3);
        assertThat(evaluate("[4].each { Runtime.runtime.exit(it) }")).hasValue(4);
        assertThat(promptErr()).isEmpty();
    }

    @Test
    void anInterruptStopsTheLineWithInterruptedException() throws Exception {
        open(Launch.of(write("app.groovy", "println 'ran'\n")));
        session.run(ChangeSet.initial());
        Thread[] evaluating = new Thread[1];
        CompletableFuture<OptionalInt> line = CompletableFuture.supplyAsync(() -> {
            evaluating[0] = Thread.currentThread();
            try {
                return namespace().evaluate("println 'sleeping'\nThread.sleep(60_000)");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> evaluating[0] != null
                && evaluating[0].getState() == Thread.State.TIMED_WAITING && out().contains("sleeping"));
        evaluating[0].interrupt();

        assertThatThrownBy(() -> line.get()).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(InterruptedException.class);
        assertThat(promptErr()).isEmpty();
    }

    @Test
    void completesNamesOfTheBindingAndTheProgramAndMembersWithoutCallingGetters() throws Exception {
        write("Probe.groovy", """
                class Probe {
                    static int reads
                    String getName() { reads++; 'probe' }
                    int size(int scale) { scale }
                    static Probe make() { new Probe() }
                }
                """);
        open(Launch.of(write("app.groovy", "probe = new Probe()\ngreeting = 'hi'\n")));
        session.run(ChangeSet.initial());

        assertThat(namespace().complete("pr")).containsExactly("probe");
        assertThat(namespace().complete("Pro")).containsExactly("Probe");
        assertThat(namespace().complete("probe.na")).containsExactly("probe.name");
        assertThat(namespace().complete("probe.s")).contains("probe.size(").doesNotContain("probe.make()");
        assertThat(namespace().complete("probe.ea")).contains("probe.each(");
        assertThat(namespace().complete("Probe.ma")).containsExactly("Probe.make()");
        assertThat(namespace().complete("Probe.")).containsExactly("Probe.getReads()", "Probe.make()", "Probe.reads", "Probe.setReads(");
        assertThat(namespace().complete("greeting.toUpp")).containsExactly("greeting.toUpperCase(");
        assertThat(namespace().complete("probe.name.toUpp")).containsExactly("probe.name.toUpperCase(");
        assertThat(namespace().complete("nothing.x")).isEmpty();
        evaluate("Probe.reads");

        assertThat(out()).isEqualTo("===> 0\n");
    }

    @Test
    void anOpenBlockBracketOrStringAsksForMoreAndAnyOtherErrorIsComplete() throws Exception {
        open(Launch.of(write("app.groovy", "println 'ran'\n")));
        Namespace namespace = namespace();

        for (String incomplete : new String[] {"def f() {", "def f() {\n  1", "[1,\n2", "foo(1,", "x = { it ->",
                "if (x) {\n} else {", "'''first line", "\"\"\"a ${x} \nb", "/* a comment", "new Foo(", "\"${ [1,"}) {
            assertThat(namespace.check(incomplete)).as(incomplete).isEqualTo(Input.INCOMPLETE);
        }
        for (String complete : new String[] {"1 + 1", "def f() { 1 }", "1 + )", "println 'a'\n}", "'unclosed",
                "x = [1, 2]\ny = '(('", "// a comment {", "x =~ /\\(/", ""}) {
            assertThat(namespace.check(complete)).as(complete).isEqualTo(Input.COMPLETE);
        }
    }

    /**
     * Every line is compiled into a class loader of its own: hundreds of lines must not keep hundreds of loaders.
     * The last line's may stay: JDK 17 keeps the last type a shared method handle was adapted to
     * ({@code MethodHandle.asTypeCache}, one per handle), until the next line replaces it.
     */
    @Test
    void aLinesClassesUnloadOnceNothingHoldsThem() throws Exception {
        open(Launch.of(write("app.groovy", "println 'ran'\n")));
        session.run(ChangeSet.initial());
        evaluate("lines = []");
        for (int i = 0; i < 300; i++) {
            evaluate("lines << new java.lang.ref.WeakReference(this.class.classLoader); [" + i + "].collect { it * 2 }.sum()");
        }
        List<?> lines = (List<?>) ((GroovyNamespace) namespace()).binding().getVariable("lines");

        assertThat(lines).hasSize(300);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return lines.subList(0, 299).stream().allMatch(line -> ((WeakReference<?>) line).get() == null);
        });
    }

    private Namespace namespace() {
        return session.namespace().orElseThrow();
    }

    private OptionalInt evaluate(String source) throws InterruptedException {
        return namespace().evaluate(source);
    }

    private String promptErr() {
        return promptErr.toString(StandardCharsets.UTF_8);
    }
}
