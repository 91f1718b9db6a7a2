package dev.hotload.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a prompt's history is kept between sessions: one file per project and language, in the user's own state
 * folder ({@code $XDG_STATE_HOME/hotload/history}, else {@code ~/.local/state/hotload/history}), which only the
 * user can read: the lines typed may hold a password or a query.
 */
public final class HistoryFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private HistoryFile() {
    }

    /**
     * @param project the project's folder, absolute: where the entry is
     * @param language the language's name, whose lines make no sense at another language's prompt
     * @param environment the process's environment
     * @return the history file, its folder made and closed to others; empty where there is no home, or the folder
     *     is another user's or open to others (then no history is kept rather than one others could read or plant)
     */
    public static Optional<Path> of(Path project, String language, Map<String, String> environment) {
        Optional<Path> state = Optional.ofNullable(environment.get("XDG_STATE_HOME")).filter(s -> s.startsWith("/")).map(Path::of)
                .or(() -> Optional.ofNullable(environment.get("HOME")).filter(h -> h.startsWith("/")).map(h -> Path.of(h, ".local", "state")));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Path folder = state.get().resolve("hotload").resolve("history");
        try {
            Files.createDirectories(folder.getParent());
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            if (!Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)
                    || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return Optional.empty();
            }
        } catch (IOException | UnsupportedOperationException | SecurityException unusable) {
            return Optional.empty();
        }
        String name = project.getFileName() == null ? "root" : project.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return Optional.of(folder.resolve(language + "-" + name + "-" + digest(project.toString())));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
