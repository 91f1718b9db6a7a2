package dev.hotload.run;

/**
 * Ends a thread that ignored its interrupt (a busy loop that never checks it): what JShell does to a snippet that
 * will not stop. Unsafe for code that goes on, harmless for code being replaced or abandoned: a replaced run, a
 * hook that hangs, an evaluation the user stopped. The JDKs since 20 have no such means; there the thread goes on.
 */
public final class ForcedStop {

    private ForcedStop() {
    }

    /** @return whether the JDK could throw {@link ThreadDeath} into {@code thread}: false on JDK 20 and later */
    @SuppressWarnings({"deprecation", "removal"})
    public static boolean of(Thread thread) {
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException gone) {
            return false;
        }
    }
}
