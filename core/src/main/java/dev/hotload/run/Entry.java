package dev.hotload.run;

import dev.hotload.loop.Outcome;
import java.util.Set;

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

    /**
     * @return the methods a run starts in, each as {@code Class.method} (binary name): a class's {@code main}, a
     *     script's body. Called once per run, a changed one is a change the running program would not see.
     *     Empty by default.
     */
    default Set<String> startsIn() {
        return Set.of();
    }

    /** @return {@code body}, telling that it starts in {@code methods} (see {@link #startsIn()}) */
    static Entry startingIn(Set<String> methods, Entry body) {
        Set<String> copied = Set.copyOf(methods);
        return new Entry() {
            @Override
            public Outcome run() throws Throwable {
                return body.run();
            }

            @Override
            public Set<String> startsIn() {
                return copied;
            }
        };
    }
}
