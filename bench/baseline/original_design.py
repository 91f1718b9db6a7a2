"""The original hotload's design, re-created from its README for the benchmark: not its code, which hotload does
not ship. Run on CPython: python3 original_design.py ENTRY.py

As the original: the watched files are listed once (listfiles), their modification times are looked at every
waittime (1/144 s by default), and a change reloads the entry module in place (importlib.reload), printing a
traceback for any error and going on.
"""
import importlib
import os
import sys
import time
import traceback

WAITTIME = 1.0 / 144


def listfiles(folder, ext):
    return [os.path.join(root, name) for root, _, names in os.walk(folder) for name in names if name.endswith(ext)]


def mtimes(files):
    seen = {}
    for path in files:
        try:
            seen[path] = os.stat(path).st_mtime_ns
        except OSError:
            seen[path] = None
    return seen


def main(entry):
    folder = os.path.dirname(os.path.abspath(entry)) or "."
    sys.path.insert(0, folder)
    sys.dont_write_bytecode = True
    files = listfiles(folder, ".py")
    name = os.path.splitext(os.path.basename(entry))[0]
    module = importlib.import_module(name)
    sys.stdout.flush()
    last = mtimes(files)
    while True:
        time.sleep(WAITTIME)
        now = mtimes(files)
        if now != last:
            last = now
            try:
                importlib.reload(module)
            except Exception:  # noqa: BLE001 -- the original's exception model: print, and go on
                traceback.print_exc()
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
