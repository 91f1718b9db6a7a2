package dev.hotload.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The original's way to say what to watch: file names on standard input, one a line
 * ({@code find . -name '*.py' | hotload lib.py}).
 */
final class StdinFileList {

    /** After this long without end of input, tell the user what hotload is waiting for. */
    static final Duration HINT_AFTER = Duration.ofSeconds(2);

    private StdinFileList() {
    }

    /**
     * Reads file names until end of input, resolving them against {@code base}; blank lines are skipped.
     * Reading happens on a daemon thread so that a user who forgot to pipe anything gets a hint, not a hang.
     */
    static List<Path> read(InputStream in, Path base, PrintStream messages) throws IOException, InterruptedException {
        return read(in, base, messages, HINT_AFTER);
    }

    /** As {@link #read(InputStream, Path, PrintStream)}, with the hint after {@code hintAfter}. */
    static List<Path> read(InputStream in, Path base, PrintStream messages, Duration hintAfter)
            throws IOException, InterruptedException {
        CompletableFuture<List<Path>> names = CompletableFuture.supplyAsync(() -> readAll(in, base), daemon());
        try {
            try {
                return names.get(hintAfter.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                messages.println("hotload: reading file names to watch from standard input; end it with Ctrl-D,"
                        + " or use --watch (or < /dev/null) to watch the entry's folder");
                return names.get();
            }
        } catch (ExecutionException failed) {
            throw new IOException("cannot read standard input: " + failed.getCause().getMessage(), failed.getCause());
        }
    }

    private static List<Path> readAll(InputStream in, Path base) {
        List<Path> files = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty()) {
                    files.add(base.resolve(name).normalize());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    private static java.util.concurrent.Executor daemon() {
        return task -> {
            Thread thread = new Thread(task, "hotload-stdin");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
