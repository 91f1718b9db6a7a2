package dev.hotload.groovy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source file as read for one compile. Read here, not by Groovy, which would trust file times: two saves
 * within the file system's time resolution would compile the older one.
 *
 * @param path the file, absolute
 * @param content its text
 */
record SourceText(Path path, String content) {

    /**
     * @return the file's current content
     * @throws java.nio.charset.MalformedInputException if it is not valid UTF-8
     */
    static SourceText read(Path path) throws IOException {
        return new SourceText(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** @return line {@code number} (from 1) without its line end, or empty if there is no such line */
    String line(int number) {
        String[] lines = content.split("\\R", -1);
        return number >= 1 && number <= lines.length ? lines[number - 1] : "";
    }
}
