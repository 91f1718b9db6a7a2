package dev.hotload.java;

import dev.hotload.compiled.LiveProgram;
import dev.hotload.jvm.ExitRewriter;
import dev.hotload.jvm.Generation;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.NotImplementedException;

/**
 * JShell's snippet classes, defined by the program's latest generation itself, in its entry's package
 * ({@link SnippetPackage}): a snippet calls the program's classes as they are now, package-private ones too.
 *
 * <p>A save that restarts the program makes a new generation: at the next snippet, every snippet class defined
 * so far is defined again in it (a declaration runs nothing), and the prompt's variables are carried over when
 * their type is the same class in both (the JDK's, a library's); a variable of the program's own type (or of a
 * class declared at the prompt) holds an object of the replaced code, and is reset to its default, said once.
 * Before the first good build, snippets are defined by a loader of their own over the libraries.
 */
final class SnippetClasses implements LoaderDelegate {

    private final LiveProgram program;
    private final SnippetPackage names;
    private final String entryClass;
    /** Every snippet class, renamed to run, by JShell's name, in the order JShell loaded them. */
    private final Map<String, byte[]> declared = new LinkedHashMap<>();
    private final Map<String, Class<?>> defined = new HashMap<>();
    private ClassLoader home;
    private Definer definer;

    SnippetClasses(LiveProgram program, SnippetPackage names, String entryClass) {
        this.program = program;
        this.names = names;
        this.entryClass = entryClass;
    }

    @Override
    public synchronized void load(ClassBytecodes[] classes) throws ClassInstallException {
        follow(System.out);
        boolean[] installed = new boolean[classes.length];
        Map<String, byte[]> batch = new LinkedHashMap<>();
        for (ClassBytecodes snippet : classes) {
            batch.put(snippet.name(), ExitRewriter.rewrite(names.runtime(snippet.bytecodes())));
        }
        declared.putAll(batch);
        try {
            for (int i = 0; i < classes.length; i++) {
                define(classes[i].name(), batch);
                installed[i] = true;
            }
        } catch (LinkageError | RuntimeException e) {
            throw new ClassInstallException("cannot define " + e.getMessage(), installed);
        }
    }

    /** Never called: {@link jdk.jshell.execution.DirectExecutionControl} redefines nothing. */
    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
    }

    /** The libraries ({@code --classpath}) are the program's: snippets see them through its loader already. */
    @Override
    public void addToClasspath(String path) throws NotImplementedException {
        throw new NotImplementedException("the class path is the program's: --classpath");
    }

    @Override
    public synchronized Class<?> findClass(String name) throws ClassNotFoundException {
        follow(System.out);
        Class<?> snippet = defined.get(name);
        return snippet != null ? snippet : Class.forName(names.runtimeName(name), false, home);
    }

    /** @return the snippet class {@code name} as defined for the latest generation, if JShell declared it */
    synchronized Optional<Class<?>> latest(String name) {
        return Optional.ofNullable(defined.get(name));
    }

    /**
     * Moves the snippets to the program's latest generation, if it is not where they are.
     *
     * @param out where to say which variables were reset
     */
    synchronized void follow(PrintStream out) {
        ClassLoader latest = program.generation().<ClassLoader>map(g -> g).orElse(program.libraries());
        if (latest == home) {
            return;
        }
        home = latest;
        definer = program.generation().map(this::lookupIn).orElseGet(() -> new OwnLoader(program.libraries())::define);
        Map<String, Class<?>> before = Map.copyOf(defined);
        defined.clear();
        List<String> reset = new ArrayList<>();
        for (String name : declared.keySet()) {
            try {
                Class<?> now = define(name, declared);
                Class<?> then = before.get(name);
                if (then != null) {
                    reset.addAll(carry(then, now));
                }
            } catch (LinkageError | RuntimeException e) {
                out.println("|  " + name + " is lost in the reload: " + e);
            }
        }
        if (!reset.isEmpty()) {
            out.println("|  reset to null by the reload, their class replaced: " + String.join(", ", reset));
        }
    }

    /**
     * Defines {@code name} of {@code batch}, and first the other classes of the batch it needs (a superclass):
     * the program's loader cannot find a snippet class by name.
     */
    private Class<?> define(String name, Map<String, byte[]> batch) {
        Class<?> done = defined.get(name);
        if (done != null) {
            return done;
        }
        while (true) {
            try {
                Class<?> now = definer.define(batch.get(name));
                defined.put(name, now);
                return now;
            } catch (NoClassDefFoundError missing) {
                String needed = names.compiledName(String.valueOf(missing.getMessage()).replace('/', '.'));
                if (!batch.containsKey(needed) || defined.containsKey(needed) || needed.equals(name)) {
                    throw missing;
                }
                define(needed, batch);
            }
        }
    }

    /** @return the names of the variables that could not be carried over */
    private static List<String> carry(Class<?> then, Class<?> now) {
        List<String> reset = new ArrayList<>();
        for (Field old : then.getDeclaredFields()) {
            int modifiers = old.getModifiers();
            if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || old.isSynthetic()) {
                continue;
            }
            try {
                Field field = now.getDeclaredField(old.getName());
                old.setAccessible(true);
                field.setAccessible(true);
                Object value = old.get(null);
                if (field.getType() == old.getType() || value == null) {
                    field.set(null, value);
                } else {
                    reset.add(old.getName());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                reset.add(old.getName());
            }
        }
        return reset;
    }

    /** Snippets defined in the generation's loader, in the package of the entry class. */
    private Definer lookupIn(Generation generation) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Class.forName(entryClass, false, generation),
                    MethodHandles.lookup());
            return bytes -> {
                try {
                    return lookup.defineClass(bytes);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot define a snippet beside " + entryClass, e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generation has no entry class " + entryClass, e);
        }
    }

    /** Defines a class in the loader the snippets live in now. */
    private interface Definer {
        Class<?> define(byte[] bytes);
    }

    /** Before the first good build: a loader of the snippets over the libraries. */
    private static final class OwnLoader extends ClassLoader {
        OwnLoader(ClassLoader libraries) {
            super(libraries);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }
}
