# Live update: a listener registered once keeps running, and a save patches it in place.
#   bin/hotload examples/python/live/ticker.py
# Change "v1" below to "v2" and save: the next tick says v2, and hotload says
#   hotload: ticker.py changed, patched in place (1 function) in ... ms
# With bin/hotload --restart the ticker goes on saying v1: a plain reload makes a new handler that nothing calls.
import threading
import time


def handler():
    return "tick v1"


try:
    listeners
except NameError:
    # The first run only (the NameError idiom): the listener is registered once, as with a host's event source,
    # and one thread calls whatever is registered, every 50 ms.
    listeners = [handler]

    def tick():
        while True:
            for listener in listeners:
                print(listener())
            time.sleep(0.05)

    ticker = threading.Thread(target=tick, name="ticker")
    ticker.daemon = True
    ticker.start()
