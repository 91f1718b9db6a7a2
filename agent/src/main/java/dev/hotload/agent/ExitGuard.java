package dev.hotload.agent;

import java.util.function.ObjIntConsumer;

/**
 * What {@code Runtime.exit} and {@code Runtime.halt} call first, once core has rewritten them: the hook core
 * installs, which may throw to refuse the call (a program's exit ends its run, not the JVM). Boot-loaded, so
 * that java.base can call it; the hook's type is java.base's own for the same reason.
 */
public final class ExitGuard {

    private static volatile ObjIntConsumer<String> hook;

    private ExitGuard() {
    }

    /** @param value called with the call's name ({@code Runtime.exit}, {@code Runtime.halt}) and its status */
    public static void install(ObjIntConsumer<String> value) {
        hook = value;
    }

    /** Called first by {@code Runtime.exit(status)}; returns to let the JVM exit. */
    public static void exit(int status) {
        check("Runtime.exit", status);
    }

    /** Called first by {@code Runtime.halt(status)}; returns to let the JVM halt. */
    public static void halt(int status) {
        check("Runtime.halt", status);
    }

    private static void check(String call, int status) {
        ObjIntConsumer<String> current = hook;
        if (current != null) {
            current.accept(call, status);
        }
    }
}
