package dev.hotload.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * What {@code Runtime.exit} and {@code Runtime.halt} call first, once the agent has {@linkplain #guardRuntime
 * rewritten them}: a hook that core installs, which may throw to refuse the call (a program's exit ends its run,
 * not the JVM). Boot-loaded, so that java.base can call it; the hook's type is java.base's own for the same reason.
 */
public final class ExitGuard {

    private static volatile ObjIntConsumer<String> hook;
    private static volatile boolean guarding;

    private ExitGuard() {
    }

    /**
     * Rewrites {@code Runtime.exit} and {@code halt} to call this class first. Done before {@code main}, while no
     * other thread loads classes: a class redefined while another is being loaded from the class-data archive can
     * crash JDK 17 (seen as a SIGSEGV in {@code klassVtable::update_inherited_vtable}). A failure leaves the JVM as
     * it was, unguarded.
     */
    static void guardRuntime(Instrumentation instrumentation) {
        ClassFileTransformer patch = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                return redefined == Runtime.class ? RuntimePatch.patch(bytes) : null;
            }
        };
        try {
            instrumentation.redefineModule(Runtime.class.getModule(), Set.of(ExitGuard.class.getModule()), Map.of(),
                    Map.of(), Set.of(), Map.of());
            instrumentation.addTransformer(patch, true);
            try {
                instrumentation.retransformClasses(Runtime.class);
            } finally {
                instrumentation.removeTransformer(patch);
            }
            guarding = true;
        } catch (Exception | LinkageError unguarded) {
            // The JDK refused: exits through reflection end the JVM, as without the agent.
        }
    }

    /** @return whether {@code Runtime.exit} and {@code Runtime.halt} call this class first */
    public static boolean isGuarding() {
        return guarding;
    }

    /**
     * @param value called with the call's name ({@code Runtime.exit}, {@code Runtime.halt}) and its status; it may
     *     throw to refuse the call
     */
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
