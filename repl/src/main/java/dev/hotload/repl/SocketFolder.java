package dev.hotload.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The folder of the sockets {@code hotload attach} connects to: the user's runtime folder
 * ({@code $XDG_RUNTIME_DIR/hotload}), else {@code /tmp/hotload-UID}; made readable by its owner alone, and used only
 * while it is so, so that no other user of the machine can connect to a prompt, nor plant a socket of their own.
 */
final class SocketFolder {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SocketFolder() {
    }

    /**
     * @return the folder, made if missing
     * @throws IOException if it cannot be made, or is not the user's alone: then there is no attaching
     */
    static Path of(Map<String, String> environment) throws IOException {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        Path folder = runtime != null && runtime.startsWith("/") && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "hotload")
                : Path.of(System.getProperty("java.io.tmpdir"), "hotload-" + uid());
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another hotload made it meanwhile: checked below like any.
            }
        }
        if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException(folder + " is not a folder of this user's alone (owner only, rwx------)");
        }
        return folder;
    }

    /** @return the user's id, as the system knows it: the owner of this process (Linux), else of their home */
    private static int uid() throws IOException {
        Path self = Path.of("/proc/self");
        return (Integer) Files.getAttribute(Files.exists(self) ? self : Path.of(System.getProperty("user.home")), "unix:uid");
    }
}
