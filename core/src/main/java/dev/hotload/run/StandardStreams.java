package dev.hotload.run;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Standard output and error, hotload's and the program's. Once {@linkplain #install() installed} (by
 * {@code bin/hotload}, which owns the process), hotload writes to descriptors 1 and 2 through streams of its own,
 * and the program gets copies: a copy's {@code close()} ends that copy, never the file descriptor under it (the
 * JDK points a closed descriptor 1 or 2 at {@code /dev/null} for good), and each run gets fresh copies, whatever
 * the last run did to {@code System.out} and {@code System.err} ({@code close()}, {@code setOut(null)}). Not
 * installed (an embedding host, a test), the program's streams and hotload's are the host's.
 *
 * <p>hotload's own streams buffer nothing: a run stopped with {@link Thread#stop} in the middle of a write (a
 * loop that prints) can leave no half-done buffer behind to be written twice; and they know whether their last
 * byte ended a line, so that the next run's output starts on a line of its own ({@link #endLines()}).
 */
public final class StandardStreams {

    private static volatile StandardStreams installed;

    private final PrintStream out;
    private final PrintStream err;
    /** Null unless hotload owns the streams. */
    private final LineEnds outEnds;
    private final LineEnds errEnds;

    private StandardStreams(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.outEnds = null;
        this.errEnds = null;
    }

    private StandardStreams(LineEnds out, LineEnds err) {
        this.outEnds = out;
        this.errEnds = err;
        this.out = new PrintStream(out, true, encodingOf("stdout"));
        this.err = new PrintStream(err, true, encodingOf("stderr"));
    }

    /**
     * Takes the JVM's standard streams for hotload, and gives the program copies of them; once per JVM, before
     * anything else holds {@code System.out} or {@code System.err}.
     *
     * @return the streams, installed
     */
    public static synchronized StandardStreams install() {
        if (installed == null) {
            System.out.flush();
            System.err.flush();
            installed = owning(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
            installed.renew();
        }
        return installed;
    }

    /** @return streams that own {@code out} and {@code err} as {@link #install()} owns descriptors 1 and 2 */
    static StandardStreams owning(OutputStream out, OutputStream err) {
        return new StandardStreams(new LineEnds(out, true), new LineEnds(err, false));
    }

    /** @return the installed streams, or the host's: {@code System.out} and {@code System.err} as they are now */
    public static StandardStreams current() {
        StandardStreams streams = installed;
        return streams != null ? streams : new StandardStreams(System.out, System.err);
    }

    /** @return hotload's standard output: what the program's copies write to, and that it cannot close */
    public PrintStream out() {
        return out;
    }

    /** @return hotload's standard error: for its own lines, which nothing the program does can silence */
    public PrintStream err() {
        return err;
    }

    /** Gives the program fresh copies as {@code System.out} and {@code System.err}, if hotload owns them. */
    public void renew() {
        if (outEnds != null) {
            System.setOut(copyOf(out, "stdout"));
            System.setErr(copyOf(err, "stderr"));
        }
    }

    /**
     * Ends the line a stopped run left unfinished (stopped between a text and its line end), on each stream, so
     * that what follows (hotload's note, the next run's output) starts a line of its own. Only if hotload owns them.
     */
    public void endLines() {
        if (outEnds != null) {
            flushQuietly(System.out);
            flushQuietly(System.err);
            outEnds.endLine();
            errEnds.endLine();
        }
    }

    /**
     * Sends hotload's lines and the program's output to {@code out} and {@code err} from now on, rather than to
     * descriptors 1 and 2: a prompt's, which shows them above the line being typed. Only if hotload owns them.
     */
    public void divert(OutputStream out, OutputStream err) {
        if (outEnds != null) {
            outEnds.divert(Objects.requireNonNull(out, "out"));
            errEnds.divert(Objects.requireNonNull(err, "err"));
        }
    }

    /**
     * Runs {@code task} with what the calling thread, and the threads it starts, write to standard output and error
     * going to {@code route} instead, while the route is open: an attached prompt's terminal, where the code typed
     * there shows what it prints, not in the program's own terminal. Only if hotload owns the streams.
     */
    public void routing(Route route, Runnable task) {
        Route before = ROUTE.get();
        ROUTE.set(route);
        try {
            task.run();
        } finally {
            ROUTE.set(before);
        }
    }

    /** Where a thread's output goes instead of the descriptors, while it is open. */
    public interface Route {
        /** @return the stream for standard output ({@code true}) or error */
        OutputStream stream(boolean output);

        /** @return whether it still takes output: once its terminal is gone, output goes where it went before */
        boolean isOpen();
    }

    private static final InheritableThreadLocal<Route> ROUTE = new InheritableThreadLocal<>();

    /** Sends the output to descriptors 1 and 2 again, as before {@link #divert}. */
    public void undivert() {
        if (outEnds != null) {
            outEnds.divert(outEnds.descriptor);
            errEnds.divert(errEnds.descriptor);
        }
    }

    /**
     * @return whether the program's standard output is at a line's start (or the screen was just cleared), rather
     *     than after a prompt it waits at; true where hotload does not own the streams
     */
    public boolean outputEndsLine() {
        return outEnds == null || outEnds.atLineStart;
    }

    /** The terminal echoed a line the user typed: the cursor is at a line's start again. */
    public void lineTyped() {
        if (outEnds != null) {
            outEnds.atLineStart = true;
        }
    }

    /** Flushes what the program wrote; a stream the program broke (null, or its own that throws) is let be. */
    public void flushProgram() {
        flushQuietly(System.out);
        flushQuietly(System.err);
        out.flush();
        err.flush();
    }

    private static void flushQuietly(PrintStream stream) {
        try {
            if (stream != null) {
                stream.flush();
            }
        } catch (RuntimeException | Error broken) {
            // The program's own stream: what it does is the program's affair, not the end of the run's report.
        }
    }

    /**
     * @return a stream over {@code stream} as the JVM makes {@code System.out}: flushed at each line end, in the
     *     JVM's encoding of that stream
     */
    private static PrintStream copyOf(PrintStream stream, String name) {
        return new PrintStream(new Unclosable(stream), true, encodingOf(name));
    }

    /** The encoding the JVM chose for the stream: {@code stdout.encoding} as of Java 19, before it Java 17's own. */
    private static Charset encodingOf(String name) {
        String encoding = System.getProperty(name + ".encoding", System.getProperty("sun." + name + ".encoding"));
        try {
            return encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /** A descriptor's stream that knows whether its last byte ended a line. */
    private static final class LineEnds extends FilterOutputStream {

        private static final byte[] CLEAR = "\033[2J".getBytes(StandardCharsets.US_ASCII);

        private volatile boolean atLineStart = true;
        /** What it writes to unless diverted. */
        private final OutputStream descriptor;

        private final boolean output;

        LineEnds(OutputStream under, boolean output) {
            super(under);
            this.descriptor = under;
            this.output = output;
        }

        // Noted before the write: Thread.stop's ThreadDeath comes when the write returns from the system, and
        // would skip whatever follows it.
        @Override
        public void write(int b) throws IOException {
            Route route = ROUTE.get();
            if (route != null && route.isOpen()) {
                route.stream(output).write(b);
                return;
            }
            synchronized (this) {
                atLineStart = b == '\n';
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Route route = ROUTE.get();
            if (route != null && route.isOpen()) {
                route.stream(output).write(bytes, offset, length);
                return;
            }
            synchronized (this) {
                if (length > 0) {
                    atLineStart = bytes[offset + length - 1] == '\n' || clears(bytes, offset, length);
                }
                out.write(bytes, offset, length);
            }
        }

        /** @return whether the bytes end by clearing the screen (ClearTerminal's), which leaves the cursor home */
        private static boolean clears(byte[] bytes, int offset, int length) {
            return length >= CLEAR.length
                    && Arrays.equals(bytes, offset + length - CLEAR.length, offset + length, CLEAR, 0, CLEAR.length);
        }

        synchronized void divert(OutputStream to) {
            flushQuietly();
            out = to;
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        private void flushQuietly() {
            try {
                out.flush();
            } catch (IOException lost) {
                // The descriptor is gone: nothing was waiting to be said there.
            }
        }

        synchronized void endLine() {
            if (!atLineStart) {
                try {
                    write('\n');
                } catch (IOException lost) {
                    // Nowhere to say it: the descriptor is gone.
                }
            }
        }

        /** Never closes the descriptor: nothing of the program's holds this stream, and hotload needs it to the end. */
        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Passes bytes on; closing it flushes them and leaves the stream under it open. */
    private static final class Unclosable extends FilterOutputStream {

        Unclosable(OutputStream under) {
            super(under);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
