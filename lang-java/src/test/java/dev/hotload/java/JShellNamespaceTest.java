package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hotload.compiled.CompiledReloader;
import dev.hotload.compiled.CompiledSessionHarness;
import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Namespace;
import dev.hotload.watch.ChangeSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The Java prompt: JShell snippets over the program's latest classes, in hotload's JVM. */
class JShellNamespaceTest extends CompiledSessionHarness {

    private static final String LIB = """
            class Lib {
                static int twice(int n) { return 2 * n; }
                static void fail() { throw new IllegalStateException("boom"); }
                public static void main(String[] args) { System.out.println("ran"); }
            }
            """;

    @Override
    protected CompiledReloader reloader() {
        return new JavaReloader();
    }

    @Test
    void aSnippetCallsTheProgramsPackagePrivateMethod() throws Exception {
        Namespace namespace = started();
        namespace.prompts(); // starts JShell in the background

        assertThat(namespace.evaluate("Lib.twice(21)")).isEmpty();
        assertThat(namespace.evaluate("int x = Lib.twice(2);")).isEmpty();

        assertThat(out()).contains("$1 ==> 42\n", "x ==> 4\n");
    }

    @Test
    void afterASaveANewSnippetSeesTheNewCodeAndTheVariablesStay() throws Exception {
        Namespace namespace = started();
        namespace.evaluate("int x = Lib.twice(2);");
        namespace.evaluate("int quad(int n) { return Lib.twice(Lib.twice(n)); }");

        write("Lib.java", LIB.replace("2 * n", "3 * n").replace("static void fail()",
                "static int plusOne(int n) { return n + 1; }\n    static void fail()"));
        assertThat(save(dir.resolve("Lib.java"))).isEqualTo(Outcome.ok());
        namespace.evaluate("Lib.plusOne(x)");
        namespace.evaluate("Lib.twice(1)");
        namespace.evaluate("quad(1)");

        assertThat(out()).contains("|  created method quad(int)\n", "$1 ==> 5\n", "$2 ==> 3\n", "$3 ==> 9\n");
    }

    @Test
    void aFailedSaveKeepsTheLastGoodClasses() throws Exception {
        Namespace namespace = started();

        write("Lib.java", LIB.replace("return 2 * n;", "return 2 * n"));
        assertThat(save(dir.resolve("Lib.java")).kind()).isEqualTo(Outcome.Kind.INVALID);
        namespace.evaluate("Lib.twice(5)");

        assertThat(out()).contains("$1 ==> 10\n");
    }

    @Test
    void aCompileErrorIsPrintedWithItsLineAndCaret() throws Exception {
        Namespace namespace = started();

        assertThat(namespace.evaluate("int y = Lib.nothing();")).isEmpty();

        assertThat(out()).contains("|  Error:\n|  cannot find symbol\n", "|  int y = Lib.nothing();\n|          ^---------^\n");
    }

    @Test
    void anExceptionIsPrintedWithTheProgramsFrames() throws Exception {
        Namespace namespace = started();

        namespace.evaluate("Lib.fail();");

        assertThat(out()).contains("|  Exception java.lang.IllegalStateException: boom\n|        at Lib.fail(Lib.java:3)\n"
                + "|        at (#1:1)\n");
        assertThat(out()).doesNotContain("jdk.jshell", "reflect");
    }

    @Test
    void systemExitEndsWithItsStatus() throws Exception {
        Namespace namespace = started();

        assertThat(namespace.evaluate("System.exit(3);")).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void completesTheProgramsNamesAndAsksForMoreOfAnOpenBlock() throws Exception {
        Namespace namespace = started();

        assertThat(namespace.complete("Lib.tw")).contains("Lib.twice(");
        assertThat(namespace.check("void f() {")).isEqualTo(Namespace.Input.INCOMPLETE);
        assertThat(namespace.check("1 + 1")).isEqualTo(Namespace.Input.COMPLETE);
        assertThat(namespace.prompts()).isEqualTo(new Namespace.Prompts("jshell> ", "   ...> "));
    }

    @Test
    void anInterruptStopsARunningSnippet() throws Exception {
        Namespace namespace = started();
        FutureTask<OptionalInt> evaluation = new FutureTask<>(
                () -> namespace.evaluate("System.out.println(\"looping\"); while (true) { Lib.twice(1); }"));
        Thread prompt = new Thread(evaluation, "prompt");
        prompt.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out().contains("looping"));

        prompt.interrupt();

        assertThatThrownBy(() -> evaluation.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        namespace.evaluate("Lib.twice(4)");
        assertThat(out()).contains("==> 8\n");
    }

    @Test
    void keptValuesAreReachable() throws Exception {
        Path main = write("Main.java", """
                import java.util.concurrent.atomic.AtomicInteger;
                public class Main {
                    public static void main(String[] args) { dev.hotload.Hotload.keep("runs", AtomicInteger::new).incrementAndGet(); }
                }
                """);
        open(Launch.of(main));
        session.run(ChangeSet.initial());
        Namespace namespace = session.namespace().orElseThrow();

        namespace.evaluate("Hotload.keep(\"runs\", () -> null)");

        assertThat(out()).contains("$1 ==> 1\n");
    }

    @Test
    void aVariableOfTheProgramsReplacedClassIsResetAndOthersKept() throws Exception {
        Namespace namespace = started();
        namespace.evaluate("Lib lib = new Lib(); String text = \"kept\";");

        write("Lib.java", LIB.replace("2 * n", "4 * n"));
        save(dir.resolve("Lib.java"));
        namespace.evaluate("lib");
        namespace.evaluate("text");

        assertThat(out()).contains("|  reset to null by the reload, their class replaced: lib\n", "lib ==> null\n",
                "text ==> \"kept\"\n");
    }

    private Namespace started() throws Exception {
        Path lib = write("Lib.java", LIB);
        open(Launch.of(lib));
        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.ok());
        return session.namespace().orElseThrow();
    }
}
