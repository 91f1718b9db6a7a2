package dev.hotload;

import java.util.function.Supplier;

/**
 * What reloaded code can ask of hotload: objects that outlive a reload, and cleanup before the next one. This
 * class is on hotload's own class path, so every generation of reloaded code shares it.
 *
 * <pre>{@code
 * HttpServer server = Hotload.keep("server", () -> startServer(8080));
 * ExecutorService pool = Executors.newFixedThreadPool(4);
 * Hotload.onUnload(pool::shutdownNow);
 * }</pre>
 */
public final class Hotload {

    private Hotload() {
    }

    /**
     * Computes a value once and returns that same object on every later reload, the Java counterpart of the
     * original's NameError idiom. Keep JDK or library types (a connection, a cache, a server): an object of a
     * class of your own belongs to the generation that defined it and cannot be used by the next one, so
     * keeping it fails with an {@link IllegalStateException} that says so.
     *
     * @param key names the value; the same key returns the same object across reloads
     * @param init computes the value the first time; it must not return null
     * @return the kept value
     * @throws IllegalStateException if the kept value's class was defined by an earlier generation
     */
    public static <T> T keep(String key, Supplier<T> init) {
        return KeptState.keep(key, init);
    }

    /**
     * Registers cleanup that runs before the next generation starts, and once when hotload stops: close a
     * server socket, stop a thread pool. Hooks run in reverse order of registration, each once.
     *
     * @param hook what to run; an exception it throws is reported and the other hooks still run
     */
    public static void onUnload(Runnable hook) {
        KeptState.onUnload(hook);
    }
}
