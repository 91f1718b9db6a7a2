# State kept across reloads with the original's NameError idiom:
#   bin/hotload examples/python/state.py
# The slow computation runs once; edit the print below and save: the result is still there.
import time


def expensive_computation():
    print("computing (once)...")
    time.sleep(1)
    return 42


try:
    constant = constant
except NameError:
    constant = expensive_computation()

print("The answer is still {}".format(constant))
