package dev.hotload.watch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What must never trigger a reload inside a watched folder: what editors, version control and build tools leave in
 * a source tree, by name; and, if asked, the user's own patterns ({@code --ignore}) and the tree's
 * {@code .gitignore} and {@code .ignore} files ({@link IgnoreFiles}). Explicit files are watched whatever these say.
 */
public final class IgnoreRules {

    /**
     * Skips dot-folders ({@code .git} among them), build output and caches, and editors' by-products. A folder
     * named {@code build} is build output only where a build script sits beside it ({@link #isBuildOutput}): a
     * Java package may be named so.
     */
    public static final IgnoreRules DEFAULT = new IgnoreRules(Set.of("target", "__pycache__", "node_modules"));

    /** The build scripts of the tools that write their output to {@code build/} beside them. */
    private static final List<String> BUILD_SCRIPTS = List.of("build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "CMakeLists.txt", "Makefile", "setup.py", "pyproject.toml", "package.json",
            "build.xml", "meson.build");

    private final Set<String> folders;
    /** The {@code --ignore} globs, relative to {@link #globBase}; matched after the ignore files, so they win. */
    private final List<IgnorePattern> globs;
    private final Path globBase;
    private final IgnoreFiles ignoreFiles;

    /** @param folders folder names that are skipped with everything under them (besides every dot-folder) */
    public IgnoreRules(Set<String> folders) {
        this(folders, List.of(), Path.of("").toAbsolutePath(), null);
    }

    private IgnoreRules(Set<String> folders, List<IgnorePattern> globs, Path globBase, IgnoreFiles ignoreFiles) {
        this.folders = Set.copyOf(folders);
        this.globs = List.copyOf(globs);
        this.globBase = globBase;
        this.ignoreFiles = ignoreFiles;
    }

    /**
     * @param globs gitignore patterns ({@code --ignore}): a name at any depth ({@code *.log}), or a path from
     *     {@code base} ({@code /docs}, {@code src/gen/}); {@code !} re-includes
     * @param base the folder the anchored globs are relative to: the working folder
     * @param readIgnoreFiles whether the trees' {@code .gitignore} and {@code .ignore} files count
     * @return these rules, plus those
     */
    public IgnoreRules with(List<String> globs, Path base, boolean readIgnoreFiles) {
        List<IgnorePattern> patterns = new ArrayList<>(this.globs);
        globs.forEach(glob -> IgnorePattern.parse(glob).ifPresent(patterns::add));
        return new IgnoreRules(folders, patterns, base.toAbsolutePath().normalize(),
                readIgnoreFiles ? new IgnoreFiles() : null);
    }

    /** @return the folder names skipped wherever they are, besides every dot-folder */
    public Set<String> folders() {
        return folders;
    }

    /** @return whether a folder with this name is skipped, with all that is under it */
    public boolean isIgnoredFolder(String name) {
        return name.startsWith(".") || folders.contains(name);
    }

    /**
     * @return whether a file with this name is a by-product rather than a source: vim's swap files and
     *     its write test {@code 4913}, backups ending in {@code ~}, Emacs lock and autosave files, JetBrains'
     *     safe-write temporaries, and Jython's compiled {@code name$py.class} files
     */
    public boolean isIgnoredFile(String name) {
        return name.startsWith(".#")
                || name.endsWith(".swp") || name.endsWith(".swo") || name.endsWith(".swx")
                || name.endsWith("~")
                || name.equals("4913")
                || name.startsWith("#") && name.endsWith("#")
                || name.endsWith("___jb_tmp___")
                || name.endsWith("___jb_old___")
                || name.endsWith("$py.class");
    }

    /**
     * @param root the watched folder that holds {@code folder}
     * @param folder a folder under {@code root}
     * @return whether {@code folder} is a {@code build} folder at the top of {@code root}, or beside a build
     *     script: Gradle's, CMake's, make's, setuptools', npm's, Ant's or Meson's output
     */
    public boolean isBuildOutput(Path root, Path folder) {
        if (folder.getFileName() == null || !folder.getFileName().toString().equals("build")) {
            return false;
        }
        Path parent = folder.getParent();
        return root.equals(parent) || BUILD_SCRIPTS.stream().anyMatch(script -> Files.isRegularFile(parent.resolve(script)));
    }

    /** @return whether any pattern may ignore a path: else {@link #isIgnoredPath} is always false, and not asked */
    public boolean hasPatterns() {
        return !globs.isEmpty() || ignoreFiles != null;
    }

    /**
     * Says whether the patterns ignore a path in a watched folder. Only the path itself is matched: a caller skips
     * what is under an ignored folder (as git does, a file there cannot be re-included).
     *
     * @param root the watched folder, absolute and normalized
     * @param path a path under {@code root}, absolute and normalized
     * @param folder whether {@code path} is a folder
     */
    public boolean isIgnoredPath(Path root, Path path, boolean folder) {
        if (!hasPatterns() || path.equals(root) || path.getFileName() == null) {
            return false;
        }
        return in(root, path.getParent()).ignores(path, path.getFileName().toString(), folder);
    }

    /**
     * @param root the watched folder, absolute and normalized
     * @param folder a folder at or under it, absolute and normalized
     * @return the patterns that apply to what {@code folder} holds: a walk asks once per folder, not per file
     */
    public InFolder in(Path root, Path folder) {
        return new InFolder(ignoreFiles == null ? List.of() : ignoreFiles.patternsIn(root, folder));
    }

    /** The patterns that apply in one folder: its ignore files', its parents', and the globs. */
    public final class InFolder {
        private final List<IgnoreFiles.Scoped> fromFiles;

        private InFolder(List<IgnoreFiles.Scoped> fromFiles) {
            this.fromFiles = fromFiles;
        }

        /** @return whether nothing here can be ignored by a pattern */
        public boolean isEmpty() {
            return fromFiles.isEmpty() && globs.isEmpty();
        }

        /**
         * @param path a path in the folder, absolute and normalized
         * @param name its name
         * @param folder whether it is a folder
         * @return whether the patterns ignore it
         */
        public boolean ignores(Path path, String name, boolean folder) {
            boolean ignored = false;
            Path base = null;
            String relative = null;
            for (IgnoreFiles.Scoped scoped : fromFiles) {
                IgnorePattern pattern = scoped.pattern();
                if (pattern.isNegated() != ignored) {
                    continue; // it could not change the verdict
                }
                if (pattern.needsPath(folder) && !pattern.mayMatchWithin(path.toString())) {
                    continue; // what it needs is nowhere in the path: no relative path worked out for it
                }
                if (pattern.needsPath(folder) && !scoped.base().equals(base)) {
                    base = scoped.base();
                    relative = relative(base, path.toString());
                }
                if (pattern.matches(relative, name, folder)) {
                    ignored = !ignored;
                }
            }
            relative = null;
            for (IgnorePattern glob : globs) {
                if (glob.isNegated() != ignored) {
                    continue;
                }
                if (glob.needsPath(folder) && relative == null) {
                    relative = path.startsWith(globBase) ? relative(globBase, path.toString()) : "\0"; // no anchored glob matches it
                }
                if (glob.matches(relative, name, folder)) {
                    ignored = !ignored;
                }
            }
            return ignored;
        }
    }

    /** @return {@code path} relative to {@code base}, which holds it, names separated by {@code /} */
    private static String relative(Path base, String path) {
        String baseText = base.toString();
        int start = baseText.endsWith(File.separator) ? baseText.length() : baseText.length() + 1;
        String relative = start <= path.length() ? path.substring(start) : "";
        return File.separatorChar == '/' ? relative : relative.replace(File.separatorChar, '/');
    }

    @Override
    public String toString() {
        return "IgnoreRules" + Optional.of(folders) + " " + globs.size() + " globs"
                + (ignoreFiles != null ? ", ignore files" : "");
    }
}
