package dev.hotload.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * A module's folders as hotload uses them: its source roots (compiled in process, never its stale
 * {@code target/classes}) and its resource folders (on the class path as they are, so that a run reads a resource as
 * last saved); the ones that exist.
 *
 * @param module the module's name, for messages
 * @param base the module's folder
 * @param roots its source roots: {@code src/main/java}, and {@code src/main/groovy} where there is one
 * @param resources its resource folders: {@code src/main/resources}
 */
record ModuleSources(String module, Path base, List<Path> roots, List<Path> resources) {

    static final List<String> EXTENSIONS = List.of(".java", ".groovy");

    ModuleSources {
        roots = List.copyOf(roots);
        resources = List.copyOf(resources);
    }

    /** @param tests whether the module's tests are part of the program too ({@code -Dhotload.scope=test}) */
    static ModuleSources of(MavenProject module, boolean tests) {
        Set<Path> roots = new LinkedHashSet<>();
        Set<Path> resources = new LinkedHashSet<>();
        Path base = module.getBasedir().toPath();
        add(roots, module.getCompileSourceRoots(), base);
        // Groovy's plugins add this root only when their goals run; a run of hotload:run alone would miss it.
        roots.add(base.resolve("src/main/groovy"));
        module.getResources().stream().map(Resource::getDirectory).forEach(folder -> resources.add(base.resolve(folder)));
        if (tests) {
            add(roots, module.getTestCompileSourceRoots(), base);
            roots.add(base.resolve("src/test/groovy"));
            module.getTestResources().stream().map(Resource::getDirectory)
                    .forEach(folder -> resources.add(base.resolve(folder)));
        }
        return new ModuleSources(module.getArtifactId(), base, existing(roots), existing(resources));
    }

    /** @return the file of {@code className}'s source in one of the roots, if there is one */
    Optional<Path> sourceOf(String className) {
        String relative = className.replace('.', '/');
        for (Path root : roots) {
            for (String extension : EXTENSIONS) {
                Path file = root.resolve(relative + extension);
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the roots, as messages name them: {@code app: src/main/java} */
    List<String> describeRoots() {
        return roots.stream().map(root -> module + ": " + base.relativize(root)).toList();
    }

    /** @return whether {@code file} is in one of the roots */
    boolean contains(Path file) {
        return roots.stream().anyMatch(file::startsWith);
    }

    private static void add(Set<Path> into, List<String> folders, Path base) {
        folders.forEach(folder -> into.add(base.resolve(folder).normalize()));
    }

    private static List<Path> existing(Set<Path> folders) {
        List<Path> kept = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                kept.add(folder.normalize());
            }
        }
        return kept;
    }
}
