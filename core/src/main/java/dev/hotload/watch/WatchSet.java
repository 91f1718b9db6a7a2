package dev.hotload.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The files hotload watches: explicit files, and folder trees filtered by extension.
 *
 * <p>Explicit files are watched whatever their name, even before they exist; one that is a symbolic link is
 * watched through it, wherever it leads: a save of its target, or the link pointed elsewhere, is its change. Files under a folder are watched
 * when their extension matches (or no extension is given) and {@link IgnoreRules} does not skip them; files
 * created there later are picked up.
 *
 * @param files explicit files, absolute and normalized
 * @param folders folder trees, absolute and normalized
 * @param extensions extensions with their dot ({@code ".py"}), lower case; empty means every file
 * @param ignore what is skipped inside folders
 * @param followLinks whether symbolic links inside folders are followed wherever they lead; by default a link is
 *     followed only to a file inside a watched folder, never to a folder: a link out of the tree, or a loop,
 *     is not the tree's
 */
public record WatchSet(Set<Path> files, Set<Path> folders, Set<String> extensions, IgnoreRules ignore,
                       boolean followLinks) {

    public WatchSet {
        files = normalized(files);
        folders = normalized(folders);
        extensions = extensions.stream()
                .map(WatchSet::dotted)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return a watch set of just these files */
    public static WatchSet ofFiles(Collection<Path> files) {
        return builder().files(files).build();
    }

    /** @return a watch set of the tree under {@code folder}, files with one of these extensions */
    public static WatchSet ofTree(Path folder, Collection<String> extensions) {
        return builder().folder(folder).extensions(extensions).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return whether a file with this name, found inside a watched folder, is watched */
    public boolean matchesName(String fileName) {
        if (ignore.isIgnoredFile(fileName)) {
            return false;
        }
        if (extensions.isEmpty()) {
            return true;
        }
        // Called for every file of every scan: no lower-case copy, no stream.
        for (String extension : extensions) {
            int start = fileName.length() - extension.length();
            if (start >= 0 && fileName.regionMatches(true, start, extension, 0, extension.length())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether nothing at all is watched */
    public boolean isEmpty() {
        return files.isEmpty() && folders.isEmpty();
    }

    /** @return this set, following symbolic links inside folders wherever they lead */
    public WatchSet followingLinks() {
        return toBuilder().followLinks(true).build();
    }

    /**
     * The file the user named (the entry) is watched wherever it leads: a symbolic link to a file outside every
     * watched folder is followed, as links inside folders are not (see {@link #followLinks()}), and its target's
     * changes are its changes.
     *
     * @return this set with {@code file} watched too: unchanged if it already is, as a file under a watched
     *     folder that is no symbolic link
     */
    public WatchSet plusFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return watches(absolute) && !Files.isSymbolicLink(absolute) ? this : toBuilder().file(absolute).build();
    }

    /**
     * Says whether a file at a path is watched, whether it exists or not: an explicit file, or a file under a
     * watched folder whose name matches and that no skipped folder holds. By its path alone: whether a symbolic
     * link is followed is decided where it is found (see {@link #followLinks()}), as {@link #existingFiles()}
     * does.
     *
     * @param file a path, absolute or relative to the working folder
     * @return whether the watchers report changes to a file there
     */
    public boolean watches(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return files.contains(absolute) || isInWatchedFolder(absolute);
    }

    /**
     * Walks the watched files as a watcher started now would, with the same walk and the same rules, so that a
     * caller never disagrees with the watchers about which files there are.
     *
     * @return the watched files that exist now, absolute, in path order
     */
    public List<Path> existingFiles() {
        Set<Path> found = new TreeSet<>();
        new TreeScanner(this).visitAll((file, attributes) -> found.add(file));
        return List.copyOf(found);
    }

    private boolean isInWatchedFolder(Path file) {
        return matchesName(file.getFileName().toString()) && folders.stream().anyMatch(folder ->
                file.startsWith(folder) && !file.equals(folder) && !isUnderIgnoredFolder(folder, file)
                        && !ignore.isIgnoredPath(folder, file, false));
    }

    /** @return whether a folder between {@code folder} and {@code file} (which is under it) is skipped */
    boolean isUnderIgnoredFolder(Path folder, Path file) {
        Path at = folder;
        for (Path part : folder.relativize(file.getParent())) {
            if (part.toString().isEmpty()) {
                continue;
            }
            at = at.resolve(part);
            if (ignore.isIgnoredFolder(part.toString()) || ignore.isBuildOutput(folder, at)
                    || ignore.isIgnoredPath(folder, at, true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param root a watched folder
     * @param folder a folder under it, found by a walk whose folders above it were not skipped
     * @return whether the walk skips {@code folder} and all under it
     */
    boolean isSkippedFolder(Path root, Path folder) {
        return ignore.isIgnoredFolder(folder.getFileName().toString()) || ignore.isBuildOutput(root, folder)
                || ignore.isIgnoredPath(root, folder, true);
    }

    /** @return this set, skipping in its folders what {@code rules} say */
    public WatchSet ignoring(IgnoreRules rules) {
        return toBuilder().ignore(rules).build();
    }

    private Builder toBuilder() {
        return builder().files(files).folders(folders).extensions(extensions).ignore(ignore).followLinks(followLinks);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!files.isEmpty()) {
            parts.add(files.size() == 1 ? "1 file" : files.size() + " files");
        }
        folders.stream().map(PrintableName::of).sorted().forEach(parts::add);
        if (parts.isEmpty()) {
            return "nothing";
        }
        // The extensions are every folder's: said once, after them.
        return String.join(", ", parts) + (folders.isEmpty() || extensions.isEmpty() ? ""
                : " (" + String.join(", ", extensions.stream().sorted().toList()) + ")");
    }

    private static Set<Path> normalized(Set<Path> paths) {
        return paths.stream()
                .map(path -> path.toAbsolutePath().normalize())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String dotted(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") ? lower : "." + lower;
    }

    /** Collects files, folders and extensions; {@link IgnoreRules#DEFAULT} unless told otherwise. */
    public static final class Builder {
        private final Set<Path> files = new LinkedHashSet<>();
        private final Set<Path> folders = new LinkedHashSet<>();
        private final Set<String> extensions = new LinkedHashSet<>();
        private IgnoreRules ignore = IgnoreRules.DEFAULT;
        private boolean followLinks;

        private Builder() {
        }

        public Builder file(Path file) {
            files.add(file);
            return this;
        }

        public Builder files(Collection<Path> paths) {
            files.addAll(paths);
            return this;
        }

        public Builder folder(Path folder) {
            folders.add(folder);
            return this;
        }

        public Builder folders(Collection<Path> paths) {
            folders.addAll(paths);
            return this;
        }

        public Builder extensions(Collection<String> values) {
            extensions.addAll(values);
            return this;
        }

        /** Follows symbolic links inside folders wherever they lead, folders too ({@code --follow-links}). */
        public Builder followLinks(boolean value) {
            followLinks = value;
            return this;
        }

        public Builder ignore(IgnoreRules rules) {
            ignore = rules;
            return this;
        }

        public WatchSet build() {
            return new WatchSet(files, folders, extensions, ignore, followLinks);
        }
    }
}
