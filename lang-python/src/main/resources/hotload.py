"""hotload: reload Python modules into a running Jython when their files are saved.

The API of the original hotload (github.com/teodorlu/hotload), unchanged, on the JVM's hotload core:
the watcher and the loop are Java; the steps are the same Python objects as in the original.

    import hotload
    hotload.hotload(
        watch=[hotload.listfiles(".", ext=".py")],
        steps=[hotload.ClearTerminal(), hotload.ReloadedPythonModule.from_module_name("lib")],
    )

Exception model, as in the original: Ctrl-C stops the loop; any other error in a step prints its
traceback and the loop goes on with the next step and the next save. A step with a close() method has it
called once when the loop stops: that is where cleanup goes.

A reload patches the module's functions and classes in place, as bin/hotload does: whatever already holds
them (a listener registered with the host, a thread's target, an instance) runs the new code, and the status
line says "patched in place (2 functions, 1 class)". ReloadedPythonModule(..., patch=False) reloads as the
original does.

A prompt inside the running program: hotload.hotload(..., repl=True) gives the terminal one in the module
being developed, aware of every save; hotload.prompt() opens one on demand (a host tool's).

Importing hotload sets sys.dont_write_bytecode: Jython would otherwise write name$py.class files beside the
sources and trust their timestamps, so that a reload() of a helper saved twice within one clock tick could
run the first save.
"""
from __future__ import print_function

import imp
import importlib
import os
import sys
import threading
import traceback
from types import FunctionType, ModuleType

from java.lang import AutoCloseable, InterruptedException, System
from dev.hotload.loop import Outcome, Step
from dev.hotload.python import ModuleReloader, PatchTally
from dev.hotload.python.api import PythonHotload, PythonPrompt

__all__ = ["listfiles", "Runnable", "PythonHandle", "Command", "ClearTerminal", "ReloadedPythonModule",
           "ReloadModules", "hotload", "start", "prompt", "NoTerminalError"]

_DEFAULT_WAIT = 1.0 / 144

sys.dont_write_bytecode = True


# The patches of the step the loop runs now on this thread, for its status line, and whether the run is the
# loop's first; none outside the loop.
_running = threading.local()


def _reload_module(module, patch=True):
    """Reloads a module from its source file as saved now (never from a cached $py.class).

    With patch, the functions and classes the module had are then patched in place with the new ones, and
    kept under their names: whatever holds them (a listener registry, a thread, a kept instance) runs the new
    code. Without, the new objects replace them, as a plain reload() does.
    """
    tally = getattr(_running, "tally", None) or PatchTally.patching()
    ModuleReloader.reload(module, tally if patch else PatchTally.off())


def listfiles(folder, ext=""):
    """Lists the files under folder whose names end with ext."""
    fs = list()
    for root, dirs, files in os.walk(folder):
        fs.extend(os.path.join(root, f) for f in files if f.endswith(ext))
    return fs


class Runnable(object):
    """A step of the loop: run() is called once at start and on every change."""

    def run(self, **kwargs):
        pass


class PythonHandle(Runnable):
    """Calls a function on every change."""

    def __init__(self, code):
        self.code = code

    def run(self, **kwargs):
        self.code()


class Command(Runnable):
    """Runs a shell command on every change."""

    def __init__(self, command):
        self.command = command

    def run(self, **kwargs):
        os.system(self.command)


class ReloadedPythonModule(Runnable):
    """Reloads a module on every change; subclass it and override the hooks to clean up or initialise.

    patch=True (the default) patches the module's functions and classes in place on each reload, so that
    code already holding them runs the new version; patch=False replaces them, as the original does.
    """

    def __init__(self, module, patch=True):
        assert isinstance(module, ModuleType), (
            "ReloadedPythonModule requires a module handle as input."
            "Use ReloadedPythonModule.from_module_name to construct a PythonModule from"
            " a module name (string)"
        )
        self.module = module
        self.patch = patch

    @classmethod
    def from_module_name(cls, module_name, patch=True):
        """Imports the module, which runs it once, as in the original.

        The loop's first run then shows that import's output once: it reloads the module only if a
        ClearTerminal step has wiped the screen since, the module was imported before, or its source was
        saved since the import (the original reloaded it anyway, printing everything twice wherever nothing
        was cleared, as in a pipe). The hooks run on the first run either way; a run() outside the loop
        always reloads.
        """
        first_import = _FirstImport.of(module_name) if module_name not in sys.modules else None
        module = importlib.import_module(module_name)
        step = cls(module, patch=patch)
        step._first_import = first_import
        return step

    def pre_reload_hook(self, _):
        pass

    def post_reload_hook(self, _):
        pass

    def run(self, **kwargs):
        self.pre_reload_hook(self.module)
        # A subclass's own __init__ may not call this one's: getattr, not self._first_import.
        first_import = getattr(self, "_first_import", None)
        self._first_import = None
        if not (getattr(_running, "first_run", False) and first_import and first_import.is_on_screen(self.module)):
            _reload_module(self.module, getattr(self, "patch", True))
        self.post_reload_hook(self.module)

    def function(self, function_name):
        function = self.module.__dict__[function_name]
        assert isinstance(function, FunctionType)
        return function

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, self.module.__name__)


class _Screen(object):
    """How many times a ClearTerminal step has wiped the screen: output printed before a wipe is gone; and
    whether a prompt has it, whose screen is the user's (what they typed and saw stays, as under bin/hotload)."""
    clears = 0
    prompting = False


class _FirstImport(object):
    """A module's first import, which ran its source: whether that run's output is still on screen and current.

    The source is read before the import: a save after the read (while the module ran, or before the loop's
    watcher started, which would not see it) then makes the loop's first run reload. Comparing with the source
    after the import instead would lose such a save.
    """

    def __init__(self, source, text):
        self.source = source
        self.text = text
        self.clears = _Screen.clears

    @classmethod
    def of(cls, module_name):
        """The source a first import of module_name is about to run; None if hotload cannot tell which."""
        source = _find_source(module_name)
        text = _read(source) if source else None
        return cls(source, text) if text is not None else None

    def is_on_screen(self, module):
        """Whether no ClearTerminal wiped the import's output and the module's source is still what it ran."""
        return (self.clears == _Screen.clears
                and _source_of(module) == self.source
                and _read(self.source) == self.text)


def _find_source(module_name):
    # As import will find it: in the parent package's folders (importing the parent, as import does first),
    # else on sys.path. A compiled module, a Java package or a module in a jar has no source to compare.
    parent, _, leaf = module_name.rpartition(".")
    try:
        folders = importlib.import_module(parent).__path__ if parent else None
        found, path, (_, _, kind) = imp.find_module(leaf, folders)
    except (ImportError, AttributeError):
        return None
    if found:
        found.close()
    if kind == imp.PKG_DIRECTORY:
        return os.path.abspath(os.path.join(path, "__init__.py"))
    return os.path.abspath(path) if kind == imp.PY_SOURCE else None


def _source_of(module):
    source = ModuleReloader.sourceOf(module)
    return str(source.get()) if source.isPresent() else None


def _read(path):
    try:
        with open(path, "rb") as source:
            return source.read()
    except (IOError, OSError):
        return None


class ClearTerminal(Runnable):
    """Clears the terminal, with ANSI escape codes rather than a `clear` process.

    Only a terminal is cleared: into a pipe or a file, the codes would be noise. The scrollback is kept.
    Never while a prompt has the terminal (repl=True): the screen is the user's then.
    As the first step, it clears at start, before hotload's "watching" line, and not again on the first
    run, so that the line stays on screen above the first run's output.
    """

    def __init__(self):
        self._keep_next = False

    def clear_now(self):
        """Clears now; the next run does not, so that what is printed in between stays on screen."""
        self._clear()
        self._keep_next = True

    def run(self, **kwargs):
        if getattr(self, "_keep_next", False):
            self._keep_next = False
        else:
            self._clear()

    def _clear(self):
        if _is_terminal(sys.stdout) and not _Screen.prompting:
            sys.stdout.write("\033[H\033[2J")
            sys.stdout.flush()
            _Screen.clears += 1


def _is_terminal(stream):
    # Jython's isatty() says False even on a terminal: bin/jython, like bin/hotload, tells what the process's
    # standard output is. A stream put in its place (a host's, a redirect) is asked itself.
    if stream is sys.__stdout__ and System.getProperty("hotload.stdout.tty") is not None:
        return System.getProperty("hotload.stdout.tty") == "true"
    try:
        return stream.isatty()
    except Exception:  # noqa: BLE001 -- a host's stream object without isatty(), or a closed one
        return False


class ReloadModules(Runnable):
    """Reloads the changed modules, except the main one (which a ReloadedPythonModule step reloads).

    patch: as for ReloadedPythonModule.
    """

    def __init__(self, module, patch=True):
        self.main_module = module
        self.patch = patch

    def run(self, changed_modules, **kwargs):
        for module in changed_modules:
            if module != self.main_module:
                _reload_module(module, getattr(self, "patch", True))


def hotload(watch, steps, waittime_ms=_DEFAULT_WAIT, repl=False):
    """Hotload that code! Runs the steps now and whenever a watched file changes, until Ctrl-C.

    watch: lists of file paths. steps: Runnables, run in order. waittime_ms: the time between two
    scans when hotload polls, in seconds despite its name (as in the original); by default hotload
    sleeps until the system reports a change where it can, and polls 144 times a second elsewhere.

    A KeyboardInterrupt raised by a step (or an interrupt of the calling thread) ends the loop, and
    hotload() returns. Ctrl-C is different on the JVM: Jython raises no KeyboardInterrupt, the JVM shuts
    down; hotload then stops the loop, closes the steps once, and the process ends with status 130
    without returning here, so cleanup belongs in a step's close(), not after this call.

    repl=True gives the terminal a prompt (>>>) inside the running program once the first run is done:
    in the first ReloadedPythonModule step's module (its globals, as the last save left them: a line
    typed after a save calls the new code, and the prompt's own variables stay), else in the calling
    script's globals. Program output and hotload's lines show above the line being typed; history is kept
    per launch script's folder; ClearTerminal steps do not clear while the prompt has the screen. Ctrl-C
    cancels the line or stops the code typed; Ctrl-D on an empty line ends the loop, and hotload()
    returns; sys.exit(n) typed there ends it too, and hotload() raises SystemExit(n). Without a terminal
    (standard input or output piped) hotload says so in one line and runs without the prompt.
    """
    files = _files(watch)
    if repl and not PythonPrompt.hasTerminal():
        print("hotload: repl=True " + PythonPrompt.NEEDS_TERMINAL + "; running without the prompt",
              file=sys.stderr)
        repl = False
    if not repl:
        _clear_at_start(steps)
        PythonHotload.run(files, _steps(steps), _poll_seconds(waittime_ms))
        return
    _Screen.prompting = True
    try:
        status = PythonHotload.runWithPrompt(files, _steps(steps), _poll_seconds(waittime_ms),
                                             _prompt_scope(steps, sys._getframe(1).f_globals), _project_folder())
    finally:
        _Screen.prompting = False
    if status is not None:
        raise SystemExit(status)


def start(watch, steps, waittime_ms=_DEFAULT_WAIT):
    """Like hotload(), on a background thread; returns a handle with stop(), join([seconds]) and isRunning().

    It offers no repl=True: the caller keeps its thread and its terminal, and opens a prompt when it wants
    one with prompt(), e.g. prompt(step.module) while the loop runs in the background.
    """
    files = _files(watch)
    _clear_at_start(steps)
    return PythonHotload.start(files, _steps(steps), _poll_seconds(waittime_ms))


class NoTerminalError(RuntimeError):
    """prompt() was called where standard input or output is not a terminal (a pipe, a file, a service)."""


def prompt(namespace=None):
    """Opens hotload's prompt (>>>) on this process's terminal, and blocks until Ctrl-D on an empty line.

    namespace: a module, or a dict of globals, that the lines typed run in; by default the caller's
    globals. A module's globals are the ones its reloads run in: a line typed after a save calls the new
    code. For a host tool that embeds hotload, e.g. on a key of its own, while hotload.start() reloads in
    the background:

        handle = hotload.start(watch=[...], steps=[hotload.ReloadedPythonModule.from_module_name("greet")])
        hotload.prompt(sys.modules["greet"])   # until Ctrl-D
        handle.stop()

    The prompt has the terminal while it is open: standard input (a thread reading it gets an end of input)
    and Ctrl-C (which cancels the line, or stops the code typed); both are given back when it returns.
    sys.exit(n) typed there raises SystemExit(n) from prompt(), for the caller to end with or catch.
    History is kept per launch script's folder (else the working folder), in a file only the user can read.

    Raises NoTerminalError where standard input or output is not a terminal, and TypeError for a
    namespace that is neither a module nor a dict.
    """
    if namespace is None:
        namespace = sys._getframe(1).f_globals
    if not isinstance(namespace, (ModuleType, dict)):
        raise TypeError("hotload.prompt() needs a module or a dict of globals, not %s" % type(namespace).__name__)
    if not PythonPrompt.hasTerminal():
        raise NoTerminalError("hotload.prompt() " + PythonPrompt.NEEDS_TERMINAL)
    # Where the lines run, and how to leave: Ctrl-D returns to the caller here, it does not end hotload.
    name = namespace.__name__ if isinstance(namespace, ModuleType) else namespace.get("__name__", "a dict")
    print("hotload: a prompt in %s; Ctrl-C cancels a line, Ctrl-D on an empty line returns" % name, file=sys.stderr)
    status = PythonPrompt.prompt(namespace, _project_folder())
    if status is not None:
        raise SystemExit(status)


def _prompt_scope(steps, caller_globals):
    """The module being developed (the first ReloadedPythonModule step's), else the calling script's globals."""
    for step in steps:
        if isinstance(step, ReloadedPythonModule):
            return step.module
    return caller_globals


def _project_folder():
    """Whose prompt history it is: the launch script's folder, else (a host's interpreter) the working folder."""
    script = sys.argv[0] if sys.argv else ""
    return _text(os.path.dirname(os.path.abspath(script)) if script else os.getcwd())


def _clear_at_start(steps):
    # A first ClearTerminal step would wipe the status line the loop prints first: it clears before it instead.
    if steps and isinstance(steps[0], ClearTerminal):
        steps[0].clear_now()


def _files(watch):
    # A plain path among the lists (watch=["lib.py"]) is taken as itself, not as a list of characters.
    groups = [[targets] if isinstance(targets, basestring) else targets for targets in watch]
    return sorted(set(_text(os.path.abspath(path)) for targets in groups for path in targets))


def _text(path):
    # os.walk on a str gives its names as bytes: a name in UTF-8 must reach Java as the name it is.
    return path.decode(sys.getfilesystemencoding() or "utf-8") if isinstance(path, str) else path


def _poll_seconds(waittime):
    return None if waittime == _DEFAULT_WAIT else float(waittime)


def _steps(steps):
    needs_modules = any(isinstance(step, ReloadModules) for step in steps)
    return [_Step(step, needs_modules) for step in steps]


def _changed_modules(changes):
    """The modules whose source files changed, as the original passes them to every step."""
    return list(ModuleReloader.modulesOf(changes.presentPaths()))


def _user_frames(trace):
    """The traceback from the first frame that is not hotload's own: the user's code is what failed.

    None when every frame is hotload's, as for a SyntaxError, which then prints as file, line and caret.
    """
    while trace is not None and trace.tb_frame.f_globals.get("__name__") == __name__:
        trace = trace.tb_next
    return trace


class _Step(Step, AutoCloseable):
    """One Python step, as the Java loop runs it, with the original's error handling."""

    def __init__(self, step, needs_modules):
        self.step = step
        self.needs_modules = needs_modules

    def run(self, changes):
        tally = PatchTally.patching()
        _running.tally = tally
        _running.first_run = changes.firstRun()
        try:
            outcome = self._run(changes)
        finally:
            _running.tally = None
            _running.first_run = False
        # The status line says what the step's reloads patched in place, even when the step then failed.
        return outcome if tally.sum().isEmpty() else outcome.withUpdate(tally.words())

    def _run(self, changes):
        changed_modules = _changed_modules(changes) if self.needs_modules else []
        try:
            self.step.run(changed_modules=changed_modules)
            return Outcome.ok()
        except KeyboardInterrupt:
            raise InterruptedException("KeyboardInterrupt")
        except SystemExit as exit:
            code = exit.code
            if code is None:
                return Outcome.exited(0)
            if isinstance(code, (int, long)):
                return Outcome.exited(code)
            print(code, file=sys.stderr)
            return Outcome.exited(1)
        except:  # noqa: E722 -- Java exceptions too, which are no Python Exception
            error_type, error, trace = sys.exc_info()
            print("Error running {}".format(self.step), file=sys.stderr)
            traceback.print_exception(error_type, error, _user_frames(trace))
            return Outcome.failed(error_type.__name__)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()

    def close(self):
        """Called once by the loop when it stops (also on Ctrl-C): the step's own close(), if it has one."""
        close = getattr(self.step, "close", None)
        if not callable(close):
            return
        try:
            close()
        except KeyboardInterrupt:
            pass  # hotload is stopping already
        except:  # noqa: E722 -- as in run()
            error_type, error, trace = sys.exc_info()
            print("Error closing {}".format(self.step), file=sys.stderr)
            traceback.print_exception(error_type, error, _user_frames(trace))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()

    def describe(self):
        return str(self.step)
