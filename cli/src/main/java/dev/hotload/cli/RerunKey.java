package dev.hotload.cli;

import dev.hotload.loop.ReloadLoop;
import java.util.function.Predicate;

/**
 * Enter, or {@code r} then Enter, typed while the program does not read its input: runs the program (or the
 * {@code --run} commands) again without a save, as nodemon's {@code rs} does. Any other line is the program's.
 */
final class RerunKey implements Predicate<String> {

    private volatile ReloadLoop loop;

    /** From now on, a rerun key runs {@code value}'s steps again; before, it is the program's input. */
    void runs(ReloadLoop value) {
        loop = value;
    }

    @Override
    public boolean test(String line) {
        ReloadLoop current = loop;
        String key = line.strip();
        if (current == null || !(key.isEmpty() || key.equals("r"))) {
            return false;
        }
        current.runAgain();
        return true;
    }
}
