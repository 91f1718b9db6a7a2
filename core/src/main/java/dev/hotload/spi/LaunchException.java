package dev.hotload.spi;

/**
 * The user's request cannot be run at all: a missing entry, an unknown language, an entry point that does
 * not exist. hotload prints the message (one line, no stack trace) and exits with a non-zero status.
 */
public class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
