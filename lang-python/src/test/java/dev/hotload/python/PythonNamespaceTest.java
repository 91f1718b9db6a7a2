package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.spi.Launch;
import dev.hotload.spi.Namespace;
import dev.hotload.spi.Namespace.Input;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A prompt in the entry module's globals: Python's console semantics, and the module as the last reload left it. */
class PythonNamespaceTest extends PythonSessionHarness {

    private Namespace open(Path entry) throws Exception {
        open(Launch.of(entry));
        return session.namespace().orElseThrow();
    }

    @Test
    void anExpressionPrintsItsValueAndKeepsItAsUnderscoreInTheModulesGlobals() throws Exception {
        Namespace prompt = open(write("calc.py", "base = 40\ndef add(n):\n    return base + n\n"));
        run();

        assertThat(prompt.evaluate("add(2)")).isEmpty();
        assertThat(prompt.evaluate("_ * 10")).isEmpty();

        assertThat(out()).isEqualTo("42\n420\n");
    }

    @Test
    void afterASaveThePromptCallsTheNewCodeAndKeepsItsOwnVariables() throws Exception {
        Path entry = write("shop.py", "def price(n):\n    return n * 2\n");
        Namespace prompt = open(entry);
        run();
        prompt.evaluate("cart = [1, 2]");
        prompt.evaluate("print(price(sum(cart)))");

        rewrite(entry, "n * 2", "n * 3");
        reload(entry);
        prompt.evaluate("print(price(sum(cart)))");

        assertThat(out()).isEqualTo("6\n9\n");
    }

    @Test
    void aSaveThatDoesNotCompileLeavesTheLastGoodFunctionsAtThePrompt() throws Exception {
        Path entry = write("last_good.py", "def f():\n    return 'good'\n");
        Namespace prompt = open(entry);
        run();
        rewrite(entry, "return 'good'", "return 'bad' +");
        reload(entry);

        prompt.evaluate("print(f())");

        assertThat(out()).isEqualTo("good\n");
    }

    @Test
    void anOpenBlockAsksForMoreLinesUntilABlankOne() throws Exception {
        Namespace prompt = open(write("blocks.py", "x = 1\n"));
        run();

        assertThat(prompt.check("def twice(n):")).isEqualTo(Input.INCOMPLETE);
        assertThat(prompt.check("def twice(n):\n    return 2 * n")).isEqualTo(Input.INCOMPLETE);
        assertThat(prompt.check("def twice(n):\n    return 2 * n\n")).isEqualTo(Input.COMPLETE);
        assertThat(prompt.check("print((1,")).isEqualTo(Input.INCOMPLETE);
        assertThat(prompt.check("x +* 2")).isEqualTo(Input.COMPLETE); // an error more lines would not mend
        prompt.evaluate("def twice(n):\n    return 2 * n\n");
        prompt.evaluate("twice(21)");

        assertThat(out()).isEqualTo("42\n");
    }

    @Test
    void errorsPrintAsTracebacksOfTheTypedLineAndThePromptGoesOn() throws Exception {
        Namespace prompt = open(write("errors.py", "def boom():\n    raise ValueError('no')\n"));
        run();

        assertThat(prompt.evaluate("boom()")).isEmpty();
        assertThat(prompt.evaluate("1 +* 2")).isEmpty();

        assertThat(err()).contains("File \"<stdin>\", line 1, in <module>", "in boom", "ValueError: no", "SyntaxError")
                .doesNotContain("dev.hotload");
    }

    @Test
    void sysExitAndJavasSystemExitAskToEndWithTheirStatus() throws Exception {
        Namespace prompt = open(write("quits.py", "import sys\n"));
        run();

        assertThat(prompt.evaluate("sys.exit(3)")).isEqualTo(OptionalInt.of(3));
        assertThat(prompt.evaluate("sys.exit()")).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void anInterruptStopsAnEvaluationThatWaits() throws Exception {
        Namespace prompt = open(write("waits.py", "import time\n"));
        run();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread evaluating = new Thread(() -> {
            try {
                prompt.evaluate("time.sleep(600)");
                ended.set(new AssertionError("returned"));
            } catch (InterruptedException e) {
                ended.set(e);
            }
        });
        evaluating.start();
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> evaluating.getState() == Thread.State.TIMED_WAITING);

        evaluating.interrupt();
        evaluating.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void completionOffersTheModulesNamesBuiltinsAndMembersWithoutRunningGetters() throws Exception {
        Namespace prompt = open(write("names.py", """
                import os
                total_count = 1
                class Probe(object):
                    calls = 0
                    @property
                    def value(self):
                        Probe.calls += 1
                        return 1
                probe = Probe()
                """));
        run();

        assertThat(prompt.complete("total")).containsExactly("total_count");
        assertThat(prompt.complete("len")).contains("len");
        assertThat(prompt.complete("os.pa")).contains("os.path", "os.pardir");
        assertThat(prompt.complete("probe.va")).containsExactly("probe.value");
        assertThat(prompt.complete("probe.value.re")).isEmpty(); // would call the getter
        prompt.evaluate("print(Probe.calls)");
        assertThat(out()).isEqualTo("0\n");
    }
}
