package dev.hotload.maven;

/** What the user asked for cannot run: one line says what was wrong and what to pass instead; hotload exits 2. */
final class UsageError extends Exception {

    UsageError(String message) {
        super(message);
    }
}
