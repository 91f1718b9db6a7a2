package dev.hotload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private temporary folder for one measurement, deleted after it. */
final class Workspace implements AutoCloseable {

    final Path dir;

    Workspace() throws IOException {
        dir = Files.createTempDirectory("hotload-bench");
    }

    /** Writes {@code count} small data files in folders of 100: a big tree for the watcher. */
    Path dataTree(String name, int count) throws IOException {
        Path root = dir.resolve(name);
        for (int i = 0; i < count; i++) {
            Path file = root.resolve("part" + i / 100).resolve("data" + i + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "value " + i + "\n");
        }
        return root;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
