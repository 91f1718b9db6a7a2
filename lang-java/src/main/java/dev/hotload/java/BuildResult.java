package dev.hotload.java;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * How a save's build went.
 *
 * @param recompiled the sources javac compiled, in path order; empty if nothing needed compiling
 * @param errors javac's errors; empty if the build succeeded
 */
record BuildResult(Set<Path> recompiled, List<Diagnostic<? extends JavaFileObject>> errors) {

    BuildResult {
        recompiled = Collections.unmodifiableSortedSet(new TreeSet<>(recompiled));
        errors = List.copyOf(errors);
    }

    /** @return whether the program's classes are up to date with its sources */
    boolean isOk() {
        return errors.isEmpty();
    }
}
