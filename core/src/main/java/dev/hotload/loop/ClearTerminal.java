package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import java.io.PrintStream;

/**
 * Clears the terminal so each run starts on a clean screen, like a dashboard. Uses ANSI escape codes (home,
 * erase screen, erase scrollback) rather than starting a {@code clear} process, which costs milliseconds.
 */
public final class ClearTerminal implements Step {

    static final String CLEAR = "\033[H\033[2J\033[3J";

    private final PrintStream terminal;

    /** @param terminal the stream the user's program prints to */
    public ClearTerminal(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public Outcome run(ChangeSet changes) {
        terminal.print(CLEAR);
        terminal.flush();
        return Outcome.ok();
    }

    @Override
    public String describe() {
        return "clear terminal";
    }
}
