package dev.hotload.groovy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The class loader of one line typed at the prompt: its script and closures, over the generation that was the
 * program's when it was typed. One per line, so that a line's classes unload once nothing holds them (a closure
 * kept in the binding holds its own).
 */
final class PromptClasses extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    PromptClasses(Map<String, byte[]> classes, ClassLoader program) {
        super(program);
        this.classes = Map.copyOf(classes);
    }

    /** @return the line's classes loaded so far */
    List<Class<?>> defined() {
        List<Class<?>> defined = new ArrayList<>();
        for (String name : classes.keySet()) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                defined.add(loaded);
            }
        }
        return defined;
    }

    /** Child first: the line's own classes win over a program's class of the same name. */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public String toString() {
        return "hotload prompt line";
    }
}
