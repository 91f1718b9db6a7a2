package dev.hotload.watch;

import java.util.Set;

/**
 * What editors, version control and build tools leave in a source tree, and must never trigger a reload.
 *
 * @param folders folder names that are skipped with everything under them (besides every dot-folder)
 */
public record IgnoreRules(Set<String> folders) {

    /** Skips dot-folders, build output and caches, and editors' swap, backup and temporary files. */
    public static final IgnoreRules DEFAULT = new IgnoreRules(Set.of("target", "__pycache__", "node_modules"));

    public IgnoreRules {
        folders = Set.copyOf(folders);
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
}
