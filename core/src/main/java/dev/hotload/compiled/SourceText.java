package dev.hotload.compiled;

import dev.hotload.watch.FileKind;
import dev.hotload.watch.SavedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A source file as read for one compile. Read here, not by the compiler, which would trust file times: two
 * saves within the file system's time resolution would compile the older one.
 *
 * @param path the file, absolute
 * @param content its text
 */
public record SourceText(Path path, String content) {

    public SourceText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /**
     * @return the file's current content, read whole ({@link SavedFiles#read}): never between two steps of a save
     * @throws java.nio.charset.CharacterCodingException if it is not valid UTF-8
     * @throws IOException if it cannot be read, or is no regular file: a FIFO is never opened (it would wait for
     *     a writer), nor a device or a socket
     */
    public static SourceText read(Path path) throws IOException {
        FileKind kind = FileKind.of(path);
        if (kind == FileKind.MISSING) {
            throw new NoSuchFileException(path.toString());
        }
        if (kind != FileKind.REGULAR) {
            throw new IOException("it is " + kind.description() + ", not a regular file");
        }
        byte[] bytes = SavedFiles.read(path);
        return new SourceText(path, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString());
    }

    /** @return line {@code number} (from 1) without its line end, or empty if there is no such line */
    public String line(int number) {
        String[] lines = content.split("\\R", -1);
        return number >= 1 && number <= lines.length ? lines[number - 1] : "";
    }

    /** @return the text of the line that holds {@code offset} (a char offset into the content), without its line end */
    public String lineAt(long offset) {
        int at = clamp(offset);
        int start = content.lastIndexOf('\n', at - 1) + 1;
        int end = content.indexOf('\n', at);
        String line = content.substring(start, end < 0 ? content.length() : end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** @return how many chars of its line come before {@code offset}, a char offset into the content */
    public int columnOf(long offset) {
        int at = clamp(offset);
        return at - (content.lastIndexOf('\n', at - 1) + 1);
    }

    private int clamp(long offset) {
        return (int) Math.max(0, Math.min(offset, content.length()));
    }
}
