package dev.hotload.watch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The files that changed together in one save (or one burst of saves), as one reload sees them.
 *
 * @param changes the changed files, sorted by path; empty for the {@linkplain #initial() first run}
 * @param firstRun whether this is the first run, before anything changed
 * @param requested whether the user asked for a run (Enter), besides any saves: the program runs again from its
 *     start, as after a save that cannot be applied in place
 * @param noticed when a watcher first noticed these changes, in {@link System#nanoTime()}'s terms: where the time
 *     the user waits for the run starts; empty for a run no save caused
 */
public record ChangeSet(List<FileChange> changes, boolean firstRun, boolean requested, OptionalLong noticed) {

    private static final ChangeSet INITIAL = new ChangeSet(List.of(), true);
    private static final ChangeSet NONE = new ChangeSet(List.of(), false);
    private static final ChangeSet REQUESTED = new ChangeSet(List.of(), false, true, OptionalLong.empty());

    public ChangeSet {
        changes = changes.stream()
                .sorted((a, b) -> a.path().compareTo(b.path()))
                .toList();
        Objects.requireNonNull(noticed, "noticed");
    }

    /** The changes of a save, or of the first run, not yet said when they were noticed. */
    public ChangeSet(List<FileChange> changes, boolean firstRun) {
        this(changes, firstRun, false, OptionalLong.empty());
    }

    /** @return these changes, noticed at {@code nanoTime} */
    public ChangeSet noticedAt(long nanoTime) {
        return new ChangeSet(changes, firstRun, requested, OptionalLong.of(nanoTime));
    }

    /** The change set of the first run: nothing changed yet, everything is loaded. */
    public static ChangeSet initial() {
        return INITIAL;
    }

    /** No change at all; a watcher returns it when a wait times out. */
    public static ChangeSet none() {
        return NONE;
    }

    /** A run the user asked for, with nothing saved. */
    public static ChangeSet requestedRun() {
        return REQUESTED;
    }

    /** @return whether there is nothing to run */
    public boolean isEmpty() {
        return changes.isEmpty() && !firstRun && !requested;
    }

    /** @return the paths of the changed files that still exist, in path order */
    public List<Path> presentPaths() {
        return changes.stream()
                .filter(change -> change.kind() != FileChange.Kind.DELETE)
                .map(FileChange::path)
                .toList();
    }

    /**
     * @return the changes of this set and of {@code later}, one per file: a file created and then modified is
     *     created, one deleted and created again is modified, otherwise the later change stands
     */
    public ChangeSet plus(ChangeSet later) {
        Map<Path, FileChange> byPath = new LinkedHashMap<>();
        changes.forEach(change -> byPath.put(change.path(), change));
        for (FileChange change : later.changes) {
            FileChange before = byPath.get(change.path());
            FileChange.Kind kind = change.kind();
            if (before != null && before.kind() == FileChange.Kind.CREATE && kind == FileChange.Kind.MODIFY) {
                kind = FileChange.Kind.CREATE;
            } else if (before != null && before.kind() == FileChange.Kind.DELETE && kind == FileChange.Kind.CREATE) {
                kind = FileChange.Kind.MODIFY;
            }
            byPath.put(change.path(), new FileChange(change.path(), kind));
        }
        OptionalLong first = noticed.isEmpty() ? later.noticed
                : later.noticed.isEmpty() ? noticed : OptionalLong.of(Math.min(noticed.getAsLong(), later.noticed.getAsLong()));
        return new ChangeSet(List.copyOf(byPath.values()), firstRun || later.firstRun, requested || later.requested, first);
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
        if (requested && changes.isEmpty()) {
            return "(requested run)";
        }
        return (requested ? "(requested run) " : "") + changes.stream().map(FileChange::toString).collect(Collectors.joining(", "));
    }
}
