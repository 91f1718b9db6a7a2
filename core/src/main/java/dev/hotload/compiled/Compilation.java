package dev.hotload.compiled;

import dev.hotload.jvm.CompiledClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What one compile gave: class files, or errors.
 *
 * @param sources the sources compiled: those asked for, and any the compiler pulled in by itself
 * @param classes their classes; empty if the compile failed
 * @param errors the compile's errors, in the order the compiler reported them; empty if it succeeded
 */
public record Compilation(Set<Path> sources, List<CompiledClass> classes, List<CompileError> errors) {

    public Compilation {
        sources = Set.copyOf(sources);
        classes = List.copyOf(classes);
        errors = List.copyOf(errors);
    }

    /** @return a compile that succeeded */
    public static Compilation ok(Set<Path> sources, List<CompiledClass> classes) {
        return new Compilation(sources, classes, List.of());
    }

    /** @return a compile that failed */
    public static Compilation failed(Set<Path> sources, List<CompileError> errors) {
        return new Compilation(sources, List.of(), errors);
    }

    /** @return whether every source compiled without error */
    public boolean isOk() {
        return errors.isEmpty();
    }
}
