package dev.hotload.java;

import dev.hotload.jvm.CompiledClass;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What one run of javac gave: class files, or errors.
 *
 * @param classes the classes written; empty when there are errors
 * @param errors javac's errors, in the order it reported them
 */
record CompileResult(List<CompiledClass> classes, List<Diagnostic<? extends JavaFileObject>> errors) {

    CompileResult {
        classes = List.copyOf(classes);
        errors = List.copyOf(errors);
    }

    /** @return whether javac compiled every source without error */
    boolean isOk() {
        return errors.isEmpty();
    }
}
