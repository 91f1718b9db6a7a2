package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import java.io.PrintStream;

/**
 * Clears the terminal so each run starts on a clean screen, like a dashboard. Uses ANSI escape codes (home,
 * erase screen) rather than starting a {@code clear} process, which costs milliseconds. The scrollback is
 * kept: what the user ran before hotload, and earlier runs, stay a scroll away.
 *
 * <p>{@link #clearNow()} clears at start, before hotload's first status line; the run after it then does not
 * clear, so that the line stays above the first run's output.
 */
public final class ClearTerminal implements Step {

    static final String CLEAR = "\033[H\033[2J";

    private final PrintStream terminal;
    /** The screen was just cleared and holds only hotload's own lines: the next run keeps them. */
    private volatile boolean keepNext;

    /** @param terminal the stream the user's program prints to */
    public ClearTerminal(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** Clears the screen now; the next {@link #run} does not, so that what is printed in between stays. */
    public void clearNow() {
        clear();
        keepNext = true;
    }

    @Override
    public Outcome run(ChangeSet changes) {
        if (keepNext) {
            keepNext = false;
        } else {
            clear();
        }
        return Outcome.ok();
    }

    private void clear() {
        terminal.print(CLEAR);
        terminal.flush();
    }

    @Override
    public String describe() {
        return "clear terminal";
    }
}
