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
 * {@link #takeHooks} before it replaces one, and {@link #end} when hotload stops. One per JVM.
 */
public final class KeptState {

    private static final Map<String, Object> KEPT = new ConcurrentHashMap<>();
    private static final List<Hook> HOOKS = new ArrayList<>();
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
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
     * A cleanup hook the program registered.
     *
     * @param action what to run
     * @param origin where it was registered, for messages: {@code Lib.main(Lib.java:5)}
     */
    public record Hook(Runnable action, String origin) {
        public Hook {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * Hands over the {@link Hotload#onUnload} hooks, latest first, and forgets them: the runner runs them, each
     * for a bounded time, before it replaces a generation.
     *
     * @return the hooks to run, in order
     */
    public static List<Hook> takeHooks() {
        List<Hook> hooks;
        synchronized (KeptState.class) {
            hooks = new ArrayList<>(HOOKS);
            HOOKS.clear();
        }
        Collections.reverse(hooks);
        return hooks;
    }

    /**
     * Hands over the hooks and forgets every kept value: the session is over, and a new one starts afresh.
     *
     * @return the hooks still to run, as {@link #takeHooks}
     */
    public static List<Hook> end() {
        List<Hook> hooks = takeHooks();
        KEPT.clear();
        synchronized (KeptState.class) {
            current = null;
        }
        return hooks;
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

    static void onUnload(Runnable hook) {
        Hook registered = new Hook(Objects.requireNonNull(hook, "hook"), origin(hook));
        synchronized (KeptState.class) {
            HOOKS.add(registered);
        }
    }

    /**
     * @return the program's frame that registered {@code hook}: the first one of a class that neither hotload nor a
     *     language runtime loaded (a runtime's loader is hotload's); the hook itself where there is none
     */
    private static String origin(Runnable hook) {
        ClassLoader hotload = KeptState.class.getClassLoader();
        return STACK.walk(frames -> frames
                .filter(frame -> isProgram(frame.getDeclaringClass().getClassLoader(), hotload))
                .findFirst()
                .map(frame -> frame.toStackTraceElement().toString())
                .orElse(String.valueOf(hook)));
    }

    private static boolean isProgram(ClassLoader loader, ClassLoader hotload) {
        for (ClassLoader shared = hotload; shared != null; shared = shared.getParent()) {
            if (loader == shared) {
                return false;
            }
        }
        return loader != null;
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
