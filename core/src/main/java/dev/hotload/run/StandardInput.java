package dev.hotload.run;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Standard input from a terminal, shared by the program and hotload: hotload reads the terminal, and a line the
 * user types while the program neither reads, nor has unread input, nor has left a prompt on its output (a text
 * without a line end: it may be about to read) goes to hotload's {@code keys} first, which may take it (Enter runs
 * the program again); every other byte goes to the program, through the {@code System.in} {@link #install} sets.
 * The program thus keeps its input: a prompt it waits at gets the line, Enter included.
 *
 * <p>The program's reads wait on this class, not in the operating system: a run that is stopped while it waits
 * for input ends at once, and its replacement reads the same terminal. The program cannot close it.
 */
public final class StandardInput {

    /** In the buffer, an end of input the user typed (Ctrl-D): one read of the program's returns -1 there. */
    private static final byte[] END = new byte[0];

    /** Two ends of input this close together mean the terminal is gone (hung up), not a user's Ctrl-D. */
    private static final long GONE_NANOS = 10_000_000;

    private final InputStream terminal;
    private final StandardStreams streams;
    private final Predicate<String> keys;
    private final Charset charset;
    private final Object lock = new Object();
    /** What the program has yet to read, in order: lines, and {@link #END} where the user typed an end of input. */
    private final Deque<byte[]> buffer = new ArrayDeque<>();
    /** Typed since the last line's end, not yet the program's or hotload's. */
    private byte[] partial = new byte[0];
    private int readersWaiting;
    private boolean gone;
    private final InputStream program = new ProgramInput();

    StandardInput(InputStream terminal, Charset charset, StandardStreams streams, Predicate<String> keys) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Reads the terminal (descriptor 0) from now on, on a daemon thread, and makes {@code System.in} the program's
     * end; before anything takes {@code System.in} (Jython does when it starts).
     *
     * @param streams hotload's standard streams: where the program's prompts show
     * @param keys offered each line typed while the program is not reading, without its line end; true takes it
     * @return the shared input
     */
    public static StandardInput install(StandardStreams streams, Predicate<String> keys) {
        StandardInput input = new StandardInput(new FileInputStream(FileDescriptor.in), Charset.defaultCharset(),
                streams, keys);
        System.setIn(input.program());
        Thread reader = new Thread(input::pump, "hotload-terminal");
        reader.setDaemon(true);
        reader.start();
        return input;
    }

    /** @return whether a thread of the program's waits in a read: for tests */
    boolean isProgramReading() {
        synchronized (lock) {
            return readersWaiting > 0;
        }
    }

    /** @return the program's end: what {@code System.in} reads */
    InputStream program() {
        return program;
    }

    /** Reads the terminal until it is gone. */
    void pump() {
        byte[] chunk = new byte[4096];
        long lastEnd = Long.MIN_VALUE;
        while (true) {
            int read;
            try {
                read = terminal.read(chunk);
            } catch (IOException gone) {
                end(true);
                return;
            }
            if (read < 0) {
                long now = System.nanoTime();
                boolean hungUp = lastEnd != Long.MIN_VALUE && now - lastEnd < GONE_NANOS;
                end(hungUp);
                if (hungUp) {
                    return;
                }
                lastEnd = now;
                continue;
            }
            typed(Arrays.copyOf(chunk, read));
        }
    }

    /** Takes bytes typed on the terminal: the program's if it reads, else line by line hotload's or the program's. */
    void typed(byte[] bytes) {
        synchronized (lock) {
            partial = concat(partial, bytes);
            if (readersWaiting > 0) {
                give(partial.length);
                if (indexOf(bytes, (byte) '\n') >= 0) {
                    streams.lineTyped();
                }
                return;
            }
            for (int end = indexOf(partial, (byte) '\n'); end >= 0; end = indexOf(partial, (byte) '\n')) {
                boolean atPrompt = !streams.outputEndsLine();
                streams.lineTyped();
                if (!atPrompt && buffer.isEmpty() && keys.test(line(end))) {
                    partial = Arrays.copyOfRange(partial, end + 1, partial.length);
                } else {
                    give(end + 1);
                }
            }
        }
    }

    /** The terminal said end of input (Ctrl-D): the program's next read returns -1; or, if gone, every read does. */
    void end(boolean terminalGone) {
        synchronized (lock) {
            give(partial.length);
            if (terminalGone) {
                gone = true;
            } else {
                buffer.add(END);
            }
            lock.notifyAll();
        }
    }

    private String line(int end) {
        int length = end > 0 && partial[end - 1] == '\r' ? end - 1 : end;
        return new String(partial, 0, length, charset);
    }

    /** Moves the first {@code count} bytes typed to the program's buffer. */
    private void give(int count) {
        if (count == 0) {
            return;
        }
        buffer.add(Arrays.copyOf(partial, count));
        partial = Arrays.copyOfRange(partial, count, partial.length);
        lock.notifyAll();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** {@code System.in} of the program: waits for what the terminal gives it. */
    private final class ProgramInput extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            synchronized (lock) {
                // A line typed before this read began, not yet ended (a terminal in raw mode), is the program's.
                if (buffer.isEmpty() && partial.length > 0) {
                    give(partial.length);
                }
                readersWaiting++;
                try {
                    while (buffer.isEmpty() && !gone) {
                        lock.wait();
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for standard input");
                } finally {
                    readersWaiting--;
                }
                byte[] next = buffer.poll();
                if (next == null || next == END) {
                    return -1;
                }
                int count = Math.min(length, next.length);
                System.arraycopy(next, 0, into, offset, count);
                if (count < next.length) {
                    buffer.addFirst(Arrays.copyOfRange(next, count, next.length));
                }
                return count;
            }
        }

        @Override
        public int available() {
            synchronized (lock) {
                int bytes = 0;
                for (byte[] chunk : buffer) {
                    if (chunk == END) {
                        break;
                    }
                    bytes += chunk.length;
                }
                return bytes;
            }
        }

        /** hotload's terminal stays open: the next run reads it too. */
        @Override
        public void close() {
        }
    }
}
