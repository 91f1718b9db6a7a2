package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user working on Groovy scripts with {@code bin/hotload}: save, and see the new output. */
class GroovyReloadIT {

    @TempDir
    Path dir;

    @Test
    void aSavedScriptRunsAgainInTheSameJvm() throws Exception {
        Path lib = copyExample("lib.groovy");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, lib.toString())) {
            hotload.awaitOut("Result: 25", START);
            assertThat(hotload.awaitErr("watching", START)).contains(dir.toRealPath().toString(), ".groovy");
            Files.writeString(lib, Files.readString(lib).replace("x = 3", "x = 4"));
            hotload.awaitOut("Result: 32", RELOAD);
            assertThat(hotload.awaitErr("lib.groovy changed, reloaded in", RELOAD)).startsWith("hotload: ");
        }
    }

    @Test
    void anEditedHelperIsRecompiledAndTheScriptSeesItOnTheNextRun() throws Exception {
        Path main = copyExample("greeter/main.groovy");
        Path greeter = copyExample("greeter/Greeter.groovy");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, main.toString(), "--", "hotload user")) {
            hotload.awaitOut("Hello, hotload user!", START);
            Files.writeString(greeter, Files.readString(greeter).replace("\"$greeting, $who!\"", "\"$greeting, dear $who!\""));
            hotload.awaitOut("Hello, dear hotload user!", RELOAD);
            assertThat(hotload.awaitErr("changed", RELOAD)).contains("Greeter.groovy changed, reloaded");
        }
    }

    @Test
    void theBindingKeepsStateAcrossSaves() throws Exception {
        Path state = copyExample("state/state.groovy");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, state.toString())) {
            hotload.awaitOut("constant 42, run 1", START);
            Files.writeString(state, Files.readString(state).replace("\"constant $constant, run $runs\"", "\"run $runs, constant $constant\""));
            hotload.awaitOut("run 1 unloaded", RELOAD);
            hotload.awaitOut("run 2, constant 42", RELOAD);
            assertThat(hotload.stdoutLines()).filteredOn("computing..."::equals).hasSize(1);
        }
    }

    @Test
    void aCompileErrorNamesFileLineAndColumnAndTheNextGoodSaveRuns() throws Exception {
        write("lib.groovy", "println 'good'\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.groovy")) {
            hotload.awaitOut("good", START);
            write("lib.groovy", "println 'good'\nprintln(1 +\n");
            hotload.awaitErr("lib.groovy:2:8: error: Unexpected input: '('", RELOAD);
            hotload.awaitErr("println(1 +", RELOAD);
            assertThat(hotload.awaitErr("^", RELOAD)).isEqualTo("       ^");
            hotload.awaitErr("failed in", RELOAD);
            write("lib.groovy", "println 'fixed'\n");
            hotload.awaitOut("fixed", RELOAD);
            assertThat(String.join("\n", hotload.stderrLines())).contains("(compile error)").doesNotContain("\tat ");
        }
    }

    @Test
    void anExceptionPrintsTheScriptsFramesOnlyAndTheSessionGoesOn() throws Exception {
        write("lib.groovy", "def check(n) {\n  if (n > 1) throw new IllegalArgumentException(\"too big: $n\")\n}\ncheck(2)\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.groovy")) {
            hotload.awaitErr("Caught: java.lang.IllegalArgumentException: too big: 2", START);
            hotload.awaitErr("at lib.check(lib.groovy:2)", RELOAD);
            hotload.awaitErr("at lib.run(lib.groovy:4)", RELOAD);
            // "first run failed in ...", or "lib.groovy failed (...)" from a first run that outlasted 500 ms: Groovy's
            // first dynamic calls take that long on a busy machine.
            hotload.awaitErr("failed", RELOAD);
            assertThat(String.join("\n", hotload.stderrLines())).doesNotContain("org.codehaus", "dev.hotload", "java.lang.invoke");
            write("lib.groovy", "println 'recovered'\n");
            hotload.awaitOut("recovered", RELOAD);
        }
    }

    @Test
    void systemExitEndsTheRunNotTheSession() throws Exception {
        write("lib.groovy", "println 'before exit'\nSystem.exit(3)\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "lib.groovy")) {
            hotload.awaitOut("before exit", START);
            hotload.awaitErr("exited with status 3", RELOAD);
            write("lib.groovy", "println 'still here'\n");
            hotload.awaitOut("still here", RELOAD);
        }
    }

    @Test
    void onceRunsOnceAndExitsWithTheRunsStatus() throws Exception {
        write("ok.groovy", "println 'ok'");
        write("fails.groovy", "throw new IllegalStateException()");
        write("exits.groovy", "System.exit(7)");
        write("broken.groovy", "def x = {");
        write("slow.groovy", "Thread.sleep(800)\nSystem.exit(4)");
        assertThat(runOnce("ok.groovy")).isZero();
        assertThat(runOnce("fails.groovy")).isEqualTo(1);
        assertThat(runOnce("exits.groovy")).isEqualTo(7);
        assertThat(runOnce("broken.groovy")).isEqualTo(1);
        assertThat(runOnce("slow.groovy")).isEqualTo(4);
    }

    @Test
    void entrypointCallsAMethodOfTheScriptAfterEachRun() throws Exception {
        write("app.groovy", "println 'loaded'\ndef render() { println \"rendered ${args.toList()}\" }\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "--entrypoint", "render", "app.groovy", "--", "a")) {
            assertThat(hotload.awaitExit(START)).isZero();
            assertThat(hotload.stdoutLines()).containsExactly("loaded", "rendered [a]");
        }
    }

    @Test
    void aScriptThatNeverReturnsIsStoppedAndReplacedOnSave() throws Exception {
        String source = "println 'ticker VERSION started'\nwhile (true) { Thread.sleep(20) }\n";
        write("ticker.groovy", source.replace("VERSION", "one"));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "ticker.groovy")) {
            hotload.awaitOut("ticker one started", START);
            hotload.awaitErr("still running", START);
            write("ticker.groovy", source.replace("VERSION", "two"));
            hotload.awaitOut("ticker two started", RELOAD);
            // The save's status line comes after anything the stop of the first run printed. The script's body is
            // the loop that changed, so it cannot be redefined in place: it is restarted.
            hotload.awaitErr("ticker.groovy changed, restarted (ticker.run is running and would not see the change)",
                    RELOAD);
            assertThat(String.join("\n", hotload.stderrLines())).doesNotContain("did not end", "InterruptedException");
        }
    }

    @Test
    void librariesOnTheClassPathAreUsableFromTheScript() throws Exception {
        Path source = dir.resolve("libsrc/lib/Tally.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package lib; public class Tally { public static int count; }");
        Path classes = Files.createDirectories(dir.resolve("libs"));
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        String script = "println \"VERSION ${++lib.Tally.count}\"\n";
        write("app/app.groovy", script.replace("VERSION", "one"));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "-cp", classes.toString(), "app/app.groovy")) {
            hotload.awaitOut("one 1", START);
            write("app/app.groovy", script.replace("VERSION", "two"));
            hotload.awaitOut("two 2", RELOAD);
        }
    }

    private int runOnce(String entry) throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", entry)) {
            return hotload.awaitExit(START);
        }
    }

    /** @return the copy, in this test's folder, of an example from examples/groovy */
    private Path copyExample(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.getParent());
        return Files.copy(HotloadProcess.home().resolve("examples/groovy").resolve(name), copy);
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
