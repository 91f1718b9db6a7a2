package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;

/**
 * One thing the loop does on every change: clear the terminal, run a command, reload a module. Steps run in
 * order, once at start and once per settled change.
 *
 * <p>A step that holds resources implements {@link AutoCloseable}: the loop closes it once when it stops,
 * also on Ctrl-C. That is where cleanup hooks run.
 */
@FunctionalInterface
public interface Step {

    /**
     * Runs the step once.
     *
     * @param changes what changed; {@link ChangeSet#initial()} on the first run
     * @return how the run ended, never null
     * @throws InterruptedException to stop the loop, as Ctrl-C does
     * @throws Exception for any other failure; the loop prints it and waits for the next change
     */
    Outcome run(ChangeSet changes) throws Exception;

    /** @return a few words naming this step in messages */
    default String describe() {
        String name = getClass().getSimpleName();
        return name.isEmpty() || name.contains("$$Lambda") ? "step" : name;
    }

    /** Something a step can run: a plain action that may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * @param name a few words for messages
     * @param action what to run on every change
     * @return a step that runs {@code action} and succeeds unless it throws
     */
    static Step of(String name, Action action) {
        return new Step() {
            @Override
            public Outcome run(ChangeSet changes) throws Exception {
                action.run();
                return Outcome.ok();
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
