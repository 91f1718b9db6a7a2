package dev.hotload.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where jffi, the native library behind Jython's {@code os} and {@code posix}, writes itself before loading it:
 * by default a {@code jffi*.so} in the shared temporary folder, where another user could race to replace it.
 * Here, a folder only the user can enter: {@code hotload/jffi} in the user's cache folder
 * ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}), made {@code 0700}.
 */
final class NativeFolder {

    /** The system property jffi reads (its {@code StubLoader}). */
    static final String PROPERTY = "jffi.extract.dir";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private NativeFolder() {
    }

    /**
     * Points jffi at the private folder, unless the property is set already (by the user, or a host). Before
     * Jython first loads jffi: its loader reads the property once.
     *
     * @return the folder jffi now extracts to, if hotload chose it
     */
    static Optional<Path> choose(Map<String, String> environment) {
        if (System.getProperty(PROPERTY) != null) {
            return Optional.empty();
        }
        Optional<Path> folder = privateFolder(cacheHome(environment).resolve("hotload").resolve("jffi"));
        folder.ifPresent(path -> System.setProperty(PROPERTY, path.toString()));
        return folder;
    }

    /** @return the user's cache folder, as the XDG base directories define it */
    static Path cacheHome(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".cache");
    }

    /**
     * @return {@code folder}, made if missing, and only its owner's: or empty if it cannot be (no POSIX
     *     permissions, a folder of another user's, a home that cannot be written): jffi then does as it always did
     */
    static Optional<Path> privateFolder(Path folder) {
        try {
            Files.createDirectories(folder.getParent());
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            if (!Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return Optional.empty();
            }
            // The umask may have taken some, or an older folder given more.
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
            return Optional.of(folder);
        } catch (IOException | UnsupportedOperationException | SecurityException cannot) {
            return Optional.empty();
        }
    }
}
