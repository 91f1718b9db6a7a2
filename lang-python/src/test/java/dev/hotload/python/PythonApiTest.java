package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.python.core.Py;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/** The original's Python API, {@code import hotload}, driven from a Jython interpreter as a launch script would. */
class PythonApiTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private PythonInterpreter python;

    @BeforeAll
    static void jythonWithoutPackageCache() {
        // Else Jython may create .jython_cache in the working folder; a no-op if another test started Jython.
        Properties options = new Properties();
        options.setProperty("python.cachedir.skip", "true");
        PySystemState.initialize(System.getProperties(), options);
    }

    @BeforeEach
    void interpreter() {
        PySystemState sys = new PySystemState();
        sys.path.insert(0, Py.newStringOrUnicode(dir.toString()));
        python = new PythonInterpreter(null, sys);
        python.setOut(out);
        python.setErr(err);
        python.set("folder", Py.newStringOrUnicode(dir.toString()));
    }

    @AfterEach
    void stop() {
        python.exec("try:\n    handle.stop()\nexcept NameError:\n    pass\n");
        python.close();
    }

    @Test
    void listfilesFindsFilesByEndingUnderAFolder() throws Exception {
        write("a.py", "");
        write("sub/b.py", "");
        write("notes.txt", "");
        python.exec("import hotload, os\n"
                + "print(sorted(os.path.relpath(f, folder) for f in hotload.listfiles(folder, ext='.py')))\n");
        assertThat(out.toString()).isEqualTo("['a.py', 'sub/b.py']\n");
    }

    @Test
    void aSubclassesHooksRunAroundEveryReloadAsInThePostReloadHookExample() throws Exception {
        Path mymath = write("mymath_api.py", "def teststuff():\n    print('teststuff 1')\n");
        python.exec("""
                import hotload
                class MathReloader(hotload.ReloadedPythonModule):
                    def pre_reload_hook(self, mod):
                        print('pre ' + mod.__name__)
                    def post_reload_hook(self, mod):
                        mod.teststuff()
                handle = hotload.start(watch=[hotload.listfiles(folder, ext='.py')],
                                       steps=[MathReloader.from_module_name('mymath_api')])
                """);
        await().atMost(DEADLINE).until(() -> out.toString().contains("teststuff 1"));
        Files.writeString(mymath, "def teststuff():\n    print('teststuff 2')\n");
        await().atMost(DEADLINE).until(() -> out.toString().contains("teststuff 2"));
        assertThat(out.toString()).contains("pre mymath_api\nteststuff 1\npre mymath_api\nteststuff 2\n");
    }

    @Test
    void reloadModulesReloadsTheChangedHelperBeforeTheMainModule() throws Exception {
        Path helper = write("helper_api.py", "def f():\n    return 'helper 1'\n");
        write("main_api.py", "import helper_api\nprint('main sees ' + helper_api.f())\n");
        python.exec("""
                import hotload
                main = hotload.ReloadedPythonModule.from_module_name('main_api')
                handle = hotload.start(watch=[hotload.listfiles(folder, ext='.py')],
                                       steps=[hotload.ReloadModules(main.module), main])
                """);
        await().atMost(DEADLINE).until(() -> out.toString().contains("main sees helper 1"));
        Files.writeString(helper, "def f():\n    return 'helper 2'\n");
        await().atMost(DEADLINE).until(() -> out.toString().contains("main sees helper 2"));
    }

    @Test
    void aFailingStepPrintsItsTracebackAndTheOtherStepsAndSavesStillRun() throws Exception {
        Path watched = write("watched.py", "");
        Path marker = dir.resolve("command-ran");
        python.set("marker", Py.newStringOrUnicode(marker.toString()));
        python.exec("""
                import hotload, sys
                runs = []
                def fails():
                    raise ValueError('step broke')
                def exits():
                    sys.exit(4)
                def counts():
                    runs.append(1)
                    print('run %d' % len(runs))
                handle = hotload.start(watch=[[folder + '/watched.py']],
                                       steps=[hotload.PythonHandle(fails), hotload.PythonHandle(exits),
                                              hotload.Command('touch "%s"' % marker), hotload.ClearTerminal(),
                                              hotload.PythonHandle(counts)])
                """);
        await().atMost(DEADLINE).until(() -> out.toString().contains("run 1"));
        Files.writeString(watched, "# saved\n");
        await().atMost(DEADLINE).until(() -> out.toString().contains("run 2"));
        assertThat(err.toString()).contains("Error running", "ValueError: step broke");
        // The host's stream is no terminal: ClearTerminal writes no escape codes into it.
        assertThat(out.toString()).doesNotContain("\033[");
        assertThat(marker).exists();
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: watched.py changed, failed"));
    }

    @Test
    void aSyntaxErrorInAReloadedModuleShowsFileLineAndCaretWithoutHotloadsFrames() throws Exception {
        Path module = write("syntax_api.py", "x = 1\n");
        python.exec("""
                import hotload
                handle = hotload.start(watch=[[folder + '/syntax_api.py']],
                                       steps=[hotload.ReloadedPythonModule.from_module_name('syntax_api')])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(module, "x = 1\ny = x +* 2\n");
        await().atMost(DEADLINE).until(() -> err.toString().contains("SyntaxError"));
        assertThat(err.toString())
                .contains("Error running ReloadedPythonModule(syntax_api)\n", "syntax_api.py\", line 2\n", "y = x +* 2\n", "^")
                .doesNotContain("hotload.py");
    }

    @Test
    void aPlainPathInWatchIsAFileNotAListOfCharacters() throws Exception {
        Path watched = write("plain.py", "");
        python.exec("""
                import hotload
                runs = []
                def count():
                    runs.append(1)
                    print('plain run %d' % len(runs))
                handle = hotload.start(watch=[folder + '/plain.py'], steps=[hotload.PythonHandle(count)])
                """);
        await().atMost(DEADLINE).until(() -> out.toString().contains("plain run 1"));
        Files.writeString(watched, "# saved\n");
        await().atMost(DEADLINE).until(() -> out.toString().contains("plain run 2"));
    }

    @Test
    void hotloadRunsInTheCallingThreadUntilInterruptedThenClosesItsStepsOnce() throws Exception {
        Path watched = write("fg.py", "print('fg 1')\n");
        python.exec("""
                import hotload
                class Closing(hotload.Runnable):
                    def close(self):
                        print('closed')
                steps = [hotload.ReloadedPythonModule.from_module_name('fg'), Closing()]
                """);
        Thread caller = new Thread(() -> python.exec(
                "hotload.hotload(watch=[hotload.listfiles(folder, ext='.py')], steps=steps)\nprint('returned')\n"),
                "launch-script");
        caller.start();
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(watched, "print('fg 2')\n");
        await().atMost(DEADLINE).until(() -> out.toString().contains("fg 2"));
        caller.interrupt();
        caller.join(DEADLINE.toMillis());
        assertThat(caller.isAlive()).isFalse();
        assertThat(out.toString()).containsOnlyOnce("closed").endsWith("closed\nreturned\n");
        assertThat(err.toString()).contains("hotload: stopped");
    }

    @Test
    void aKeyboardInterruptInAStepEndsTheLoopAndClosesTheSteps() throws Exception {
        Path watched = write("ki.py", "");
        python.exec("""
                import hotload
                class Interrupting(hotload.Runnable):
                    runs = 0
                    def run(self, **kwargs):
                        self.runs += 1
                        if self.runs == 2:
                            raise KeyboardInterrupt()
                    def close(self):
                        print('closed after %d runs' % self.runs)
                handle = hotload.start(watch=[[folder + '/ki.py']], steps=[Interrupting()])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(watched, "# saved\n");
        python.exec("ended = handle.join(20.0)\n");
        assertThat(python.get("ended").__nonzero__()).isTrue();
        assertThat(out.toString()).isEqualTo("closed after 2 runs\n");
        assertThat(err.toString()).doesNotContain("Traceback");
    }

    @Test
    void sysExitInAStepIsAnExitStatusNotTheEndOfTheProcess() throws Exception {
        write("exit_step.py", "");
        python.exec("""
                import hotload, sys
                handle = hotload.start(watch=[[folder + '/exit_step.py']],
                                       steps=[hotload.PythonHandle(lambda: sys.exit(4))])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: first run exited with status 4"));
        python.exec("print('still running: %s' % handle.isRunning())\n");
        assertThat(out.toString()).contains("still running: True");
    }

    @Test
    void importingHotloadStopsJythonWritingClassFilesBesideTheSources() throws Exception {
        Path helper = write("cls_helper.py", "value = 'one'\n");
        write("cls_main.py", "import cls_helper\nreload(cls_helper)\nprint(cls_helper.value)\n");
        FileTime stamp = Files.getLastModifiedTime(helper);
        python.exec("""
                import sys
                sys.dont_write_bytecode = False
                import hotload
                print('dont_write_bytecode: %s' % sys.dont_write_bytecode)
                main = hotload.ReloadedPythonModule.from_module_name('cls_main')
                """);
        Files.writeString(helper, "value = 'two'\n");
        Files.setLastModifiedTime(helper, stamp);
        python.exec("main.run()\n");
        assertThat(out.toString()).isEqualTo("dont_write_bytecode: True\none\ntwo\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith("$py.class"));
        }
    }

    @Test
    void functionReturnsAModulesFunction() throws Exception {
        write("with_fn.py", "def answer():\n    return 42\n");
        python.exec("""
                import hotload
                print(hotload.ReloadedPythonModule.from_module_name('with_fn').function('answer')())
                """);
        assertThat(out.toString()).isEqualTo("42\n");
    }

    @Test
    void stopEndsTheBackgroundLoop() throws Exception {
        write("quiet.py", "print('quiet run')\n");
        python.exec("""
                import hotload
                handle = hotload.start(watch=[[folder + '/quiet.py']],
                                       steps=[hotload.ReloadedPythonModule.from_module_name('quiet')])
                """);
        await().atMost(DEADLINE).until(() -> out.toString().contains("quiet run"));
        python.exec("handle.stop()\nprint('running: %s' % handle.isRunning())\n");
        assertThat(out.toString()).contains("running: False");
    }

    @Test
    void aReloadedModulesFunctionsArePatchedInPlaceSoAReferenceTheLaunchScriptKeptRunsTheNewCode() throws Exception {
        Path plugin = write("patched_api.py", "def handler():\n    return 'v1'\n");
        python.exec("""
                import hotload
                step = hotload.ReloadedPythonModule.from_module_name('patched_api')
                kept = step.module.handler
                handle = hotload.start(watch=[[folder + '/patched_api.py']], steps=[step, hotload.ClearTerminal()])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(plugin, "def handler():\n    return 'v2'\n");
        await().atMost(DEADLINE).until(() -> err.toString().contains("patched_api.py changed, patched in place (1 function) in"));
        python.exec("print('%s %s' % (kept(), kept is step.module.handler))\n");
        assertThat(out.toString()).endsWith("v2 True\n");
    }

    @Test
    void patchFalseReloadsAsTheOriginalDoes() throws Exception {
        Path plugin = write("unpatched_api.py", "def handler():\n    return 'v1'\n");
        python.exec("""
                import hotload
                step = hotload.ReloadedPythonModule.from_module_name('unpatched_api', patch=False)
                kept = step.module.handler
                handle = hotload.start(watch=[[folder + '/unpatched_api.py']], steps=[step])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(plugin, "def handler():\n    return 'v2'\n");
        await().atMost(DEADLINE).until(() -> err.toString().contains("unpatched_api.py changed, reloaded in"));
        python.exec("print('%s %s' % (kept(), step.module.handler()))\n");
        assertThat(out.toString()).endsWith("v1 v2\n");
    }

    @Test
    void aModuleNamedForTheLoopPrintsOnceAtStartThenOncePerSaveAfterTheWatchingLine() throws Exception {
        Path module = write("once_api.py", "print('Result: 25')\n");
        python.exec("""
                import hotload
                handle = hotload.start(watch=[[folder + '/once_api.py']],
                                       steps=[hotload.ClearTerminal(),
                                              hotload.ReloadedPythonModule.from_module_name('once_api')])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(module, "print('Result: 32')\n");
        await().atMost(DEADLINE).until(() -> err.toString().contains("once_api.py changed, reloaded"));
        // The import ran the module; the loop's first run does not again: nothing cleared its output away.
        assertThat(out.toString()).isEqualTo("Result: 25\nResult: 32\n");
        // The command line's first status line; a host stops start()'s loop, not Ctrl-C.
        assertThat(err.toString()).startsWith("hotload: watching 1 file (file events)\nhotload: started; the first run took ");
    }

    @Test
    void aSaveBetweenTheImportAndTheLoopsStartIsRunByTheFirstRun() throws Exception {
        write("raced_api.py", "print('Result: 25')\n");
        // The save the watcher, started after it, cannot see: the first run must reload the module for it.
        python.exec("""
                import hotload
                step = hotload.ReloadedPythonModule.from_module_name('raced_api')
                with open(folder + '/raced_api.py', 'w') as source:
                    source.write("print('Result: 32')\\n")
                handle = hotload.start(watch=[[folder + '/raced_api.py']], steps=[step])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        assertThat(out.toString()).isEqualTo("Result: 25\nResult: 32\n");
    }

    @Test
    void aPackagesModuleNamedForTheLoopPrintsOnceAtStartThenOncePerSave() throws Exception {
        write("shop_api/__init__.py", "");
        Path module = write("shop_api/cart.py", "print('cart 1')\n");
        python.exec("""
                import hotload
                handle = hotload.start(watch=[[folder + '/shop_api/cart.py']],
                                       steps=[hotload.ReloadedPythonModule.from_module_name('shop_api.cart')])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(module, "print('cart 2')\n");
        await().atMost(DEADLINE).until(() -> err.toString().contains("cart.py changed, reloaded"));
        assertThat(out.toString()).isEqualTo("cart 1\ncart 2\n");
    }

    @Test
    void onATerminalClearTerminalFirstClearsBeforeTheWatchingLineAndTheFirstRunShowsTheModuleAgain() throws Exception {
        Path module = write("screen_api.py", "print('Result: 25')\n");
        python.exec("""
                import sys, hotload
                class Terminal(object):
                    def __init__(self, stream):
                        self.stream = stream
                    def write(self, text):
                        self.stream.write(text)
                    def flush(self):
                        self.stream.flush()
                    def isatty(self):
                        return True
                sys.stdout = Terminal(sys.stdout)
                handle = hotload.start(watch=[[folder + '/screen_api.py']],
                                       steps=[hotload.ClearTerminal(),
                                              hotload.ReloadedPythonModule.from_module_name('screen_api')])
                """);
        await().atMost(DEADLINE).until(() -> err.toString().contains("hotload: started"));
        Files.writeString(module, "print('Result: 32')\n");
        await().atMost(DEADLINE).until(() -> err.toString().contains("screen_api.py changed, reloaded"));
        // The import's output is cleared away with whatever else was on screen, so the first run shows it
        // again; every save clears first; the scrollback is never erased (no \e[3J).
        String clear = "\033[H\033[2J";
        assertThat(out.toString()).isEqualTo("Result: 25\n" + clear + "Result: 25\n" + clear + "Result: 32\n");
    }

    @Test
    void thePromptsNamespaceIsAModuleAsItsLastReloadLeftItOrADictOfGlobals() throws Exception {
        Path lib = write("prompted.py", "def f():\n    return 'first'\n");
        python.exec("""
                import prompted
                from dev.hotload.python import PythonNamespace
                in_module = PythonNamespace.over(prompted)
                in_module.evaluate("kept = 'mine'")
                in_module.evaluate("f() + ' ' + kept")
                """);
        Files.writeString(lib, "def f():\n    return 'saved'\n");
        python.exec("""
                import hotload
                hotload._reload_module(prompted)
                in_module.evaluate("f() + ' ' + kept")
                script = {'n': 20}
                PythonNamespace.over(script).evaluate("n + 1")
                """);

        assertThat(out.toString()).isEqualTo("'first mine'\n'saved mine'\n21\n");
    }

    @Test
    void withoutATerminalPromptRaisesNoTerminalErrorAndANamespaceOfAnotherTypeATypeError() {
        python.exec("""
                import hotload
                try:
                    hotload.prompt()
                except hotload.NoTerminalError as error:
                    print(error)
                try:
                    hotload.prompt([1])
                except TypeError as error:
                    print(error)
                """);

        assertThat(out.toString()).isEqualTo("hotload.prompt() needs a terminal: standard input and output must be one\n"
                + "hotload.prompt() needs a module or a dict of globals, not list\n");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
