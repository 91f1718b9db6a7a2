package dev.hotload.compiled;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a save's build went.
 *
 * @param recompiled the sources compiled, in path order; empty if nothing needed compiling
 * @param errors the errors; empty if the build succeeded
 * @param unreadable whether the errors are of sources that could not be read, rather than compiled
 */
public record BuildResult(Set<Path> recompiled, List<CompileError> errors, boolean unreadable) {

    public BuildResult {
        recompiled = Collections.unmodifiableSortedSet(new TreeSet<>(recompiled));
        errors = List.copyOf(errors);
    }

    static BuildResult ok(Set<Path> recompiled) {
        return new BuildResult(recompiled, List.of(), false);
    }

    static BuildResult failed(List<CompileError> errors) {
        return new BuildResult(Set.of(), errors, false);
    }

    static BuildResult unreadable(List<CompileError> errors) {
        return new BuildResult(Set.of(), errors, true);
    }

    /** @return whether the program's classes are up to date with its sources */
    public boolean isOk() {
        return errors.isEmpty();
    }

    /** @return a few words for the status line: why the build failed */
    public String failure() {
        return unreadable ? "unreadable source" : "compile error";
    }

    /** @return this build followed by {@code next}: what both compiled, and how the last one ended */
    BuildResult then(BuildResult next) {
        Set<Path> both = new TreeSet<>(recompiled);
        both.addAll(next.recompiled);
        return new BuildResult(both, next.errors, next.unreadable);
    }
}
