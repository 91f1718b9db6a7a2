package dev.hotload.compiled;

import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program an entry belongs to: the source root its package declaration implies (for
 * {@code src/shapes/Main.java} declaring {@code package shapes;}, that is {@code src}), any further roots the
 * program is compiled from (a Maven module's sibling it depends on), and every source file under them, of the
 * entry's language.
 *
 * @param roots the folders of the unnamed package, absolute: the entry's first
 * @param entryClass the entry's binary name, e.g. {@code shapes.Main}
 * @param extension the sources' extension, with its dot: {@code .java}
 */
public record SourceTree(List<Path> roots, String entryClass, String extension) {

    public SourceTree {
        roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).distinct().toList();
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a source tree has a root");
        }
    }

    /** A tree of one root: the entry's. */
    public SourceTree(Path root, String entryClass, String extension) {
        this(List.of(root), entryClass, extension);
    }

    /**
     * Only at the start (after comments): the word may appear in a string literal further down. The semicolon
     * is optional, as in Groovy.
     */
    private static final Pattern PACKAGE = Pattern.compile(
            "\\A\\s*(?:@[\\w.]+\\s*(?:\\([^)]*\\))?\\s*)*package\\s+([\\w$]+(?:[ \\t]*\\.\\s*[\\w$]+)*)");

    /**
     * @param entry the entry file, absolute
     * @param extension the language's source extension, with its dot
     * @throws LaunchException if the file cannot be read, or is not in its package's folder
     */
    public static SourceTree of(Path entry, String extension) throws LaunchException {
        String fileName = entry.getFileName().toString();
        String simpleName = fileName.endsWith(extension)
                ? fileName.substring(0, fileName.length() - extension.length())
                : fileName;
        String packageName = packageOf(entry);
        Path root = entry.getParent();
        if (!packageName.isEmpty()) {
            Path packageFolder = Path.of("", packageName.split("\\."));
            if (!root.endsWith(packageFolder)) {
                throw new LaunchException(fileName + " declares 'package " + packageName + "' but is not in a folder "
                        + packageFolder + ": move it there, under its source root");
            }
            for (int level = 0; level < packageFolder.getNameCount(); level++) {
                root = root.getParent();
            }
        }
        return new SourceTree(root, packageName.isEmpty() ? simpleName : packageName + "." + simpleName, extension);
    }

    /**
     * @param launch the entry, and the further source roots it names
     * @param extension the language's source extension, with its dot
     * @return the entry's tree, with the launch's further source roots
     * @throws LaunchException as {@link #of(Path, String)}
     */
    public static SourceTree of(Launch launch, String extension) throws LaunchException {
        return of(launch.entry(), extension).withRoots(launch.sourceRoots());
    }

    /**
     * @param extension the language's source extension, with its dot
     * @return what to watch by default: the entry's source tree, its files of that extension; the entry's
     *     folder (and the further roots) if the entry cannot be read (opening it says why, in one line)
     */
    public static WatchSet watchSetOf(Launch launch, String extension) {
        try {
            return of(launch, extension).files();
        } catch (LaunchException unreadable) {
            return new SourceTree(launch.entry().getParent(), "", extension).withRoots(launch.sourceRoots()).folders();
        }
    }

    /** @return this tree, with {@code more} roots after its own */
    public SourceTree withRoots(List<Path> more) {
        return new SourceTree(Stream.concat(roots.stream(), more.stream()).toList(), entryClass,
                extension);
    }

    /** @return the entry's root: the folder of the unnamed package that the entry's package declaration implies */
    public Path root() {
        return roots.get(0);
    }

    /**
     * @param className a binary name, e.g. {@code util.Strings}
     * @return where the source of that top-level class is: {@code root/util/Strings.groovy} in the first root
     *     that has it, else where it would be in the entry's root
     */
    public Path sourceOf(String className) {
        String relative = className.replace('.', '/') + extension;
        return roots.stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).findFirst()
                .orElse(root().resolve(relative));
    }

    /**
     * @return the tree's sources as the watcher sees them: every file of the extension under the roots, but
     *     for what it skips (dot-folders, {@code target/}, editors' files); which exist now, and whether a path is
     *     one of them, ask it ({@link WatchSet#existingFiles()}, {@link WatchSet#watches(Path)})
     */
    public WatchSet files() {
        // The entry, if it is a link out of the tree, is the tree's all the same: the user named it. A tree of
        // tests has none.
        return entryClass.isEmpty() ? folders() : folders().plusFile(root().resolve(entryClass.replace('.', '/') + extension));
    }

    private WatchSet folders() {
        return WatchSet.builder().folders(roots).extensions(Set.of(extension)).build();
    }

    private static String packageOf(Path entry) throws LaunchException {
        String source;
        try {
            source = SourceText.read(entry).content();
        } catch (IOException | UncheckedIOException e) {
            throw new LaunchException("cannot read '" + entry + "': " + e.getMessage());
        }
        if (source.startsWith("#!")) {
            // A script's shebang line: #!/usr/bin/env groovy
            int end = source.indexOf('\n');
            source = end < 0 ? "" : source.substring(end);
        }
        Matcher matcher = PACKAGE.matcher(withoutComments(source));
        return matcher.find() ? matcher.group(1).replaceAll("\\s", "") : "";
    }

    /** @return the source with its comments blanked; good enough for the declarations before the first type */
    static String withoutComments(String source) {
        StringBuilder kept = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                kept.append(' ');
            } else {
                kept.append(source.charAt(i++));
            }
        }
        return kept.toString();
    }
}
