package dev.hotload.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is at a path, as far as hotload cares: a regular file is read; nothing else ever is. Opening a FIFO waits
 * for a writer that may never come, and a device or a socket is no source: hotload looks at their attributes
 * only, and says what they are.
 */
public enum FileKind {
    REGULAR("a file"),
    FOLDER("a folder"),
    FIFO("a FIFO (named pipe)"),
    SOCKET("a socket"),
    DEVICE("a device"),
    OTHER("not a regular file"),
    MISSING("missing");

    /** The file-type bits of {@code st_mode}, and the types among them. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO_TYPE = 0010000;
    private static final int CHARACTER_DEVICE_TYPE = 0020000;
    private static final int BLOCK_DEVICE_TYPE = 0060000;
    private static final int SOCKET_TYPE = 0140000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** @return what is at {@code path}, following symbolic links; {@link #MISSING} for nothing, or a dangling link */
    public static FileKind of(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException missingOrUnreadable) {
            return MISSING;
        }
        if (attributes.isRegularFile()) {
            return REGULAR;
        }
        if (attributes.isDirectory()) {
            return FOLDER;
        }
        return special(path);
    }

    /** @return a few words for messages: {@code a FIFO (named pipe)} */
    public String description() {
        return description;
    }

    /** The basic attributes say only "other"; where the system has Unix modes, they say which. */
    private static FileKind special(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException unknown) {
            return OTHER;
        }
        return switch (mode & TYPE_MASK) {
            case FIFO_TYPE -> FIFO;
            case SOCKET_TYPE -> SOCKET;
            case CHARACTER_DEVICE_TYPE, BLOCK_DEVICE_TYPE -> DEVICE;
            default -> OTHER;
        };
    }
}
