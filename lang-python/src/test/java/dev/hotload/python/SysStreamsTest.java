package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.run.StandardStreams;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PySystemState;

/**
 * Python's standard streams are hotload's: a program interrupted while it prints, or one that breaks its
 * {@code sys.stdout}, leaves the JVM's streams working, and the next run prints again.
 */
class SysStreamsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream printedErr = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void captureSystemStreams() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(printedErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreSystemStreams() {
        Thread.interrupted();
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void aWriteFromAnInterruptedThreadIsWrittenAndClosesNothing() {
        PySystemState sys = new PySystemState();
        SysStreams.install(sys, StandardStreams.current());

        // An interruptible channel closes itself, and what it writes to, on a write from an interrupted thread.
        Thread.currentThread().interrupt();
        sys.stdout.invoke("write", Py.newString("while stopping\n"));
        Thread.interrupted();
        sys.stdout.invoke("write", Py.newString("next run\n"));
        System.out.println("hotload's own line");

        assertThat(System.out.checkError()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("while stopping\nnext run\nhotload's own line\n");
    }

    @Test
    void aReadFromAnInterruptedThreadClosesNothingAndAClosedStdinIsGivenBackToTheNextRun() {
        InputStream systemIn = System.in;
        System.setIn(new Terminal("first\n", "second\n", "third\n"));
        try {
            PySystemState sys = new PySystemState();
            SysStreams streams = SysStreams.install(sys, StandardStreams.current());

            // Jython's own stdin was an interruptible channel: a run stopped at raw_input() closed System.in for good.
            Thread.currentThread().interrupt();
            assertThat(sys.stdin.invoke("readline").toString()).isEqualTo("first\n");
            Thread.interrupted();
            assertThat(sys.stdin.invoke("readline").toString()).isEqualTo("second\n");
            sys.stdin.invoke("close");
            streams.restore();

            assertThat(sys.stdin.invoke("readline").toString()).isEqualTo("third\n");
            assertThat(sys.__stdin__).isSameAs(sys.stdin);
        } finally {
            System.setIn(systemIn);
        }
    }

    @Test
    void streamsSomeoneElseSetAreLeftAlone() {
        PySystemState sys = new PySystemState();
        sys.stdout = Py.newString("a host's own");

        SysStreams.install(sys, StandardStreams.current()).restore();

        assertThat(sys.stdout).isEqualTo(Py.newString("a host's own"));
    }

    @Test
    void streamsSetToNoneAreGivenBackToTheNextRun() {
        PySystemState sys = new PySystemState();
        SysStreams streams = SysStreams.install(sys, StandardStreams.current());
        sys.stdout = Py.None;
        sys.__stdout__ = Py.None;
        sys.stderr = Py.None;

        streams.flush();
        streams.restore();
        sys.stdout.invoke("write", Py.newString("next run\n"));
        sys.stderr.invoke("write", Py.newString("its error\n"));

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("next run\n");
        assertThat(sys.__stdout__).isSameAs(sys.stdout);
        assertThat(printedErr.toString(StandardCharsets.UTF_8)).isEqualTo("its error\n");
    }

    @Test
    void aClosedStreamStaysClosedForItsRunOnlyAndClosesNoJvmStream() {
        PySystemState sys = new PySystemState();
        SysStreams streams = SysStreams.install(sys, StandardStreams.current());
        sys.stdout.invoke("close");

        assertThatThrownBy(() -> sys.stdout.invoke("write", Py.newString("lost\n"))).isInstanceOf(PyException.class);
        streams.restore();
        sys.stdout.invoke("write", Py.newString("next run\n"));
        System.out.println("hotload's own line");

        assertThat(System.out.checkError()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("next run\nhotload's own line\n");
    }

    @Test
    void anErrorOfARunThatBrokeItsStderrIsShownOnHotloads() {
        PySystemState sys = new PySystemState();
        SysStreams streams = SysStreams.install(sys, StandardStreams.current());
        sys.stderr = Py.None;

        streams.writeError("Traceback (most recent call last):\n");

        assertThat(printedErr.toString(StandardCharsets.UTF_8)).isEqualTo("Traceback (most recent call last):\n");
    }

    /** Gives a line per read, as a terminal does. */
    private static final class Terminal extends InputStream {
        private final Deque<byte[]> lines = new ArrayDeque<>();

        Terminal(String... typed) {
            for (String line : typed) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("a terminal is read a line at a time");
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            byte[] line = lines.poll();
            if (line == null) {
                return -1;
            }
            System.arraycopy(line, 0, into, offset, line.length);
            return line.length;
        }
    }
}
