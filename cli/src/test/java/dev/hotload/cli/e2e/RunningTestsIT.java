package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.testsupport.NestedMaven;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hotload --test}: a project's tests on every save, only those the save can affect, told as a user reads
 * them; a test that exits or fails never ends the session.
 */
class RunningTestsIT {

    @TempDir
    Path dir;

    @Test
    void aSaveRunsTheTestsThatUseTheSavedClassAndTellsFailuresThenFixes() throws Exception {
        Path project = NestedMaven.copy(HotloadProcess.home().resolve("examples/tests"), dir.resolve("tests"));
        Path calc = project.resolve("src/main/java/calc/Calc.java");
        try (HotloadProcess hotload = HotloadProcess.hotload(project, "--test")) {
            hotload.awaitErr("testing all 4 test classes", START);
            assertThat(hotload.awaitErr("8 tests passed in", START)).contains("started");

            // Saved as most editors save: no line end at the end of the file.
            Files.writeString(calc, Files.readString(calc).replace("a + b", "a - b").strip());
            assertThat(hotload.awaitErr("hotload: testing", RELOAD)).endsWith("testing CalcTest, ParserTest");
            assertThat(hotload.awaitErr("FAILED CalcTest.addsTwoNumbers", RELOAD))
                    .isEqualTo("FAILED CalcTest.addsTwoNumbers: expected: <5> but was: <-1>");
            assertThat(hotload.awaitErr("    at ", RELOAD)).isEqualTo("    at calc.CalcTest.addsTwoNumbers(CalcTest.java:11)");
            assertThat(hotload.awaitErr("Calc.java changed", RELOAD)).matches("hotload: Calc.java changed, 6 tests, 2 failed, in .*; waiting for the next save");

            Files.writeString(calc, Files.readString(calc).replace("a - b", "a + b"));
            hotload.awaitErr("fixed: CalcTest.addsTwoNumbers", RELOAD);
            assertThat(hotload.awaitErr("Calc.java changed", RELOAD)).contains("6 tests passed in");

            Path slow = project.resolve("src/test/java/calc/SlowTest.java");
            Files.writeString(slow, Files.readString(slow).replace("Thread.sleep(2000);", "System.exit(3);"));
            assertThat(hotload.awaitErr("FAILED SlowTest.takesItsTime", RELOAD)).contains("called System.exit(3)");
            assertThat(hotload.awaitErr("SlowTest.java changed", RELOAD)).contains(", 1 test, 1 failed, in ").endsWith("; waiting for the next save");

            Path greeting = project.resolve("src/main/java/calc/Greeting.java");
            Files.writeString(greeting, Files.readString(greeting).replace("Hello, ", "Hi, "));
            assertThat(hotload.awaitErr("hotload: testing", RELOAD)).endsWith("testing GreetingTest");
            hotload.awaitErr("FAILED GreetingTest.greetsByName: expected: <Hello, you!> but was: <Hi, you!>", RELOAD);
        }
    }

    @Test
    void aSaveOfALeafClassInATreeOfFiftyTestClassesRunsOnlyTheTwoThatUseIt() throws Exception {
        Files.writeString(dir.resolve("Leaf.java"), "public class Leaf { static int one() { return 1; } }");
        Files.writeString(dir.resolve("Mid.java"), "public class Mid { static int two() { return Leaf.one() + 1; } }");
        Files.writeString(dir.resolve("LeafTest.java"), testClass("LeafTest", "Leaf.one()", 1));
        Files.writeString(dir.resolve("MidTest.java"), testClass("MidTest", "Mid.two()", 2));
        for (int i = 0; i < 48; i++) {
            Files.writeString(dir.resolve("Other" + i + ".java"), "public class Other" + i + " { static int n() { return " + i + "; } }");
            Files.writeString(dir.resolve("Other" + i + "Test.java"), testClass("Other" + i + "Test", "Other" + i + ".n()", i));
        }
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--test", ".")) {
            hotload.awaitErr("testing all 50 test classes", START);
            hotload.awaitErr("50 tests passed in", START);

            Files.writeString(dir.resolve("Leaf.java"), "public class Leaf { static int one() { return 1; /* saved */ } }");
            assertThat(hotload.awaitErr("hotload: testing", RELOAD)).endsWith("testing LeafTest, MidTest");
            assertThat(hotload.awaitErr("Leaf.java changed", RELOAD)).contains("2 tests passed in");
        }
    }

    @Test
    void groovyTestsOfAProjectRunTheSameWay() throws Exception {
        Path main = Files.createDirectories(dir.resolve("src/main/groovy"));
        Path test = Files.createDirectories(dir.resolve("src/test/groovy"));
        Files.writeString(main.resolve("Calc.groovy"), "class Calc {\n    static int add(int a, int b) { a + b }\n}\n");
        Files.writeString(main.resolve("Other.groovy"), "class Other { }\n");
        Files.writeString(test.resolve("CalcTest.groovy"), "import org.junit.jupiter.api.Test\n"
                + "import static org.junit.jupiter.api.Assertions.assertEquals\n"
                + "class CalcTest {\n    @Test\n    void adds() { assertEquals(5, Calc.add(2, 3)) }\n}\n");
        Files.writeString(test.resolve("OtherTest.groovy"), "import org.junit.jupiter.api.Test\n"
                + "class OtherTest {\n    @Test\n    void exists() { assert new Other() != null }\n}\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--test")) {
            hotload.awaitErr("2 tests passed in", START);

            Files.writeString(main.resolve("Calc.groovy"), "class Calc {\n    static int add(int a, int b) { a - b }\n}");
            assertThat(hotload.awaitErr("hotload: testing", RELOAD)).endsWith("testing CalcTest");
            assertThat(hotload.awaitErr("FAILED CalcTest.adds", RELOAD)).endsWith("expected: <5> but was: <-1>");
            assertThat(hotload.awaitErr("    at ", RELOAD)).isEqualTo("    at CalcTest.adds(CalcTest.groovy:5)");
        }
    }

    @Test
    void onceRunsEveryTestAndExitsWithTheirVerdict() throws Exception {
        Files.writeString(dir.resolve("Sum.java"), "public class Sum { static int of(int a, int b) { return a + b; } }");
        Files.writeString(dir.resolve("SumTest.java"), testClass("SumTest", "Sum.of(2, 2)", 5));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--test", "--once")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(1);
            assertThat(hotload.stderrLines()).contains("FAILED SumTest.works: expected: <5> but was: <4>",
                    "    at SumTest.works(SumTest.java:1)");
            assertThat(hotload.stderrLines()).anyMatch(line -> line.matches("hotload: 1 test, 1 failed, in .*"));
        }
        Files.writeString(dir.resolve("SumTest.java"), testClass("SumTest", "Sum.of(2, 2)", 4));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--test-all", "--once")) {
            assertThat(hotload.awaitExit(START)).isZero();
            assertThat(hotload.stderrLines()).anyMatch(line -> line.matches("hotload: 1 test passed in .*"));
        }
        // A folder with no tests at all is a mistake in a CI step, not a pass.
        Files.delete(dir.resolve("SumTest.java"));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--test", "--once")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(1);
            assertThat(hotload.stderrLines()).anyMatch(line -> line.matches("hotload: the test run failed in .* \\(no test classes\\)"));
        }
    }

    @Test
    void pythonTestModulesThatImportTheSavedModuleRunInTheLiveInterpreter() throws Exception {
        Path project = NestedMaven.copy(HotloadProcess.home().resolve("examples/python/tests"), dir.resolve("tests"));
        Path calc = project.resolve("calc.py");
        try (HotloadProcess hotload = HotloadProcess.hotload(project, "--test")) {
            hotload.awaitErr("testing all 3 test modules", START);
            hotload.awaitErr("3 tests passed in", START);

            Files.writeString(calc, "def add(a, b):\n    return a - b"); // no line end at the end
            assertThat(hotload.awaitErr("hotload: testing", RELOAD)).endsWith("testing test_calc, test_parser");
            assertThat(hotload.awaitErr("FAILED test_calc.CalcTest.test_adds", RELOAD)).endsWith(": AssertionError: 5 != -1");
            assertThat(hotload.awaitErr("  File ", RELOAD)).isEqualTo("  File \"test_calc.py\", line 6, in test_adds");
            assertThat(hotload.awaitErr("calc.py changed", RELOAD)).contains(", 2 tests, 2 failed, in ").endsWith("; waiting for the next save");

            Files.writeString(calc, "def add(a, b):\n    return a + b\n");
            hotload.awaitErr("fixed: test_calc.CalcTest.test_adds", RELOAD);
            assertThat(hotload.awaitErr("calc.py changed", RELOAD)).contains("2 tests passed in");

            Files.writeString(project.resolve("test_exit.py"),
                    "import unittest, sys, os\nclass ExitTest(unittest.TestCase):\n    def test_exits(self):\n        sys.exit(3)\n"
                    + "    def test_os_exit(self):\n        os._exit(4)\n");
            assertThat(hotload.awaitErr("FAILED test_exit.ExitTest.test_exits", RELOAD)).endsWith(": SystemExit: 3");
            assertThat(hotload.awaitErr("FAILED test_exit.ExitTest.test_os_exit", RELOAD))
                    .endsWith(": called Runtime.exit(4), which ends the test, not hotload");
            assertThat(hotload.awaitErr("test_exit.py changed", RELOAD)).contains(", 2 tests, 2 failed, in ").endsWith("; waiting for the next save");

            Path greeting = project.resolve("greeting.py");
            Files.writeString(greeting, Files.readString(greeting).replace("Hello", "Hi"));
            assertThat(hotload.awaitErr("hotload: testing", RELOAD)).endsWith("testing test_greeting");
            hotload.awaitErr("FAILED test_greeting.GreetingTest.test_greets", RELOAD);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--test no-such-folder      | --test takes a project's folder, and 'no-such-folder' is not there",
        "--test Lib.java            | --test takes a project's folder, and 'Lib.java' is not one",
        "--test empty               | --test: no sources of groovy, java, python in",
        "--test mixed               | holds sources of groovy and java; hotload runs one language per program",
        "Lib.java --test .          | --test runs a project's tests; it does not take an ENTRY ('Lib.java')",
        "--test . --repl            | --test runs a project's tests; it does not take --repl",
        "--test-all no-such-folder  | --test takes a project's folder, and 'no-such-folder' is not there",
    })
    void badInputIsOneLineAndStatusTwo(String args, String message) throws Exception {
        Files.writeString(dir.resolve("Lib.java"), "public class Lib { }");
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(dir.resolve("mixed/A.java"), "class A { }");
        Files.writeString(dir.resolve("mixed/B.groovy"), "class B { }");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, args.trim().split(" +"))) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).singleElement().asString().startsWith("hotload: ").contains(message);
        }
    }

    /** @return a test class, on one line, whose one test {@code works} checks that {@code expression} is {@code expected} */
    private static String testClass(String name, String expression, int expected) {
        return "import org.junit.jupiter.api.Test; import static org.junit.jupiter.api.Assertions.assertEquals; "
                + "class " + name + " { @Test void works() { assertEquals(" + expected + ", " + expression + "); } }";
    }
}
