package dev.hotload.compiled;

import java.util.concurrent.Callable;

/**
 * Compiles (and may run) a small program over and over on a background thread once hotload has started, so that
 * the JIT has compiled the compiler's own hot code before the user's first saves: a compiler's methods run a few
 * times per compile, and only after a hundred compiles or so are they all compiled. Until then a small class
 * takes two to five times as long to compile. Every language that compiles warms up so: javac, Groovy's, and
 * Jython's (which compiles a module to a class too).
 *
 * <p>Only speed is at stake: a warm-up that fails ends quietly, and the user's own compiles work regardless.
 */
public final class CompilerWarmUp {

    /** A warm-up's work, made on its thread: a compiler is not shared between threads. */
    public interface Rounds extends AutoCloseable {

        /**
         * @param round counts rounds from 1
         * @return whether to go on
         */
        boolean run(int round) throws Exception;

        @Override
        void close();
    }

    /**
     * What a language warms up with.
     *
     * @param rounds how many rounds make the JIT compile what a save runs
     * @param work makes the rounds' compiler, on the warm-up's thread
     */
    public record Plan(int rounds, Callable<Rounds> work) {
    }

    private final Thread thread;
    private volatile boolean stopped;

    private CompilerWarmUp(Plan plan) {
        thread = new Thread(() -> run(plan), "hotload-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * @param context the thread's context class loader: threads a runtime starts from it keep it, so it must
     *     outlive every generation (the libraries' loader)
     * @return a warm-up, started
     */
    public static CompilerWarmUp start(Plan plan, ClassLoader context) {
        CompilerWarmUp warmUp = new CompilerWarmUp(plan);
        warmUp.thread.setContextClassLoader(context);
        warmUp.thread.start();
        return warmUp;
    }

    /** Ends the warm-up after the round in progress. */
    public void stop() {
        stopped = true;
    }

    private void run(Plan plan) {
        try (Rounds rounds = plan.work().call()) {
            for (int round = 1; round <= plan.rounds() && !stopped; round++) {
                if (!rounds.run(round)) {
                    return;
                }
            }
        } catch (Exception | LinkageError e) {
            // Only speed is at stake.
        }
    }
}
