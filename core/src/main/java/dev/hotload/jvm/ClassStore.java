package dev.hotload.jvm;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every class the program's sources compiled to, by binary name: the last good build, reused by every save. */
public final class ClassStore {

    private final Map<String, CompiledClass> byName = new HashMap<>();

    /** @return the class files of every class, by binary name: what a generation defines */
    public Map<String, byte[]> bytes() {
        Map<String, byte[]> bytes = new HashMap<>();
        byName.forEach((name, compiled) -> bytes.put(name, compiled.bytes()));
        return bytes;
    }

    /** @return the class files of every class not compiled from one of {@code sources}: what the compiler sees of the rest */
    public Map<String, byte[]> bytesExcept(Set<Path> sources) {
        Map<String, byte[]> bytes = new HashMap<>();
        byName.forEach((name, compiled) -> {
            if (!sources.contains(compiled.source())) {
                bytes.put(name, compiled.bytes());
            }
        });
        return bytes;
    }

    /** @return the compile-time constants of the classes compiled from {@code sources}, by class name */
    public Map<String, Map<String, Object>> constantsOf(Set<Path> sources) {
        Map<String, Map<String, Object>> constants = new HashMap<>();
        byName.forEach((name, compiled) -> {
            if (sources.contains(compiled.source()) && !compiled.info().constants().isEmpty()) {
                constants.put(name, compiled.info().constants());
            }
        });
        return constants;
    }

    /** Forgets the classes of {@code sources} (a deleted source's too), then keeps {@code compiled}. */
    public void replace(Set<Path> sources, List<CompiledClass> compiled) {
        byName.values().removeIf(old -> sources.contains(old.source()));
        compiled.forEach(added -> byName.put(added.name(), added));
    }

    /** @return the dependencies between the sources, as the stored classes tell them */
    public DependencyGraph graph() {
        return DependencyGraph.of(all());
    }

    public Collection<CompiledClass> all() {
        return List.copyOf(byName.values());
    }
}
