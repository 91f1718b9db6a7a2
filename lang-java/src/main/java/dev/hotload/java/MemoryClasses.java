package dev.hotload.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class files in memory as a compiler's file manager serves them: listed by package (javac) and found by name
 * (ECJ, with slashes for dots). The program's classes compiled earlier, for a save's compile or a snippet's.
 */
final class MemoryClasses {

    static final MemoryClasses NONE = new MemoryClasses(Map.of(), Map.of());

    private final Map<String, List<MemoryClassFile>> byPackage;
    private final Map<String, MemoryClassFile> byName;

    private MemoryClasses(Map<String, List<MemoryClassFile>> byPackage, Map<String, MemoryClassFile> byName) {
        this.byPackage = byPackage;
        this.byName = byName;
    }

    /** @param classes class files by binary name */
    static MemoryClasses of(Map<String, byte[]> classes) {
        Map<String, List<MemoryClassFile>> byPackage = new HashMap<>();
        Map<String, MemoryClassFile> byName = new HashMap<>();
        classes.forEach((name, bytes) -> {
            MemoryClassFile file = MemoryClassFile.of(name, bytes);
            byPackage.computeIfAbsent(packageOf(name), p -> new ArrayList<>()).add(file);
            byName.put(name, file);
        });
        return new MemoryClasses(byPackage, byName);
    }

    /** @return the class files in package {@code slashedOrDotted}, and in its subpackages if {@code recurse} */
    List<MemoryClassFile> in(String slashedOrDotted, boolean recurse) {
        String packageName = dotted(slashedOrDotted);
        List<MemoryClassFile> all = new ArrayList<>();
        byPackage.forEach((pkg, files) -> {
            if (pkg.equals(packageName) || recurse && pkg.startsWith(packageName.isEmpty() ? "" : packageName + ".")) {
                all.addAll(files);
            }
        });
        return all;
    }

    /** @return the class file of {@code className} ({@code util/Strings$Inner} or dotted), or null */
    MemoryClassFile named(String className) {
        return byName.get(dotted(className));
    }

    private static String dotted(String name) {
        return name.replace('/', '.');
    }

    private static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
