package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Session;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.python.core.Py;
import org.python.core.PySystemState;

/**
 * What the Python session tests share: a folder to write modules in, the program's output and hotload's notes
 * captured, a session opened through the reloader and closed after each test.
 */
abstract class PythonSessionHarness {

    @TempDir
    Path dir;

    Session session;
    /** What the last {@link #open} launched. */
    Launch launched;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream systemOut = System.out;
    private final PrintStream systemErr = System.err;

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    /**
     * Opens a session that prints to {@link #out()} and {@link #err()}: hotload's streams are the JVM's, and the
     * interpreter's a fresh one's, as in {@code bin/hotload} (another test may have left its own on this thread).
     */
    void open(Launch.Builder launch) throws LaunchException {
        Py.setSystemState(new PySystemState());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        launched = launch.build();
        session = new PythonReloader().open(launched);
    }

    Outcome run() throws Exception {
        return session.run(ChangeSet.initial());
    }

    Outcome reload(Path changed) throws Exception {
        return session.run(changed(changed));
    }

    static ChangeSet changed(Path file) {
        return new ChangeSet(List.of(new FileChange(file, FileChange.Kind.MODIFY)), false);
    }

    /** Writes {@code content} to {@code name}, a path under {@link #dir}, making its folders. */
    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** Saves {@code file} with {@code from}, which it must hold, replaced by {@code to}. */
    static void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** @return what the program printed on standard output */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return what the session printed: tracebacks, hotload's notes */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
