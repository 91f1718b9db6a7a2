package dev.hotload.python;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.python.core.PyFile;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.io.StreamIO;

/**
 * Jython's {@code sys.stdout} and {@code sys.stderr}, over the JVM's streams through a channel that an interrupt
 * cannot close. Jython's own write through {@link java.nio.channels.Channels#newChannel}, an interruptible
 * channel: a module stopped for the next save while it prints (any endless loop that prints) had its channel
 * closed by the interrupt, and with it {@code System.out} or {@code System.err}, whose file descriptor the JDK
 * then points to {@code /dev/null}: nothing, not even hotload's own lines, was shown again.
 */
final class StandardStreams {

    private StandardStreams() {
    }

    /** Replaces Jython's standard output and error, where they are still Jython's own, with hotload's. */
    static void install(PySystemState sys) {
        if (sys.stdout == sys.__stdout__) {
            sys.stdout = sys.__stdout__ = over(System.out, "<stdout>", sys.__stdout__);
        }
        if (sys.stderr == sys.__stderr__) {
            sys.stderr = sys.__stderr__ = over(System.err, "<stderr>", sys.__stderr__);
        }
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

    /** Writes to a stream; an interrupt of the writing thread is left for the program to notice. */
    private static final class Uninterruptible implements WritableByteChannel {

        private final PrintStream stream;
        private volatile boolean open = true;

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
        public boolean isOpen() {
            return open;
        }

        /** Closes this channel only: the JVM's stream stays open for hotload and the next run. */
        @Override
        public void close() {
            stream.flush();
            open = false;
        }
    }
}
