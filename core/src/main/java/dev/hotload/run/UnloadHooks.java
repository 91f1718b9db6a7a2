package dev.hotload.run;

import dev.hotload.KeptState;
import dev.hotload.loop.StackTraces;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a generation's {@link dev.hotload.Hotload#onUnload} hooks, in the order given, each on a thread of the
 * program's for a bounded time: a hook that loops or blocks for good must hold up neither the next save nor
 * hotload's end. One that has not finished in time is named and left behind (stopped, where the JDK still can).
 */
final class UnloadHooks {

    private UnloadHooks() {
    }

    /**
     * @param bound how long each hook may take
     * @param err where a hook that failed or did not finish is reported
     * @param program the program's thread group (see {@link ProgramThreads}): a hook is the program's code
     */
    static void run(List<KeptState.Hook> hooks, Duration bound, PrintStream err, ThreadGroup program)
            throws InterruptedException {
        for (KeptState.Hook hook : hooks) {
            runOne(hook, bound, err, program);
        }
    }

    private static void runOne(KeptState.Hook hook, Duration bound, PrintStream err, ThreadGroup program)
            throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(program, () -> {
            try {
                hook.action().run();
            } catch (Throwable thrown) {
                failure.set(thrown);
            }
        }, "onUnload");
        thread.setDaemon(true);
        thread.start();
        thread.join(Math.max(1, bound.toMillis()));
        if (thread.isAlive()) {
            err.println("hotload: the onUnload hook registered at " + hook.origin() + " did not finish within "
                    + bound.toMillis() + " ms; going on without it");
            stop(thread);
        } else if (failure.get() != null) {
            err.print("hotload: an onUnload hook failed: ");
            StackTraces.print(failure.get(), err);
        }
    }

    /** A hook that loops would spin for the rest of the session: stopped as a run that ignores its interrupt is. */
    private static void stop(Thread thread) {
        thread.interrupt();
        // Where the JDK cannot (20 and later), the thread goes on, a daemon that does not keep the JVM alive.
        ForcedStop.of(thread);
    }
}
