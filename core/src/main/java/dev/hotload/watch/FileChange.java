package dev.hotload.watch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file that changed between two scans.
 *
 * @param path absolute path of the file
 * @param kind what happened to it
 */
public record FileChange(Path path, Kind kind) {

    /** What happened to a file. */
    public enum Kind {
        CREATE, MODIFY, DELETE
    }

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return PrintableName.of(path.getFileName()) + " (" + kind + ")";
    }
}
