package dev.hotload.java;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The thread a compiler runs on, which no interrupt reaches: Ctrl-C interrupts the thread that waits here. ECJ
 * reads the JDK's classes (ct.sym) through file channels, which an interrupt closes for every compile after, and
 * reports the interrupt as an error of the program's. Made on the first compile, by the thread that compiles: it
 * keeps that thread's priority (a warm-up's is low).
 */
final class CompileThread implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hotload-compiler");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @return whether the compile succeeded; empty if the waiting thread was interrupted first, its interrupt kept
     *     (the compile ends unseen)
     */
    Optional<Boolean> call(Callable<Boolean> compile) {
        Future<Boolean> result = executor.submit(compile);
        try {
            return Optional.of(result.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Ends the thread once its compile, if any, ends: never interrupted, as said above. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
