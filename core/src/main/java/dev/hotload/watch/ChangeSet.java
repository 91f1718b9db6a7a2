package dev.hotload.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files that changed together in one save (or one burst of saves), as one reload sees them.
 *
 * @param changes the changed files, sorted by path; empty for the {@linkplain #initial() first run}
 * @param firstRun whether this is the first run, before anything changed
 */
public record ChangeSet(List<FileChange> changes, boolean firstRun) {

    private static final ChangeSet INITIAL = new ChangeSet(List.of(), true);
    private static final ChangeSet NONE = new ChangeSet(List.of(), false);

    public ChangeSet {
        changes = changes.stream()
                .sorted((a, b) -> a.path().compareTo(b.path()))
                .toList();
    }

    /** The change set of the first run: nothing changed yet, everything is loaded. */
    public static ChangeSet initial() {
        return INITIAL;
    }

    /** No change at all; a watcher returns it when a wait times out. */
    public static ChangeSet none() {
        return NONE;
    }

    /** @return whether there is nothing to reload */
    public boolean isEmpty() {
        return changes.isEmpty() && !firstRun;
    }

    /** @return the paths of the changed files that still exist, in path order */
    public List<Path> presentPaths() {
        return changes.stream()
                .filter(change -> change.kind() != FileChange.Kind.DELETE)
                .map(FileChange::path)
                .toList();
    }

    /** @return whether {@code path} is among the changes */
    public boolean contains(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return changes.stream().anyMatch(change -> change.path().equals(absolute));
    }

    @Override
    public String toString() {
        if (firstRun) {
            return "(first run)";
        }
        return changes.stream().map(FileChange::toString).collect(Collectors.joining(", "));
    }
}
