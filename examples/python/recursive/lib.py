# An entry that imports a module you are working on:
#   bin/hotload --recursive examples/python/recursive/lib.py
# Edit mymath.py and save: with --recursive it is reloaded before lib.py runs again.
import mymath

print("f(3) = {}".format(mymath.f(3)))
