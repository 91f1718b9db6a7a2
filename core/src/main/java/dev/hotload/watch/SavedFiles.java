package dev.hotload.watch;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved files as runs read them: each read whole, as the {@link Settler} decides (its rule 5), and what the
 * last read of each file saw, so that the watcher does not report again a save a run has read already (rule 6).
 * Languages read the sources a run uses here, not with {@code Files}.
 *
 * <p>One for the process, as there is one file system: the watcher and the languages need not know each other.
 */
public final class SavedFiles {

    private static final SavedFiles SYSTEM = new SavedFiles(WatchClock.SYSTEM);

    private final Settler settler;
    private final Map<Path, FileSnapshot> lastRead = new ConcurrentHashMap<>();
    /** What the watcher last settled on, for each file it reported: a read that sees it need not look again. */
    private final Map<Path, FileSnapshot> settled = new ConcurrentHashMap<>();

    SavedFiles(WatchClock clock) {
        this.settler = new Settler(clock);
    }

    /** @return the process's saved files, which runs read and watchers consult */
    static SavedFiles system() {
        return SYSTEM;
    }

    /**
     * Reads a file a run is about to use: whole, never between two steps of a save.
     *
     * @return its content
     * @throws NoSuchFileException if it is missing and stays so
     * @throws IOException if it cannot be read ({@link #reason} says why in a few words)
     */
    public static byte[] read(Path file) throws IOException {
        return SYSTEM.readWhole(file);
    }

    /** @return why a file could not be read, in a few words for "cannot read lib.py: ...": "permission denied" */
    public static String reason(IOException error) {
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof NoSuchFileException) {
            return "no such file";
        }
        if (error instanceof CharacterCodingException) {
            return "it is not valid UTF-8 text";
        }
        if (error instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason().toLowerCase(Locale.ROOT); // without the path, which the message names
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage().toLowerCase(Locale.ROOT);
    }

    byte[] readWhole(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        try {
            FileSnapshot before = lastRead.get(key);
            Settler.Read read = settler.read(key, before != null && before.size() > 0, settled.get(key));
            lastRead.put(key, read.snapshot());
            return read.content();
        } catch (IOException unreadable) {
            // The next change of the file runs, whatever it is: a file made readable again must.
            lastRead.remove(key);
            throw unreadable;
        }
    }

    /** Notes the state the watcher settled on for a file it reports; null for one that is gone. */
    void settled(Path file, FileSnapshot snapshot) {
        if (snapshot == null) {
            settled.remove(file);
        } else {
            settled.put(file, snapshot);
        }
    }

    /**
     * @param file a watched file, absolute
     * @param settled its state as the watcher settled on it
     * @return whether the last read of {@code file} saw this content, size and identity, at a modification time
     *     no older: the change has run already, or is a copy's times set back ({@code cp -p}), or a {@code chmod}
     */
    boolean hasRun(Path file, FileSnapshot settled) {
        FileSnapshot read = lastRead.get(file);
        if (read == null || settled.modifiedNanos() > read.modifiedNanos() || read.size() != settled.size()
                || !Objects.equals(read.fileKey(), settled.fileKey())) {
            return false; // never read, a touch, or other content
        }
        // Same time and size may still be other content (two saves in one tick): only the content tells.
        return read.contentHash().equals(FileSnapshot.hash(file));
    }
}
