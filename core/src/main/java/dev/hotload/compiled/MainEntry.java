package dev.hotload.compiled;

import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.Generation;
import dev.hotload.loop.Outcome;
import dev.hotload.run.Entry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entry of a class-based language (Java): the entry class's {@code public static void main(String[])}
 * with the program's arguments, or the static no-argument method named by {@code --entrypoint}. As with
 * {@code java Lib.java}, the class itself need not be public.
 *
 * @param className the entry class's binary name
 * @param method the {@code --entrypoint} method, or empty for {@code main}
 * @param args the program's arguments, for {@code main}
 */
public record MainEntry(String className, Optional<String> method, List<String> args) implements EntryFinder {

    public MainEntry {
        args = List.copyOf(args);
    }

    @Override
    public Entry find(Generation generation, List<CompiledClass> fromEntryFile) throws MissingEntry {
        Class<?> entryClass;
        try {
            entryClass = Class.forName(className, false, generation);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingEntry("no class " + className + " in its source file: the entry file must declare it");
        }
        Method found = method.isPresent() ? named(entryClass, method.get()) : main(entryClass);
        try {
            // Invoked through a method handle, the entry's stack trace shows no reflection frames.
            found.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(found);
            MethodHandle call = method.isPresent()
                    ? handle.asType(MethodType.methodType(void.class))
                    : MethodHandles.insertArguments(handle, 0, (Object) args.toArray(String[]::new));
            return Entry.startingIn(Set.of(className + "." + found.getName()), () -> {
                call.invoke();
                return Outcome.ok();
            });
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MissingEntry("cannot call " + describe(found) + ": " + e.getMessage());
        }
    }

    private static Method main(Class<?> entryClass) throws MissingEntry {
        try {
            Method main = entryClass.getDeclaredMethod("main", String[].class);
            if (isPublicStatic(main) && main.getReturnType() == void.class) {
                return main;
            }
        } catch (NoSuchMethodException | LinkageError e) {
            // Said below, with what to do.
        }
        throw new MissingEntry(entryClass.getSimpleName() + " has no 'public static void main(String[] args)':"
                + " add one, or name a static method to call with --entrypoint");
    }

    private static Method named(Class<?> entryClass, String name) throws MissingEntry {
        Optional<Method> found = Optional.empty();
        try {
            found = Arrays.stream(entryClass.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && m.getParameterCount() == 0 && isPublicStatic(m))
                    .findFirst();
        } catch (LinkageError e) {
            // Said below.
        }
        return found.orElseThrow(() -> new MissingEntry(entryClass.getSimpleName() + " has no 'public static "
                + name + "()' to call (--entrypoint)"));
    }

    private static boolean isPublicStatic(Method method) {
        return Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers());
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
