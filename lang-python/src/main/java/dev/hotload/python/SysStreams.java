package dev.hotload.python;

import dev.hotload.run.StandardStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyFile;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.io.StreamIO;

/**
 * Jython's {@code sys.stdin}, {@code sys.stdout} and {@code sys.stderr}: hotload's, over {@code System.in} and its
 * {@link StandardStreams}, and given back to each run whatever the last run did to them ({@code sys.stdout = None},
 * {@code sys.stdout.close()}).
 *
 * <p>They read and write through channels that an interrupt cannot close. Reading, Jython's own closed
 * {@code System.in} for good when a run waiting at {@code raw_input()} was stopped for the next save, or the user's
 * Enter.
 *
 * <p>Writing: Jython's own write through
 * {@link java.nio.channels.Channels#newChannel}, an interruptible channel: a module stopped for the next save while
 * it prints (any endless loop that prints) had its channel closed by the interrupt, and with it {@code System.out}
 * or {@code System.err}, whose file descriptor the JDK then points to {@code /dev/null}: nothing, not even
 * hotload's own lines, was shown again.
 */
final class SysStreams {

    private final PySystemState sys;
    private final StandardStreams streams;
    private final PyObject jythonIn;
    private final PyObject jythonOut;
    private final PyObject jythonErr;
    /** Whether the streams were Jython's own at start, not an embedding host's, which are the host's to keep. */
    private boolean owned;
    private PyFile in;
    private PyFile out;
    private PyFile err;

    private SysStreams(PySystemState sys, StandardStreams streams) {
        this.sys = sys;
        this.streams = streams;
        this.jythonIn = sys.__stdin__;
        this.jythonOut = sys.__stdout__;
        this.jythonErr = sys.__stderr__;
    }

    /**
     * Replaces Jython's standard output and error, where they are still Jython's own (an embedding host may have
     * set its own), with hotload's.
     *
     * @return the streams, to {@linkplain #restore() restore} before each run
     */
    static SysStreams install(PySystemState sys, StandardStreams streams) {
        SysStreams installed = new SysStreams(sys, streams);
        installed.owned = sys.stdin == sys.__stdin__ && sys.stdout == sys.__stdout__ && sys.stderr == sys.__stderr__;
        installed.in = input(installed.jythonIn);
        installed.out = over(streams.out(), "<stdout>", sys.__stdout__);
        installed.err = over(streams.err(), "<stderr>", sys.__stderr__);
        installed.restore();
        return installed;
    }

    /** Makes hotload's the program's standard streams again; one it closed is made anew. */
    void restore() {
        if (!owned) {
            return;
        }
        if (in.getClosed()) {
            in = input(jythonIn);
        }
        sys.stdin = sys.__stdin__ = in;
        if (out.getClosed()) {
            out = over(streams.out(), "<stdout>", jythonOut);
        }
        if (err.getClosed()) {
            err = over(streams.err(), "<stderr>", jythonErr);
        }
        sys.stdout = sys.__stdout__ = out;
        sys.stderr = sys.__stderr__ = err;
    }

    /** Flushes what the program's {@code sys.stdout} and {@code sys.stderr} hold, whatever the program set them to. */
    void flush() {
        flush(sys.stdout);
        flush(sys.stderr);
    }

    /**
     * Writes hotload's report of a run on the program's {@code sys.stderr}, where Python writes its traceback; on
     * hotload's own if the program broke its own ({@code None}, closed).
     */
    void writeError(String text) {
        try {
            sys.stderr.invoke("write", Py.newUnicode(text));
            return;
        } catch (PyException broken) {
            // Python would lose the traceback ("lost sys.stderr"); hotload shows it where its own lines go.
        }
        streams.err().print(text);
        streams.err().flush();
    }

    private static void flush(PyObject file) {
        try {
            file.invoke("flush");
        } catch (PyException | NullPointerException broken) {
            // None, closed, or a file of the program's without flush(): its own affair.
        }
    }

    /** @return a file as Jython's {@code original} was, line-buffered, reading {@code System.in} as it is now */
    private static PyFile input(PyObject original) {
        PyFile file = new PyFile(new StreamIO(new UninterruptibleInput(System.in), false), "<stdin>", "r", 1);
        if (original instanceof PyFile jython) {
            file.encoding = jython.encoding;
            file.errors = jython.errors;
        }
        return file;
    }

    /** @return a file as Jython's {@code original} was, unbuffered, writing to {@code stream} */
    private static PyFile over(PrintStream stream, String name, PyObject original) {
        PyFile file = new PyFile(new StreamIO(new Uninterruptible(stream), false), name, "w", 0);
        if (original instanceof PyFile jython) {
            file.encoding = jython.encoding;
            file.errors = jython.errors;
        }
        return file;
    }

    /**
     * A channel over one of the JVM's standard streams that an interrupt cannot close: closing it ends the channel
     * only, and the stream stays open for hotload and the next run.
     */
    private abstract static class OwnChannel implements Channel {

        private volatile boolean open = true;

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Writes to a stream; an interrupt of the writing thread is left for the program to notice. */
    private static final class Uninterruptible extends OwnChannel implements WritableByteChannel {

        private final PrintStream stream;

        Uninterruptible(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        public int write(ByteBuffer source) {
            int length = source.remaining();
            byte[] bytes = new byte[length];
            source.get(bytes);
            stream.write(bytes, 0, length);
            return length;
        }

        @Override
        public void close() {
            stream.flush();
            super.close();
        }
    }

    /** Reads a stream; an interrupt of the reading thread is left for the stream, or the program, to notice. */
    private static final class UninterruptibleInput extends OwnChannel implements ReadableByteChannel {

        private final InputStream stream;

        UninterruptibleInput(InputStream stream) {
            this.stream = stream;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            byte[] bytes = new byte[Math.min(target.remaining(), 8192)];
            int read = stream.read(bytes);
            if (read > 0) {
                target.put(bytes, 0, read);
            }
            return read;
        }
    }
}
