package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Jython session in process: import once, reload in place, errors as outcomes. */
class PythonSessionTest extends PythonSessionHarness {

    @Test
    void theEntryIsImportedOnceThenReloadedInPlaceKeepingItsState() throws Exception {
        Path entry = write("state_kept.py", """
                try:
                    runs = runs + 1
                except NameError:
                    runs = 1
                print("run %d, %s" % (runs, "A"))
                """);
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.ok());
        rewrite(entry, "\"A\"", "\"B\"");
        assertThat(reload(entry)).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("run 1, A\nrun 2, B\n");
    }

    @Test
    void twoSavesWithTheSameTimestampEachRunTheirOwnContent() throws Exception {
        Path entry = write("same_time.py", "print('one')\n");
        FileTime stamp = Files.getLastModifiedTime(entry);
        open(Launch.of(entry));
        run();
        Files.writeString(entry, "print('two')\n");
        Files.setLastModifiedTime(entry, stamp);
        reload(entry);
        assertThat(out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void noCompiledClassFileIsWrittenBesideTheSources() throws Exception {
        write("helper_mod.py", "value = 1\n");
        Path entry = write("uses_helper.py", "import helper_mod\nprint(helper_mod.value)\n");
        open(Launch.of(entry));
        run();
        reload(entry);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("helper_mod.py", "uses_helper.py");
        }
    }

    @Test
    void errorsArePythonTracebacksAndTheNextGoodSaveRuns() throws Exception {
        Path entry = write("broken.py", "print('fine')\n");
        open(Launch.of(entry));
        run();
        Files.writeString(entry, "def f():\n    return missing\nf()\n");
        assertThat(reload(entry)).isEqualTo(Outcome.failed("NameError"));
        assertThat(err()).contains("Traceback (most recent call last)", "line 2, in f", "NameError");
        Files.writeString(entry, "x = 1\ny = x +* 2\n");
        Outcome syntaxError = reload(entry);
        assertThat(syntaxError.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(syntaxError.detail()).isEqualTo("SyntaxError");
        assertThat(syntaxError.diagnostics()).contains("broken.py\", line 2", "    y = x +* 2\n", "^", "SyntaxError");
        Files.writeString(entry, "print('fixed')\n");
        assertThat(reload(entry)).isEqualTo(Outcome.ok());
        assertThat(out()).endsWith("fixed\n");
    }

    @Test
    void aSourceWithoutCodingLineIsUtf8AndACodingLineIsHonoured() throws Exception {
        Path entry = write("accents.py", "s = 'caf\u00e9'\nu = u'caf\u00e9'\nprint('%d %d' % (len(s), len(u)))\n");
        open(Launch.of(entry));
        // As with "# coding: utf-8": a str of UTF-8 bytes, a unicode of characters.
        assertThat(run()).isEqualTo(Outcome.ok());
        assertThat(out()).endsWith("5 4\n");
        Files.write(entry, "# -*- coding: latin-1 -*-\nprint(len('caf\u00e9'))\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reload(entry)).isEqualTo(Outcome.ok());
        assertThat(out()).endsWith("4\n");
    }

    @Test
    void bytesThatDoNotDecodeAreASyntaxErrorAtTheirFileLineAndColumn() throws Exception {
        Path entry = write("latin.py", "print('fine')\n");
        open(Launch.of(entry));
        run();
        Files.write(entry, "x = 1\ns = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Outcome undecodable = reload(entry);
        assertThat(undecodable.detail()).isEqualTo("SyntaxError");
        assertThat(undecodable.diagnostics())
                .contains("latin.py\", line 2\n", "    s = 'caf\\xe9'\n            ^\n",
                        "SyntaxError: byte 0xe9 is not UTF-8, and no coding line (PEP 263) names another encoding")
                .doesNotContain("<string>", "line None");
        Files.write(entry, "# coding: ascii\ns = 'caf\u00e9'\n".getBytes(StandardCharsets.UTF_8));
        assertThat(reload(entry).diagnostics()).contains("latin.py\", line 2\n",
                "SyntaxError: byte 0xc3 is not ascii, the encoding its coding line names");
    }

    @Test
    void python3SyntaxGetsALineSayingHotloadRunsPython27InTheEntryAndInAnImport() throws Exception {
        Path entry = write("modern.py", "x = 5\nprint(f'Result: {x}')\n");
        open(Launch.of(entry));
        Outcome fString = run();
        assertThat(fString.detail()).isEqualTo("SyntaxError");
        assertThat(fString.diagnostics()).contains("modern.py\", line 2", "no viable alternative")
                .endsWith("hotload: hotload runs Python 2.7 (Jython): f-strings are Python 3; in 2.7: '{}'.format(x) or '%s' % x\n");
        write("helper.py", "def f():\n    n = 0\n    def g():\n        nonlocal n\n    return g\n");
        Files.writeString(entry, "import helper\n");
        assertThat(reload(entry)).isEqualTo(Outcome.failed("SyntaxError"));
        assertThat(err()).contains("helper.py\", line 4", "hotload: hotload runs Python 2.7 (Jython): nonlocal is Python 3");
        Files.writeString(entry, "x = 1\ny = x +* 2\n");
        assertThat(reload(entry).diagnostics()).doesNotContain("Python 2.7");
    }

    @Test
    void aJavaExceptionThrownThroughUserCodeIsAFailedRunWithATrace() throws Exception {
        Path entry = write("calls_java.py", """
                from java.lang import Integer
                def parse():
                    return Integer.parseInt('not a number')
                parse()
                """);
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.failed("NumberFormatException"));
        assertThat(err()).contains("line 3, in parse", "NumberFormatException", "not a number");
        Files.writeString(entry, "print('recovered')\n");
        assertThat(reload(entry)).isEqualTo(Outcome.ok());
    }

    @Test
    void aModuleThatNeverEndsGoesOnInTheBackgroundAndTheNextSaveReplacesIt() throws Exception {
        Path entry = write("forever.py", "import time\nprint('started')\nwhile True:\n    time.sleep(0.01)\n");
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.ok());
        assertThat(err()).contains("forever.py is still running after 500 ms");
        Files.writeString(entry, "print('replaced')\n");

        assertThat(reload(entry)).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("started\nreplaced\n");
        // That one line, and no trace of the stop.
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void aBusyLoopThatIgnoresTheInterruptIsStoppedByTheNextSave() throws Exception {
        Path entry = write("spin.py", "print('spinning')\nwhile True:\n    pass\n");
        open(Launch.of(entry));
        run();
        Files.writeString(entry, "print('replaced')\n");

        assertThat(reload(entry)).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("spinning\nreplaced\n");
        // Told in one line after the first run's: no warning of Jython's, no trace of the stop.
        assertThat(err().lines()).containsExactly(
                "hotload: spin.py is still running after 500 ms; it goes on in the background until the next save (said once)",
                "hotload: the previous spin.py did not end within 2000 ms of an interrupt; stopped it");
    }

    @Test
    void keyboardInterruptInUserCodeStopsTheLoopLikeCtrlC() throws Exception {
        Path entry = write("interrupts.py", "raise KeyboardInterrupt\n");
        open(Launch.of(entry));
        assertThatThrownBy(this::run).isInstanceOf(InterruptedException.class);
        assertThat(err()).isEmpty();
    }

    @Test
    void nothingOfTheUsersCodeRunsWhenTheSessionOpens() throws Exception {
        write("os.py", "print('the user os.py ran')\n");
        Path entry = write("quiet_open.py", "print('entry ran')\n");
        open(Launch.of(entry));
        assertThat(out()).isEmpty();
        assertThat(run()).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("entry ran\n");
    }

    @Test
    void aHelperReloadedByTheUsersOwnReloadCallIsExactToo() throws Exception {
        Path helper = write("helper_own.py", "value = 'one'\n");
        Path entry = write("reloads_helper.py", "import helper_own\nreload(helper_own)\nprint(helper_own.value)\n");
        FileTime stamp = Files.getLastModifiedTime(helper);
        open(Launch.of(entry));
        run();
        Files.writeString(helper, "value = 'two'\n");
        Files.setLastModifiedTime(helper, stamp);
        reload(entry);
        assertThat(out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void sysExitIsTheRunsExitStatusNotTheEndOfTheJvm() throws Exception {
        Path entry = write("exits.py", "import sys\nsys.exit(3)\n");
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.exited(3));
        Files.writeString(entry, "import sys\nsys.exit()\n");
        assertThat(reload(entry)).isEqualTo(Outcome.exited(0));
        Files.writeString(entry, "import sys\nsys.exit('bye now')\n");
        assertThat(reload(entry)).isEqualTo(Outcome.exited(1));
        assertThat(err()).contains("bye now");
    }

    @Test
    void recursiveReloadsAChangedImportedModuleBeforeTheEntry() throws Exception {
        Path helper = write("mymath_r.py", "def f(x):\n    return x * x\n");
        Path entry = write("lib_r.py", "import mymath_r\nprint(mymath_r.f(3))\n");
        open(Launch.of(entry).recursive(true));
        run();
        Files.writeString(helper, "def f(x):\n    return x + 100\n");
        session.run(changed(helper));
        assertThat(out()).isEqualTo("9\n103\n");
    }

    @Test
    void withoutRecursiveAChangedImportedModuleIsNotReloaded() throws Exception {
        Path helper = write("mymath_n.py", "def f(x):\n    return x * x\n");
        Path entry = write("lib_n.py", "import mymath_n\nprint(mymath_n.f(3))\n");
        open(Launch.of(entry));
        run();
        Files.writeString(helper, "def f(x):\n    return x + 100\n");
        Outcome outcome = session.run(changed(helper));
        assertThat(out()).isEqualTo("9\n9\n");
        // Said so, with the way to get it: not "reloaded", which the old result would belie.
        assertThat(outcome).isEqualTo(Outcome.ok().withUpdate(
                "lib_n.py re-ran with the old mymath_n.py (imports reload with --recursive)"));
    }

    @Test
    void aSavedFileTheEntryDoesNotImportIsNoStaleImport() throws Exception {
        Path data = write("notes_n.py", "x = 1\n");
        Path entry = write("alone_n.py", "print('alone')\n");
        open(Launch.of(entry));
        run();
        assertThat(session.run(changed(data))).isEqualTo(Outcome.ok());
    }

    @Test
    void theEntrypointIsCalledAfterEachRun() throws Exception {
        Path entry = write("with_main.py", "def main():\n    print('main called')\n");
        open(Launch.of(entry).entrypoint("main"));
        assertThat(run()).isEqualTo(Outcome.ok());
        Files.writeString(entry, "def main():\n    print('new main called')\n");
        assertThat(reload(entry)).isEqualTo(Outcome.ok().withUpdate("patched in place (1 function)"));
        assertThat(out()).isEqualTo("main called\nnew main called\n");
    }

    @Test
    void aMissingEntrypointIsNamedAndAddingItLaterWorks() throws Exception {
        Path entry = write("without_main.py", "def other():\n    pass\n");
        open(Launch.of(entry).entrypoint("main"));
        assertThat(run().kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(err()).contains("hotload: module 'without_main' (without_main.py) has no function 'main'");
        Files.writeString(entry, "def main():\n    print('now there')\n");
        assertThat(reload(entry)).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("now there\n");
    }

    @Test
    void anEntryInsideAPackageIsImportedByItsDottedName() throws Exception {
        write("pkg_e/__init__.py", "");
        write("pkg_e/helper.py", "name = 'helper'\n");
        Path entry = write("pkg_e/app.py", "from . import helper\nprint(__name__ + ' uses ' + helper.name)\n");
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("pkg_e.app uses helper\n");
    }

    @Test
    void aFileNameThatIsNoIdentifierIsStillAModuleButADotInItIsRefused() throws Exception {
        Path script = write("my script-1.py", "print('ran as ' + __name__)\n");
        open(Launch.of(script));
        assertThat(run()).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("ran as my script-1\n");

        Path dotted = write("my.script.py", "print(1)\n");
        assertThatThrownBy(() -> new PythonReloader().open(Launch.of(dotted).build()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("my.script.py")
                .hasMessageContaining("my_script.py");
    }

    @Test
    void closeRunsTheAtexitHandlersOnceAndSysExitInThemDoesNotEndTheJvm() throws Exception {
        Path entry = write("with_atexit.py", """
                import atexit, sys
                def cleanup():
                    print('cleanup ran')
                    sys.exit(5)
                atexit.register(cleanup)
                """);
        open(Launch.of(entry));
        run();
        session.close();
        session.close();
        assertThat(out()).isEqualTo("cleanup ran\n");
    }

    @Test
    void aMissingEntryOrAFolderIsRefusedClearly() {
        assertThatThrownBy(() -> new PythonReloader().open(Launch.of(dir.resolve("absent.py")).build()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("no such file")
                .hasMessageContaining("absent.py");
        assertThatThrownBy(() -> new PythonReloader().open(Launch.of(dir).build()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void argumentsReachSysArgv() throws Exception {
        Path entry = write("argv_check.py", "import sys\nprint(sys.argv[1:])\n");
        open(Launch.of(entry).args(List.of("--verbose", "two words")));
        run();
        assertThat(out()).isEqualTo("['--verbose', 'two words']\n");
    }

    @Test
    void aRunThatClosedItsStreamsLeavesTheNextSyntaxErrorAndRunHeard() throws Exception {
        Path entry = write("closes.py", "import sys\nsys.stdout.close()\nsys.stderr = None\n");
        open(Launch.of(entry));
        assertThat(run()).isEqualTo(Outcome.ok());

        Files.writeString(entry, "x = (1 +\n");
        Outcome broken = reload(entry);
        Files.writeString(entry, "print('heard again')\n");
        Outcome next = reload(entry);

        assertThat(broken.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(broken.diagnostics()).contains("SyntaxError");
        assertThat(next).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("heard again\n");
    }

    @Test
    void anErrorRaisedAfterClosingStdoutIsStillATraceback() throws Exception {
        Path entry = write("closes_then_fails.py", "import sys\nsys.stdout.close()\nraise ValueError('after close')\n");
        open(Launch.of(entry));

        assertThat(run()).isEqualTo(Outcome.failed("ValueError"));
        assertThat(err()).contains("Traceback", "ValueError: after close").doesNotContain("dev.hotload");
    }
}
