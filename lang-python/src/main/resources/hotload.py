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
from dev.hotload.python.api import PythonHotload

__all__ = ["listfiles", "Runnable", "PythonHandle", "Command", "ClearTerminal", "ReloadedPythonModule",
           "ReloadModules", "hotload", "start"]

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
    """How many times a ClearTerminal step has wiped the screen: output printed before a wipe is gone."""
    clears = 0


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
        if _is_terminal(sys.stdout):
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


def hotload(watch, steps, waittime_ms=_DEFAULT_WAIT):
    """Hotload that code! Runs the steps now and whenever a watched file changes, until Ctrl-C.

    watch: lists of file paths. steps: Runnables, run in order. waittime_ms: the time between two
    scans when hotload polls, in seconds despite its name (as in the original); by default hotload
    sleeps until the system reports a change where it can, and polls 144 times a second elsewhere.

    A KeyboardInterrupt raised by a step (or an interrupt of the calling thread) ends the loop, and
    hotload() returns. Ctrl-C is different on the JVM: Jython raises no KeyboardInterrupt, the JVM shuts
    down; hotload then stops the loop, closes the steps once, and the process ends with status 130
    without returning here, so cleanup belongs in a step's close(), not after this call.
    """
    files = _files(watch)
    _clear_at_start(steps)
    PythonHotload.run(files, _steps(steps), _poll_seconds(waittime_ms))


def start(watch, steps, waittime_ms=_DEFAULT_WAIT):
    """Like hotload(), on a background thread; returns a handle with stop(), join([seconds]) and isRunning()."""
    files = _files(watch)
    _clear_at_start(steps)
    return PythonHotload.start(files, _steps(steps), _poll_seconds(waittime_ms))


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
