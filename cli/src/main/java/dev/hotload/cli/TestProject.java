package dev.hotload.cli;

import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.ReloaderRegistry;
import dev.hotload.watch.PrintableName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder {@code hotload --test} tests: a project laid out as Maven and Gradle lay it out ({@code src/main/java},
 * {@code src/test/java}, their Groovy twins, their resources), or a folder that holds sources and tests together.
 *
 * @param sourceRoots the folders of its main and test sources
 * @param resources the folders of its resources, which go on the class path
 */
record TestProject(Path folder, List<Path> sourceRoots, List<Path> resources) {

    private static final List<String> SOURCES = List.of("src/main/java", "src/main/groovy", "src/test/java",
            "src/test/groovy");
    private static final List<String> RESOURCES = List.of("src/main/resources", "src/test/resources");

    static TestProject of(Path folder) throws LaunchException {
        if (!Files.isDirectory(folder)) {
            throw new LaunchException("--test takes a project's folder, and '" + PrintableName.of(folder)
                    + "' is " + (Files.exists(folder) ? "not one" : "not there"));
        }
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> roots = existing(absolute, SOURCES);
        return new TestProject(absolute, roots.isEmpty() ? List.of(absolute) : roots, existing(absolute, RESOURCES));
    }

    /**
     * @return the language of the project's sources: the one named, else the one whose files it holds
     * @throws LaunchException if it holds none, or two
     */
    Reloader language(ReloaderRegistry registry, Optional<String> lang) throws LaunchException {
        if (lang.isPresent()) {
            return registry.forEntry(folder, lang);
        }
        List<Reloader> found = registry.reloaders().stream().filter(this::holdsSourcesOf).toList();
        if (found.isEmpty()) {
            List<String> named = sourceRoots.stream().filter(root -> !root.equals(folder))
                    .map(root -> PrintableName.of(folder.relativize(root))).toList();
            throw new LaunchException("--test: no sources of " + String.join(", ", registry.reloaders().stream()
                    .map(Reloader::name).sorted().toList()) + " in '" + PrintableName.of(folder) + "'"
                    + (named.isEmpty() ? "" : " (looked in " + String.join(", ", named) + ")"));
        }
        if (found.size() > 1) {
            throw new LaunchException("--test: '" + PrintableName.of(folder) + "' holds sources of "
                    + String.join(" and ", found.stream().map(Reloader::name).sorted().toList())
                    + "; hotload runs one language per program (--lang NAME chooses)");
        }
        return found.get(0);
    }

    private boolean holdsSourcesOf(Reloader reloader) {
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                if (files.anyMatch(file -> reloader.extensions().stream()
                        .anyMatch(file.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))) {
                    return true;
                }
            } catch (IOException | UncheckedIOException unreadable) {
                // A folder it cannot read holds nothing it could compile either.
            }
        }
        return false;
    }

    private static List<Path> existing(Path folder, List<String> relative) {
        return relative.stream().map(folder::resolve).filter(Files::isDirectory).toList();
    }
}
