package dev.hotload.compiled;

/** The entry cannot be run as the program is now: the message says what to change. The next save may fix it. */
public final class MissingEntry extends Exception {

    private static final long serialVersionUID = 1L;

    public MissingEntry(String message) {
        super(message);
    }
}
