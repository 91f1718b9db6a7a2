# hotload --test for Python: runs the unittest test cases of the modules named, in the live interpreter, after
# forgetting the project's modules, so that each run imports them as they are saved now. Failures come back as
# (test, what, where): the exception's last line, and the innermost line of the project's own code it went through.
import os
import sys
import traceback
import unittest


def _inside(root, filename):
    # The project's modules come from root, an absolute path on sys.path; the standard library's __file__ is
    # relative (__pyclasspath__/...), and would seem to be inside a root that is the working folder.
    return os.path.isabs(filename) and filename.startswith(os.path.join(root, ''))


def _forget(root):
    for name, module in list(sys.modules.items()):
        source = getattr(module, '__file__', None)
        if source and _inside(root, source):
            del sys.modules[name]


def _what(kind, value):
    if getattr(kind, '__name__', '') == 'ExitRequest':  # os._exit, refused to the program's threads
        return 'called %s, which ends the test, not hotload' % value.call()
    return ''.join(traceback.format_exception_only(kind, value)).strip()


def _where(tb, root):
    found = None
    for filename, line, function, _ in traceback.extract_tb(tb):
        if _inside(root, filename):
            found = '  File "%s", line %d, in %s' % (os.path.relpath(filename), line, function)
    return found


class _Result(unittest.TestResult):
    def __init__(self, root):
        unittest.TestResult.__init__(self)
        self.root = root
        self.passed = []
        self.failed = []

    def addSuccess(self, test):
        self.passed.append(test.id())

    def addFailure(self, test, err):
        self.failed.append((test.id(), _what(err[0], err[1]), _where(err[2], self.root)))

    def addError(self, test, err):
        self.failed.append((test.id(), _what(err[0], err[1]), _where(err[2], self.root)))

    def addUnexpectedSuccess(self, test):
        self.failed.append((test.id(), 'passed, and was expected to fail', None))


def run(root, names):
    _forget(root)
    result = _Result(root)
    suite = unittest.TestSuite()
    for name in names:
        try:
            __import__(name)
            suite.addTests(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[name]))
        except KeyboardInterrupt:
            raise
        except:
            kind, value, tb = sys.exc_info()
            result.failed.append((name, _what(kind, value), _where(tb, root)))
    suite.run(result)
    return result.passed, result.failed
