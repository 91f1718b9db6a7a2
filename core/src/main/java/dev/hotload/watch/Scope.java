package dev.hotload.watch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a scan looks: at every watched file, or only at some paths (and, for a folder, at what is under it).
 * File events name the paths they concern, so that a save in a tree of 10,000 files costs a look at one.
 *
 * @param everything whether to look at every watched file
 * @param paths where to look otherwise, absolute
 */
record Scope(boolean everything, Set<Path> paths) {

    static final Scope EVERYTHING = new Scope(true, Set.of());
    static final Scope NOTHING = new Scope(false, Set.of());

    Scope {
        paths = Set.copyOf(paths);
    }

    /** @return a scope of just these paths */
    static Scope of(Collection<Path> paths) {
        return paths.isEmpty() ? NOTHING : new Scope(false, Set.copyOf(paths));
    }

    /** @return where this scope or {@code other} looks */
    Scope plus(Scope other) {
        if (everything || other.everything) {
            return EVERYTHING;
        }
        if (other.paths.isEmpty()) {
            return this;
        }
        Set<Path> both = new HashSet<>(paths);
        both.addAll(other.paths);
        return new Scope(false, both);
    }

    boolean isEmpty() {
        return !everything && paths.isEmpty();
    }
}
