package dev.hotload.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which modules of a Python project import which, read from their {@code import} and {@code from ... import}
 * lines (relative ones, and Python 2's implicit relative ones, included), and which are test modules: those named
 * {@code test*.py}, as unittest discovers them. An import inside a function counts as well: it runs when the
 * test does.
 */
final class PythonImports {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.,\\s]+?)\\s*(?:#.*)?$", Pattern.MULTILINE);
    private static final Pattern FROM = Pattern.compile("^\\s*from\\s+(\\.*)([\\w.]*)\\s+import\\s+\\(?([\\w.,\\s*]+)",
            Pattern.MULTILINE);

    /** The project's modules by dotted name, sorted. */
    private final Map<String, Path> modules;
    private final Map<String, Set<String>> imports = new HashMap<>();

    private PythonImports(Map<String, Path> modules, Map<String, String> sources) {
        this.modules = modules;
        sources.forEach((module, source) -> imports.put(module, importsOf(module, source)));
    }

    /** @return the imports of the modules under {@code root}, as they are saved now */
    static PythonImports of(Path root) {
        Map<String, Path> modules = new TreeMap<>();
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(file -> isModule(file) && !isHidden(root.relativize(file))).toList()) {
                String name = moduleName(root.relativize(file));
                modules.put(name, file.toAbsolutePath().normalize());
                try {
                    // Latin-1 reads any bytes: the import lines are ASCII whatever the file's coding.
                    sources.put(name, Files.readString(file, StandardCharsets.ISO_8859_1));
                } catch (IOException unreadable) {
                    sources.put(name, ""); // its import fails at the run, and says why
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            // The modules found so far: a folder that cannot be read holds none the run could import.
        }
        return new PythonImports(modules, sources);
    }

    /** @return every test module, by name */
    List<String> testModules() {
        return modules.keySet().stream().filter(PythonImports::isTest).toList();
    }

    /** @return the test modules that are one of {@code saved}, or import one, directly or through others */
    List<String> testModulesUsing(Collection<Path> saved) {
        Set<String> savedModules = new HashSet<>();
        modules.forEach((name, file) -> {
            if (saved.contains(file)) {
                savedModules.add(name);
            }
        });
        return testModules().stream().filter(test -> reaches(test, savedModules)).toList();
    }

    private boolean reaches(String from, Set<String> targets) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (!seen.add(module)) {
                continue;
            }
            if (targets.contains(module)) {
                return true;
            }
            todo.addAll(imports.getOrDefault(module, Set.of()));
        }
        return false;
    }

    /** @return the project's modules that {@code source}, the module {@code module}'s, imports */
    private Set<String> importsOf(String module, String source) {
        String ownPackage = modules.get(module).getFileName().toString().equals("__init__.py")
                ? module : parent(module);
        Set<String> named = new HashSet<>();
        Matcher plain = IMPORT.matcher(source);
        while (plain.find()) {
            for (String part : plain.group(1).split(",")) {
                String name = part.trim().split("\\s+")[0];
                named.add(name);
                named.add(join(ownPackage, name)); // Python 2's implicit relative import
            }
        }
        Matcher from = FROM.matcher(source);
        while (from.find()) {
            String base = from.group(2);
            if (!from.group(1).isEmpty()) {
                String pkg = ownPackage;
                for (int dot = 1; dot < from.group(1).length(); dot++) {
                    pkg = parent(pkg);
                }
                base = join(pkg, base);
            } else {
                named.add(join(ownPackage, base));
            }
            named.add(base);
            for (String part : from.group(3).split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (!name.isEmpty()) {
                    named.add(join(base, name)); // a module of the package: from pkg import mod
                }
            }
        }
        Set<String> found = new HashSet<>();
        for (String name : named) {
            // Importing a.b.c imports a and a.b too.
            for (String prefix = name; !prefix.isEmpty(); prefix = parent(prefix)) {
                if (modules.containsKey(prefix)) {
                    found.add(prefix);
                }
            }
        }
        found.remove(module);
        return found;
    }

    private static boolean isModule(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".py") && Files.isRegularFile(file) && !name.startsWith(".");
    }

    /** A folder of dots (.git, .venv) holds no module of the project's. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTest(String module) {
        return module.substring(module.lastIndexOf('.') + 1).startsWith("test");
    }

    private static String moduleName(Path relative) {
        String dotted = relative.toString().replace('/', '.');
        dotted = dotted.substring(0, dotted.length() - ".py".length());
        return dotted.endsWith(".__init__") ? dotted.substring(0, dotted.length() - ".__init__".length()) : dotted;
    }

    private static String parent(String module) {
        int dot = module.lastIndexOf('.');
        return dot < 0 ? "" : module.substring(0, dot);
    }

    private static String join(String pkg, String name) {
        return pkg.isEmpty() ? name : name.isEmpty() ? pkg : pkg + "." + name;
    }
}
