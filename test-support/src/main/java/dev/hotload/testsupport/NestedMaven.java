package dev.hotload.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Maven started from outside on a copy of {@code examples/maven}, as {@code mvn hotload:run}'s tests and its
 * benchmark run it: on a local repository that holds this build's plugin, with another local repository (this
 * build's, this machine's) as its one remote, so that it needs no network.
 */
public final class NestedMaven {

    private NestedMaven() {
    }

    /** Copies the project in {@code example} to {@code target}, without its build output. */
    public static Path copy(Path example, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.filter(path -> !example.relativize(path).toString().contains("target")).toList()) {
                Path copy = target.resolve(example.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /**
     * @param dir where to write the settings
     * @param localRepository the repository that holds the plugin
     * @param mirror the repository to fetch the rest from
     * @return Maven's command, quiet and in batch mode, before its goals
     */
    public static List<String> command(Path dir, Path localRepository, Path mirror) throws IOException {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>local</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(mirror.toUri()));
        return List.of("mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository);
    }
}
