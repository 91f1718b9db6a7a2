package dev.hotload.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * Which module of the build runs, and from which file: the entry named ({@code -Dhotload.entry}, a path), else the
 * main class named ({@code -Dhotload.main}), else the main class a module's build already names (for the exec, jar
 * or spring-boot plugins), else the one class of the build's sources that has a {@code main} method. In a
 * multi-module build this picks one module; the goal runs there, and passes over the others.
 */
final class EntryChoice {

    /** Where a build names its main class: a plugin's {@code <mainClass>}, the exec and spring-boot properties. */
    private static final List<String> MAIN_CLASS_PLUGINS = List.of(
            "org.codehaus.mojo:exec-maven-plugin",
            "org.apache.maven.plugins:maven-jar-plugin",
            "org.springframework.boot:spring-boot-maven-plugin");
    private static final List<String> MAIN_CLASS_PROPERTIES = List.of("exec.mainClass", "start-class");
    private static final Pattern MAIN_CLASS_ELEMENT = Pattern.compile("<mainClass>\\s*([\\w.$]+)\\s*</mainClass>");
    private static final Pattern MAIN_METHOD = Pattern.compile("\\bstatic\\s+(?:public\\s+)?void\\s+main\\s*\\(");
    private static final String HOW = "name it: -Dhotload.main=com.acme.App, or -Dhotload.entry=src/main/java/com/acme/App.java";

    /** The module that runs, and its entry file. */
    record Choice(MavenProject module, Path entry) {
    }

    private EntryChoice() {
    }

    /**
     * @param projects the build's modules, in the reactor's order
     * @param workingDir where Maven was started: a relative entry is found from there, else from each module
     * @param entry the entry file named, or empty
     * @param mainClass the main class named, or empty
     * @param tests whether the modules' tests are part of the program
     * @throws UsageError if nothing names an entry, or what was named is not there
     */
    static Choice choose(List<MavenProject> projects, Path workingDir, Optional<String> entry,
            Optional<String> mainClass, boolean tests) throws UsageError {
        Map<MavenProject, ModuleSources> sources = new LinkedHashMap<>();
        for (MavenProject project : projects) {
            sources.put(project, ModuleSources.of(project, tests));
        }
        if (sources.values().stream().allMatch(module -> module.roots().isEmpty())) {
            throw new UsageError(noSources(projects));
        }
        if (entry.isPresent()) {
            return byFile(sources, workingDir, entry.get());
        }
        if (mainClass.isPresent()) {
            return byClass(sources, mainClass.get(), "-Dhotload.main=" + mainClass.get());
        }
        Map<MavenProject, String> configured = new LinkedHashMap<>();
        sources.keySet().forEach(project -> configuredMainClass(project).ifPresent(name -> configured.put(project, name)));
        if (configured.size() == 1) {
            Map.Entry<MavenProject, String> only = configured.entrySet().iterator().next();
            return byClass(Map.of(only.getKey(), sources.get(only.getKey())), only.getValue(),
                    only.getKey().getArtifactId() + "'s build names " + only.getValue());
        }
        if (configured.size() > 1) {
            throw new UsageError("several modules name a main class (" + configured.keySet().stream()
                    .map(MavenProject::getArtifactId).collect(Collectors.joining(", ")) + "): choose one with -pl :MODULE,"
                    + " or " + HOW);
        }
        return byMainMethod(sources);
    }

    /**
     * The module whose tests run on every save ({@code -Dhotload.test}): the one module with tests, or, of several,
     * the one Maven was started in.
     *
     * @param projects the build's modules, in the reactor's order
     * @param workingDir where Maven was started
     * @throws UsageError if no module has tests, or several do and Maven was started in none of them
     */
    static Choice testedModule(List<MavenProject> projects, Path workingDir) throws UsageError {
        List<MavenProject> tested = projects.stream().filter(EntryChoice::hasTests).toList();
        if (tested.isEmpty()) {
            throw new UsageError("-Dhotload.test: no module of this build has tests (src/test/java or src/test/groovy)");
        }
        List<MavenProject> here = tested.stream()
                .filter(project -> project.getBasedir().toPath().toAbsolutePath().equals(workingDir.toAbsolutePath()))
                .toList();
        MavenProject chosen = tested.size() == 1 ? tested.get(0) : here.size() == 1 ? here.get(0) : null;
        if (chosen == null) {
            throw new UsageError("-Dhotload.test: several modules have tests (" + tested.stream()
                    .map(MavenProject::getArtifactId).collect(Collectors.joining(", ")) + "): choose one with -pl :MODULE");
        }
        return new Choice(chosen, chosen.getBasedir().toPath());
    }

    private static boolean hasTests(MavenProject project) {
        ModuleSources all = ModuleSources.of(project, true);
        ModuleSources main = ModuleSources.of(project, false);
        return all.roots().size() > main.roots().size();
    }

    /** @return the main class {@code project}'s build names for another plugin, if it names one */
    static Optional<String> configuredMainClass(MavenProject project) {
        for (String key : MAIN_CLASS_PROPERTIES) {
            String value = project.getProperties().getProperty(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        for (String key : MAIN_CLASS_PLUGINS) {
            Plugin plugin = project.getPlugin(key);
            if (plugin == null) {
                continue;
            }
            // The configuration is Maven's own XML object: read as text, not through a class this plugin may not share.
            List<Object> configurations = new ArrayList<>();
            configurations.add(plugin.getConfiguration());
            plugin.getExecutions().stream().map(PluginExecution::getConfiguration).forEach(configurations::add);
            for (Object configuration : configurations) {
                Matcher matcher = MAIN_CLASS_ELEMENT.matcher(String.valueOf(configuration));
                if (configuration != null && matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static Choice byFile(Map<MavenProject, ModuleSources> sources, Path workingDir, String named)
            throws UsageError {
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDir.resolve(named).toAbsolutePath().normalize());
        sources.keySet().forEach(project -> candidates.add(project.getBasedir().toPath().resolve(named).normalize()));
        for (Path file : candidates) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (Map.Entry<MavenProject, ModuleSources> module : sources.entrySet()) {
                if (module.getValue().contains(file)) {
                    return new Choice(module.getKey(), file);
                }
            }
            throw new UsageError("-Dhotload.entry=" + named + " is in no source root of this build (" + roots(sources)
                    + "): name a source file in one of them");
        }
        throw new UsageError("-Dhotload.entry=" + named + ": no such file (from " + workingDir + "); " + HOW);
    }

    private static Choice byClass(Map<MavenProject, ModuleSources> sources, String className, String namedBy)
            throws UsageError {
        for (Map.Entry<MavenProject, ModuleSources> module : sources.entrySet()) {
            Optional<Path> file = module.getValue().sourceOf(className);
            if (file.isPresent()) {
                return new Choice(module.getKey(), file.get());
            }
        }
        throw new UsageError(namedBy + ", but no source of " + className + " is in " + roots(sources)
                + ": name a class of this build's sources, e.g. -Dhotload.main=com.acme.App");
    }

    private static Choice byMainMethod(Map<MavenProject, ModuleSources> sources) throws UsageError {
        List<Choice> found = new ArrayList<>();
        for (Map.Entry<MavenProject, ModuleSources> module : sources.entrySet()) {
            for (Path root : module.getValue().roots()) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(EntryChoice::hasMainMethod).sorted()
                            .forEach(file -> found.add(new Choice(module.getKey(), file)));
                } catch (IOException | UncheckedIOException unreadable) {
                    // A tree that cannot be walked offers no entry; the compile will say what is wrong with it.
                }
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new UsageError("no main class: no module's build names one, and no class in " + roots(sources)
                    + " has a main method; " + HOW);
        }
        throw new UsageError("several classes have a main method (" + found.stream().limit(4)
                .map(choice -> choice.entry().getFileName().toString()).collect(Collectors.joining(", "))
                + (found.size() > 4 ? ", ..." : "") + "): " + HOW);
    }

    private static boolean hasMainMethod(Path file) {
        String name = file.getFileName().toString();
        if (!ModuleSources.EXTENSIONS.stream().anyMatch(name::endsWith) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return MAIN_METHOD.matcher(text).find();
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static String noSources(List<MavenProject> projects) {
        MavenProject first = projects.get(0);
        if (projects.size() == 1 && "pom".equals(first.getPackaging())) {
            return first.getArtifactId() + " is a pom project (packaging pom): it has no sources of its own; run where"
                    + " its modules are built (its folder, without -N), or in a module with -pl :MODULE";
        }
        return projects.stream().map(MavenProject::getArtifactId).collect(Collectors.joining(", "))
                + (projects.size() == 1 ? " has" : " have") + " no sources (no src/main/java nor src/main/groovy):"
                + " run in a module with code, with -pl :MODULE";
    }

    private static String roots(Map<MavenProject, ModuleSources> sources) {
        List<String> roots = new ArrayList<>();
        sources.values().forEach(module -> roots.addAll(module.describeRoots()));
        return roots.isEmpty() ? "no source root" : String.join(", ", roots);
    }
}
