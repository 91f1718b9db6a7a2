package dev.hotload.run;

/**
 * Runs in a JVM of its own (see {@link ShutdownDeadlineTest}): registers a shutdown hook that never returns, as a
 * program may, then exits with status 3 as hotload does, deadline armed.
 */
public final class ShutdownDeadlineProbe {

    private ShutdownDeadlineProbe() {
    }

    public static void main(String[] args) {
        ShutdownDeadline.watchSignals(System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        }, "endless-hook"));
        ShutdownDeadline.arm(3);
        System.exit(3);
    }
}
