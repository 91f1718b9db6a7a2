package dev.hotload.run;

import java.util.concurrent.SynchronousQueue;

/**
 * A thread named {@code main} that runs entries one after another: for a runtime that sets up state for each
 * thread it meets (Jython's thread state costs more than the rest of a small module's reload). A run that
 * never ends keeps its worker; the runner then starts another.
 */
final class Worker {

    private final Thread thread;
    private final SynchronousQueue<Runnable> runs = new SynchronousQueue<>();

    /** @param group the thread's group: the threads the program starts are in it too */
    Worker(ThreadGroup group) {
        thread = new Thread(group, this::serve, "main");
        // The program's threads inherit it: hotload decides when the JVM ends, not a thread left running.
        thread.setDaemon(true);
        thread.start();
    }

    /** @return its thread, alive while it waits for a run */
    Thread thread() {
        return thread;
    }

    /**
     * Hands {@code run} to the thread, with {@code contextLoader} as its context class loader, once it is done
     * with its last run, which must have ended (its final bookkeeping may still be under way).
     */
    Thread take(Runnable run, ClassLoader contextLoader) throws InterruptedException {
        thread.setContextClassLoader(contextLoader);
        runs.put(run);
        return thread;
    }

    private void serve() {
        while (true) {
            Runnable run;
            try {
                run = runs.take();
            } catch (InterruptedException late) {
                continue; // meant for a run that had already ended
            }
            Thread.interrupted(); // nor may one reach the next run
            run.run();
        }
    }
}
