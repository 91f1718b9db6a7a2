package dev.hotload.run;

import dev.hotload.loop.Outcome;

/** What a generation runs: a class's {@code main}, a script's body, a module's code. It runs on a thread of its own. */
@FunctionalInterface
public interface Entry {

    /**
     * Runs the program once.
     *
     * @return how the run ended, when the language tells that itself (a Python traceback, printed, is a failed
     *     run); {@link Outcome#ok()} otherwise
     * @throws Throwable whatever the program throws; an {@link ExitRequest} is its call of {@code System.exit}
     */
    Outcome run() throws Throwable;
}
