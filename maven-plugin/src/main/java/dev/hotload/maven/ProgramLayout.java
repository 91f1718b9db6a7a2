package dev.hotload.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;

/**
 * The program {@code mvn hotload:run} runs: the entry's module and the build's modules it depends on, whose sources
 * hotload compiles in process (not their jars, stale in {@code ~/.m2} or never built), and the other dependencies,
 * the libraries loaded once.
 *
 * @param entry the file to run
 * @param modules the entry's module first, then the modules it depends on, near to far
 * @param libraries the jars (and folders) of every other dependency, as Maven's resolver found them
 */
record ProgramLayout(Path entry, List<ModuleSources> modules, List<Path> libraries) {

    /** Where the class path's libraries come from: Maven's resolver, or a test's stand-in. */
    interface Resolver {
        /**
         * @param dependencies the program's dependencies on what is not a module of the build, from every module
         * @param managed the entry module's dependency management
         * @return their files, with their own dependencies', in class path order
         * @throws UsageError if one cannot be resolved
         */
        List<Path> resolve(List<Dependency> dependencies, List<Dependency> managed) throws UsageError;
    }

    private static final List<String> USUAL_RESOURCES = List.of(".properties", ".xml", ".json", ".yaml", ".yml",
            ".txt", ".conf", ".sql", ".html", ".css", ".js", ".csv");

    ProgramLayout {
        modules = List.copyOf(modules);
        libraries = List.copyOf(libraries);
    }

    /**
     * @param choice the module and entry that run
     * @param build every module of the build, those that {@code -pl} left out too: a module the entry's depends on is
     *     compiled from its sources wherever Maven was started
     * @param tests whether the entry module's tests and test dependencies are part of the program
     */
    static ProgramLayout of(EntryChoice.Choice choice, List<MavenProject> build, boolean tests, Resolver resolver)
            throws UsageError {
        Map<String, MavenProject> byKey = new LinkedHashMap<>();
        build.forEach(project -> byKey.put(key(project.getGroupId(), project.getArtifactId()), project));
        Map<MavenProject, ModuleSources> modules = new LinkedHashMap<>();
        List<Dependency> external = new ArrayList<>();
        modules.put(choice.module(), ModuleSources.of(choice.module(), tests));
        collect(choice.module(), tests ? Set.of("compile", "runtime", "provided", "system", "test")
                : Set.of("compile", "runtime", "system"), byKey, modules, external);
        List<Dependency> managed = choice.module().getDependencyManagement() == null ? List.of()
                : choice.module().getDependencyManagement().getDependencies();
        return new ProgramLayout(choice.entry(), new ArrayList<>(modules.values()), resolver.resolve(external, managed));
    }

    /** @return every module's source roots, the entry's first */
    List<Path> sourceRoots() {
        return modules.stream().flatMap(module -> module.roots().stream()).toList();
    }

    /**
     * @return the extensions of the files to watch in the program's folders: its sources', the usual resources', and
     *     those of the files in its resource folders now (one folder's files cannot be all watched, and another's
     *     only sources: a new kind of resource is seen at the next start)
     */
    Set<String> watchedExtensions() {
        Set<String> extensions = new TreeSet<>(ModuleSources.EXTENSIONS);
        extensions.addAll(USUAL_RESOURCES);
        for (ModuleSources module : modules) {
            for (Path folder : module.resources()) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.lastIndexOf('.') > 0)
                            .forEach(name -> extensions.add(name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT)));
                } catch (IOException | UncheckedIOException unreadable) {
                    // The usual extensions only, there.
                }
            }
        }
        return extensions;
    }

    /** @return the class path: the modules' resource folders first (a module's resource wins over a library's), then the libraries */
    List<Path> classpath() {
        List<Path> paths = new ArrayList<>();
        modules.forEach(module -> paths.addAll(module.resources()));
        paths.addAll(libraries);
        return paths;
    }

    /**
     * A dependency on a module of the build brings that module's sources and, in turn, its own dependencies (those
     * a user of it gets: compile and runtime); any other dependency is the resolver's, with its own.
     */
    private static void collect(MavenProject project, Set<String> scopes, Map<String, MavenProject> build,
            Map<MavenProject, ModuleSources> modules, List<Dependency> external) {
        for (Dependency dependency : project.getDependencies()) {
            String scope = dependency.getScope() == null ? "compile" : dependency.getScope();
            if (!scopes.contains(scope)) {
                continue;
            }
            MavenProject module = build.get(key(dependency.getGroupId(), dependency.getArtifactId()));
            if (module == null) {
                external.add(dependency);
            } else if (!modules.containsKey(module) && !"pom".equals(module.getPackaging())) {
                modules.put(module, ModuleSources.of(module, false));
                collect(module, Set.of("compile", "runtime", "system"), build, modules, external);
            }
        }
    }

    private static String key(String groupId, String artifactId) {
        return groupId + ':' + artifactId;
    }
}
