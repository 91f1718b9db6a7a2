package dev.hotload.jvm;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Whether a loaded class has been initialized: its static initializer has run, and will not run again. Asked of
 * {@code sun.misc.Unsafe} (module jdk.unsupported, there for such uses), the one place Java says it without
 * initializing the class; where it cannot be asked, a class is taken to be initialized.
 */
final class ClassInitialization {

    private static final Object UNSAFE;
    private static final Method SHOULD_BE_INITIALIZED;

    static {
        Object unsafe = null;
        Method method = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            method = type.getMethod("shouldBeInitialized", Class.class);
        } catch (ReflectiveOperationException | RuntimeException notHere) {
            // Then every loaded class counts as initialized.
        }
        UNSAFE = unsafe;
        SHOULD_BE_INITIALIZED = method;
    }

    private ClassInitialization() {
    }

    /** @return whether {@code loaded}'s static initializer has run (or may have: when it cannot be told) */
    static boolean hasRun(Class<?> loaded) {
        if (SHOULD_BE_INITIALIZED == null) {
            return true;
        }
        try {
            return !(Boolean) SHOULD_BE_INITIALIZED.invoke(UNSAFE, loaded);
        } catch (ReflectiveOperationException | RuntimeException cannotTell) {
            return true;
        }
    }
}
