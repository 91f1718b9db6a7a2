package dev.hotload.watch;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Visits the watched files of a {@link WatchSet}: all of them, or those at and under one path. It keeps no
 * snapshots itself (see {@link ChangeDetector}), only the folders it walked, for watchers that subscribe to
 * folder events.
 */
final class TreeScanner {

    /** Called for each watched file found. */
    @FunctionalInterface
    interface Visitor {
        void file(Path file, BasicFileAttributes attributes);
    }

    /** More hops than this is a loop of links, or as good as one. */
    private static final int MAX_HOPS = 40;

    private final WatchSet watchSet;
    private final Set<Path> folders = new HashSet<>();
    /**
     * For explicit files that are symbolic links: each path on the way to the file they lead to (further links,
     * and the file), with the explicit files that lead through it. A change there is theirs.
     */
    private final Map<Path, Set<Path>> linkedFrom = new HashMap<>();
    /** The explicit files that were symbolic links when last looked at, dangling or not. */
    private final Set<Path> explicitLinks = new HashSet<>();
    private Set<Path> realRoots;
    private boolean walkedAll;

    TreeScanner(WatchSet watchSet) {
        this.watchSet = watchSet;
    }

    /**
     * @return the folders walked so far: the watched trees' folders, explicit files' parents, and the folders of
     *     the paths an explicit link leads through
     */
    Set<Path> folders() {
        return Set.copyOf(folders);
    }

    /** @return whether {@code folder} was walked by an earlier visit: files under it may be known */
    boolean isKnownFolder(Path folder) {
        return folders.contains(folder);
    }

    /**
     * @param path a path an event names, or a folder just subscribed to
     * @return the explicit files whose links lead through {@code path}, or through a file in that folder: a
     *     change there is a change of theirs
     */
    Set<Path> linksThrough(Path path) {
        if (linkedFrom.isEmpty()) {
            return Set.of();
        }
        Set<Path> sources = new HashSet<>();
        linkedFrom.forEach((hop, explicit) -> {
            if (hop.equals(path) || path.equals(hop.getParent())) {
                sources.addAll(explicit);
            }
        });
        return sources;
    }

    /** Visits every watched file that exists now. */
    void visitAll(Visitor visitor) {
        folders.clear();
        // Which explicit files are links is asked once, not on every poll (a look more per file): a file that
        // becomes a link later is followed when an event names it.
        for (Path file : watchSet.files()) {
            folders.add(file.getParent());
            if (!walkedAll || explicitLinks.contains(file)) {
                follow(file);
            }
            visitFile(file, visitor);
        }
        walkedAll = true;
        for (Path root : watchSet.folders()) {
            walk(root, root, visitor);
        }
    }

    /**
     * Visits what is watched at {@code path} now: the file there, or the watched files under it if it is a
     * folder inside a watched tree. Nothing, if nothing watched is there.
     */
    void visit(Path path, Visitor visitor) {
        if (watchSet.files().contains(path)) {
            follow(path); // it may lead elsewhere now
            visitFile(path, visitor);
        }
        Path root = treeOf(path);
        if (root == null) {
            return;
        }
        BasicFileAttributes attributes = attributesOf(path, LinkOption.NOFOLLOW_LINKS);
        if (attributes != null && attributes.isDirectory()) {
            walk(root, path, visitor);
        } else {
            if (folders.contains(path)) {
                folders.removeIf(folder -> folder.startsWith(path)); // a folder replaced by a file, or gone
            }
            if (!path.equals(root) && watchSet.matchesName(path.getFileName().toString())
                    && !watchSet.ignore().isIgnoredPath(root, path, false)) {
                BasicFileAttributes target = attributes != null && attributes.isSymbolicLink() ? linkTarget(path) : attributes;
                if (target != null && target.isRegularFile()) {
                    visitor.file(path, target);
                }
            }
        }
    }

    /** @return the watched tree that {@code path} is, or is in and not under an ignored folder; null if none */
    private Path treeOf(Path path) {
        if (watchSet.folders().contains(path)) {
            return path;
        }
        for (Path root : watchSet.folders()) {
            if (path.startsWith(root) && !watchSet.isUnderIgnoredFolder(root, path)) {
                return root;
            }
        }
        return null;
    }

    private void visitFile(Path file, Visitor visitor) {
        // A symbolic link to a file is watched through its target.
        BasicFileAttributes attributes = attributesOf(file);
        if (attributes != null && attributes.isRegularFile()) {
            visitor.file(file, attributes);
        }
    }

    /**
     * Notes where an explicit file leads, if it is a symbolic link: every path on the way, whose folders are
     * watched too. A path's folder is taken as the system resolves it, and events there name it so.
     */
    private void follow(Path explicit) {
        linkedFrom.values().forEach(sources -> sources.remove(explicit));
        linkedFrom.values().removeIf(Set::isEmpty);
        if (Files.isSymbolicLink(explicit)) {
            explicitLinks.add(explicit);
        } else {
            explicitLinks.remove(explicit);
            return;
        }
        Path at = explicit;
        for (int hop = 0; hop < MAX_HOPS && Files.isSymbolicLink(at); hop++) {
            Path next;
            try {
                Path target = at.resolveSibling(Files.readSymbolicLink(at));
                if (target.getParent() == null || target.getFileName() == null) {
                    return; // a link to the root folder: no file
                }
                next = target.getParent().toRealPath().resolve(target.getFileName());
            } catch (IOException | UnsupportedOperationException nowhere) {
                return; // dangling, or its folder is gone: the link's own folder still says when it changes
            }
            folders.add(next.getParent());
            linkedFrom.computeIfAbsent(next, path -> new HashSet<>()).add(explicit);
            at = next;
        }
    }

    private void walk(Path root, Path start, Visitor visitor) {
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Following links, the walk itself stops at a loop (it reports a FileSystemLoopException).
        Set<FileVisitOption> options = watchSet.followLinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        IgnoreRules ignore = watchSet.ignore();
        boolean patterns = ignore.hasPatterns();
        try {
            Files.walkFileTree(start, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                /** The patterns of each folder being walked, innermost first: asked once per folder, not per file. */
                private final Deque<IgnoreRules.InFolder> ignoring = new ArrayDeque<>();

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && watchSet.isSkippedFolder(root, dir);
                    if (skip) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.add(dir);
                    if (patterns) {
                        ignoring.push(ignore.in(root, dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    if (patterns) {
                        ignoring.pop();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (!watchSet.matchesName(name)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (patterns && !ignoring.isEmpty() && !ignoring.peek().isEmpty()
                            && ignoring.peek().ignores(file, name, attrs.isDirectory())) {
                        return FileVisitResult.CONTINUE;
                    }
                    BasicFileAttributes target = attrs.isSymbolicLink() ? linkTarget(file) : attrs;
                    if (target != null && target.isRegularFile()) {
                        visitor.file(file, target);
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
            // The folder vanished mid-walk; what was seen so far stands, the next scan sees the rest.
        }
    }

    /**
     * @return the attributes of the file a link inside a folder leads to, if it is followed: always with
     *     {@link WatchSet#followLinks()}, else only to a file inside a watched folder
     */
    private BasicFileAttributes linkTarget(Path link) {
        if (watchSet.followLinks()) {
            return attributesOf(link);
        }
        try {
            Path target = link.toRealPath();
            return realRoots().stream().anyMatch(target::startsWith) ? attributesOf(target) : null;
        } catch (IOException dangling) {
            return null;
        }
    }

    /** The watched folders as the file system resolves them: a link's target is compared with these. */
    private Set<Path> realRoots() {
        if (realRoots == null) {
            Set<Path> roots = new HashSet<>();
            for (Path root : watchSet.folders()) {
                try {
                    roots.add(root.toRealPath());
                } catch (IOException missing) {
                    roots.add(root);
                }
            }
            realRoots = Set.copyOf(roots);
        }
        return realRoots;
    }

    private static BasicFileAttributes attributesOf(Path file, LinkOption... options) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, options);
        } catch (IOException goneOrUnreadable) {
            return null;
        }
    }
}
