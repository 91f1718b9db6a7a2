package dev.hotload.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code .gitignore} and {@code .ignore} files of watched trees, as git and watchexec read them: each file's
 * patterns apply under its folder, from the top of the git repository that holds the tree (or the watched folder,
 * outside of one) down; a deeper file's patterns, and {@code .ignore}'s over {@code .gitignore}'s, come later, and
 * the last pattern that matches a path decides.
 *
 * <p>Each folder's files are read once, when the folder is first met: an ignore file edited while hotload runs
 * counts from the next start. So a scan costs no more than a look in a map per folder.
 */
final class IgnoreFiles {

    static final List<String> NAMES = List.of(".gitignore", ".ignore");

    /** The patterns that apply in a folder, with the folder each is relative to: its own and its parents'. */
    record Scoped(Path base, IgnorePattern pattern) {
    }

    private final Map<Path, List<Scoped>> byFolder = new ConcurrentHashMap<>();
    private final Map<Path, Path> topOfRoot = new ConcurrentHashMap<>();

    /**
     * @param root the watched folder that {@code folder} is in
     * @param folder a folder at or under {@code root}
     * @return the patterns that apply to what is in {@code folder}, in the order they are matched
     */
    List<Scoped> patternsIn(Path root, Path folder) {
        Path top = topOfRoot.computeIfAbsent(root, IgnoreFiles::repositoryTop);
        return patternsIn(top, folder, 0);
    }

    private List<Scoped> patternsIn(Path top, Path folder, int depth) {
        List<Scoped> known = byFolder.get(folder);
        if (known != null) {
            return known;
        }
        Path parent = folder.getParent();
        List<Scoped> inherited = folder.equals(top) || parent == null || !folder.startsWith(top) || depth > 1000
                ? List.of() : patternsIn(top, parent, depth + 1);
        List<Scoped> own = read(folder);
        List<Scoped> all;
        if (own.isEmpty()) {
            all = inherited;
        } else {
            all = new ArrayList<>(inherited);
            all.addAll(own);
            all = List.copyOf(all);
        }
        byFolder.putIfAbsent(folder, all);
        return all;
    }

    private static List<Scoped> read(Path folder) {
        List<Scoped> patterns = new ArrayList<>();
        for (String name : NAMES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    IgnorePattern.parse(line).ifPresent(pattern -> patterns.add(new Scoped(folder, pattern)));
                }
            } catch (IOException unreadable) {
                // An unreadable or undecodable ignore file ignores nothing, as if it were not there.
            }
        }
        return patterns;
    }

    /** @return the folder above {@code root} (or itself) that holds {@code .git}; {@code root} if none does */
    private static Path repositoryTop(Path root) {
        for (Path folder = root; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(".git"))) {
                return folder;
            }
        }
        return root;
    }
}
