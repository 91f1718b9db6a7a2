package dev.hotload.run;

/**
 * The threads of the program hotload runs, told apart from hotload's own: every run starts in this thread group,
 * and the threads the program starts inherit it. A call of {@code System.exit} from one of them ends a run, never
 * the JVM (see {@link RuntimeExitGuard}); hotload's own threads are outside it.
 */
public final class ProgramThreads {

    private static final ThreadGroup GROUP = new ThreadGroup("program");

    private ProgramThreads() {
    }

    /** @return the group a run's thread starts in */
    static ThreadGroup group() {
        return GROUP;
    }

    /** @return whether {@code thread} is one of the program's: a run's, or one a run started */
    public static boolean isProgram(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group != null && GROUP.parentOf(group);
    }
}
