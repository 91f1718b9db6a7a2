package dev.hotload.run;

/**
 * The threads of the program hotload runs, told apart from hotload's own: a run's thread and an unload hook's are
 * marked, and every thread they start inherits the mark. A call of {@code System.exit} from one of them ends a
 * run, never the JVM (see {@link RuntimeExitGuard}); hotload's own threads are unmarked.
 *
 * <p>A mark, not a thread group: a thread group of the program's kept Groovy's first generation from being
 * unloaded (lang-groovy's {@code FirstGenerationTest}).
 */
public final class ProgramThreads {

    private static final InheritableThreadLocal<Boolean> PROGRAM = new InheritableThreadLocal<>();

    private ProgramThreads() {
    }

    /** @return a thread named {@code name} that runs {@code body} as the program's, not yet started */
    static Thread newThread(Runnable body, String name) {
        return new Thread(() -> {
            PROGRAM.set(Boolean.TRUE);
            body.run();
        }, name);
    }

    /** @return whether the calling thread is one of the program's: a run's, a hook's, or one they started */
    public static boolean isCurrentProgram() {
        return PROGRAM.get() != null;
    }
}
