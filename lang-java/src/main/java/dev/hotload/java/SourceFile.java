package dev.hotload.java;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.SimpleJavaFileObject;

/**
 * A source file as read for one compile. Read here rather than by javac's file manager, which caches contents
 * by modification time: two saves within the file system's time resolution would compile the older one.
 */
final class SourceFile extends SimpleJavaFileObject {

    private final Path path;
    private final String content;

    private SourceFile(Path path, String content) {
        super(path.toUri(), Kind.SOURCE);
        this.path = path;
        this.content = content;
    }

    /** @return the file's current content */
    static SourceFile read(Path path) throws IOException {
        return new SourceFile(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** @return a source that is not read from disk */
    static SourceFile of(Path path, String content) {
        return new SourceFile(path.toAbsolutePath(), content);
    }

    Path path() {
        return path;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
    }

    /** @return the text of the line that holds {@code position} (a char offset), without its line end */
    String lineAt(long position) {
        int at = (int) Math.max(0, Math.min(position, content.length()));
        int start = content.lastIndexOf('\n', at - 1) + 1;
        int end = content.indexOf('\n', at);
        String line = content.substring(start, end < 0 ? content.length() : end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** @return how many chars of its line come before {@code position} */
    int columnOf(long position) {
        int at = (int) Math.max(0, Math.min(position, content.length()));
        return at - (content.lastIndexOf('\n', at - 1) + 1);
    }
}
