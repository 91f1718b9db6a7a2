// bin/hotload examples/groovy/state/state.groovy: the slow computation runs once, and every save reuses it.
import dev.hotload.Hotload

// The script's binding outlives each run: a variable assigned without 'def' is there on the next one.
if (!binding.hasVariable('constant')) {
    println 'computing...'
    Thread.sleep(2000)
    constant = 42
}

// The same, in the shape of the original hotload's NameError idiom.
try {
    runs = runs + 1
} catch (MissingPropertyException firstRun) {
    runs = 1
}
println "constant $constant, run $runs"

// Runs before the next reload (close a connection, stop a thread pool), and when hotload stops.
def run = runs
Hotload.onUnload { println "run $run unloaded" }
