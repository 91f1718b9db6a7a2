package dev.hotload.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Takes one snapshot of every file in a {@link WatchSet}. */
final class TreeScanner {

    private final WatchSet watchSet;
    private Set<Path> lastFolders = Set.of();

    TreeScanner(WatchSet watchSet) {
        this.watchSet = watchSet;
    }

    /** @return the folders the last scan looked into: the watched trees' folders and the explicit files' parents */
    Set<Path> lastFolders() {
        return lastFolders;
    }

    /** @return a snapshot per watched file that exists now, by absolute path */
    Map<Path, FileSnapshot> scan() {
        Instant start = Instant.now();
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        Map<Path, FileSnapshot> snapshots = new HashMap<>();
        Set<Path> folders = new HashSet<>();
        for (Path file : watchSet.files()) {
            folders.add(file.getParent());
            BasicFileAttributes attributes = attributesOf(file);
            if (attributes != null && attributes.isRegularFile()) {
                snapshots.put(file, FileSnapshot.of(file, attributes, startNanos));
            }
        }
        for (Path folder : watchSet.folders()) {
            walk(folder, snapshots, folders, startNanos);
        }
        lastFolders = Set.copyOf(folders);
        return snapshots;
    }

    private void walk(Path root, Map<Path, FileSnapshot> snapshots, Set<Path> folders, long startNanos) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && watchSet.ignore().isIgnoredFolder(dir.getFileName().toString());
                    if (skip) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.add(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!watchSet.matchesName(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    // A symbolic link to a file is watched through its target.
                    BasicFileAttributes target = attrs.isSymbolicLink() ? attributesOf(file) : attrs;
                    if (target != null && target.isRegularFile()) {
                        snapshots.put(file, FileSnapshot.of(file, target, startNanos));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // Deleted between listing and reading: it simply is not there in this scan.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The root vanished mid-walk; what was seen so far stands, the next scan sees the rest.
        }
    }

    private static BasicFileAttributes attributesOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
