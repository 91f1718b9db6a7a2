package dev.hotload.groovy;

import dev.hotload.jvm.CompiledClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one compile produced.
 *
 * @param sources the sources compiled, as they were read
 * @param classes their classes; empty if the compile failed
 * @param errors the compile's errors; empty if it succeeded
 */
record CompileResult(Map<Path, SourceText> sources, List<CompiledClass> classes, List<CompileError> errors) {

    CompileResult {
        sources = Map.copyOf(sources);
        classes = List.copyOf(classes);
        errors = List.copyOf(errors);
    }

    static CompileResult ok(Map<Path, SourceText> sources, List<CompiledClass> classes) {
        return new CompileResult(sources, classes, List.of());
    }

    static CompileResult failed(Map<Path, SourceText> sources, List<CompileError> errors) {
        return new CompileResult(sources, List.of(), errors);
    }

    boolean isOk() {
        return errors.isEmpty();
    }
}
