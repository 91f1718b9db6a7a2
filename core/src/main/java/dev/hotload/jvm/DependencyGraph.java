package dev.hotload.jvm;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sources use which, from the compiled classes' constant pools. A source depends on every class its
 * classes name, and on those classes' supertypes: a member inherited from {@code C} and used through a
 * subclass {@code B} names only {@code B}, yet breaks when {@code C} changes.
 */
public final class DependencyGraph {

    private final Map<Path, Set<Path>> dependents = new HashMap<>();

    private DependencyGraph(Collection<CompiledClass> classes) {
        Map<String, ClassInfo> byName = new HashMap<>();
        Map<String, Path> sourceOf = new HashMap<>();
        for (CompiledClass compiled : classes) {
            byName.put(compiled.name(), compiled.info());
            sourceOf.put(compiled.name(), compiled.source());
        }
        for (CompiledClass compiled : classes) {
            for (String used : withSupertypes(compiled.info().references(), byName)) {
                Path usedSource = sourceOf.get(used);
                if (usedSource != null && !usedSource.equals(compiled.source())) {
                    dependents.computeIfAbsent(usedSource, s -> new HashSet<>()).add(compiled.source());
                }
            }
        }
    }

    /** @return the dependencies between the sources these classes came from */
    public static DependencyGraph of(Collection<CompiledClass> classes) {
        return new DependencyGraph(classes);
    }

    /** @return the sources whose classes use a class of one of {@code sources}, not counting those themselves */
    public Set<Path> dependentsOf(Collection<Path> sources) {
        Set<Path> found = new HashSet<>();
        for (Path source : sources) {
            found.addAll(dependents.getOrDefault(source, Set.of()));
        }
        found.removeAll(sources);
        return found;
    }

    /**
     * @return the sources whose classes use a class of one of {@code sources}, directly or through others (a test of
     *     a class that uses the saved one), not counting those themselves
     */
    public Set<Path> allDependentsOf(Collection<Path> sources) {
        Set<Path> found = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>(sources);
        while (!todo.isEmpty()) {
            for (Path dependent : dependents.getOrDefault(todo.pop(), Set.of())) {
                if (found.add(dependent)) {
                    todo.push(dependent);
                }
            }
        }
        found.removeAll(sources);
        return found;
    }

    /** @return {@code names} and, for those that are the program's own classes, all their supertypes */
    private static Set<String> withSupertypes(Set<String> names, Map<String, ClassInfo> byName) {
        Set<String> all = new HashSet<>(names);
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            ClassInfo info = byName.get(todo.pop());
            List<String> supertypes = info == null ? List.of() : info.supertypes();
            for (String supertype : supertypes) {
                if (all.add(supertype)) {
                    todo.push(supertype);
                }
            }
        }
        return all;
    }
}
