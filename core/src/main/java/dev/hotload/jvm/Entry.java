package dev.hotload.jvm;

/** What a generation runs: a class's {@code main}, a script's body. It runs on a thread of its own. */
@FunctionalInterface
public interface Entry {

    /**
     * Runs the program once.
     *
     * @throws Throwable whatever the program throws; an {@link ExitRequest} is its call of {@code System.exit}
     */
    void run() throws Throwable;
}
