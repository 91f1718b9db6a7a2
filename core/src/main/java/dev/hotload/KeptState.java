package dev.hotload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What outlives a reload: the values {@link Hotload#keep} keeps, the {@link Hotload#onUnload} hooks still to
 * run, and which class loader holds the current generation of reloaded code (a kept object of an older one is
 * refused). For the runner, not for reloaded code: it calls {@link #begin} before it runs a new generation,
 * {@link #unload} before it replaces one, and {@link #end} when hotload stops. One per JVM.
 */
public final class KeptState {

    private static final Map<String, Object> KEPT = new ConcurrentHashMap<>();
    private static final List<Runnable> HOOKS = new ArrayList<>();
    /** Weak, so that remembering a generation never keeps its classes from being unloaded. */
    private static final Set<ClassLoader> LOADERS = Collections.newSetFromMap(new WeakHashMap<>());
    private static ClassLoader current;

    private KeptState() {
    }

    /** @param loader the class loader that defines the generation about to run; earlier ones are now stale */
    public static synchronized void begin(ClassLoader loader) {
        LOADERS.add(Objects.requireNonNull(loader, "loader"));
        current = loader;
    }

    /**
     * Runs the {@link Hotload#onUnload} hooks, latest first, and forgets them.
     *
     * @return what the hooks threw, for the reloader to report; empty if they all ran
     */
    public static List<Throwable> unload() {
        List<Runnable> hooks;
        synchronized (KeptState.class) {
            hooks = new ArrayList<>(HOOKS);
            HOOKS.clear();
        }
        Collections.reverse(hooks);
        List<Throwable> failures = new ArrayList<>();
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (Throwable failure) {
                failures.add(failure);
            }
        }
        return failures;
    }

    /**
     * Runs the hooks and forgets every kept value: the session is over, and a new one starts afresh.
     *
     * @return what the hooks threw
     */
    public static List<Throwable> end() {
        List<Throwable> failures = unload();
        KEPT.clear();
        synchronized (KeptState.class) {
            current = null;
        }
        return failures;
    }

    static <T> T keep(String key, Supplier<T> init) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(init, "init");
        Object value = KEPT.get(key);
        if (value == null) {
            value = Objects.requireNonNull(init.get(), () -> "Hotload.keep(\"" + key + "\", ...): init returned null");
            Object raced = KEPT.putIfAbsent(key, value);
            value = raced == null ? value : raced;
        }
        checkNotStale(key, value);
        @SuppressWarnings("unchecked")
        T kept = (T) value;
        return kept;
    }

    static synchronized void onUnload(Runnable hook) {
        HOOKS.add(Objects.requireNonNull(hook, "hook"));
    }

    /** A stale value would fail later as a bare ClassCastException between two classes of the same name. */
    private static synchronized void checkNotStale(String key, Object value) {
        ClassLoader definedBy = value.getClass().getClassLoader();
        if (definedBy != null && definedBy != current && LOADERS.contains(definedBy)) {
            throw new IllegalStateException("Hotload.keep(\"" + key + "\"): the kept " + value.getClass().getName()
                    + " was defined by an earlier reload and cannot be used by this one; keep JDK or library types"
                    + " (a Map, a connection, a server), or use a new key");
        }
    }
}
