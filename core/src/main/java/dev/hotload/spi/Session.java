package dev.hotload.spi;

import dev.hotload.loop.Outcome;
import dev.hotload.loop.Step;
import dev.hotload.watch.ChangeSet;
import java.util.Optional;

/**
 * A running entry: the loop's language step. Its first {@link #run} loads and runs the entry, each later one
 * reloads what changed and runs it again, keeping the program's state as the language allows.
 *
 * <p>A session reports the user's errors itself, in the language's own form (a Python traceback, a javac
 * diagnostic), and returns {@link Outcome#failed}; it throws only for hotload's own failures.
 */
public interface Session extends Step, AutoCloseable {

    @Override
    Outcome run(ChangeSet changes) throws Exception;

    /**
     * @return the program's namespace, for a prompt that evaluates in it ({@code --repl}); empty where the language
     *     offers none. Available once the session is open, and current after each {@link #run}.
     */
    default Optional<Namespace> namespace() {
        return Optional.empty();
    }

    /** Runs the user's cleanup hooks and releases the runtime; called once, when hotload stops. */
    @Override
    void close();
}
