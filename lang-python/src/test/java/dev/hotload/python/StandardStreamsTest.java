package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.python.core.Py;
import org.python.core.PySystemState;

/** A program interrupted while it prints (stopped for the next save) leaves the JVM's streams working. */
class StandardStreamsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream systemOut;

    @BeforeEach
    void captureSystemOut() {
        systemOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreSystemOut() {
        Thread.interrupted();
        System.setOut(systemOut);
    }

    @Test
    void aWriteFromAnInterruptedThreadIsWrittenAndClosesNothing() {
        PySystemState sys = new PySystemState();
        StandardStreams.install(sys);

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
    void streamsSomeoneElseSetAreLeftAlone() {
        PySystemState sys = new PySystemState();
        sys.stdout = Py.newString("a host's own");

        StandardStreams.install(sys);

        assertThat(sys.stdout).isEqualTo(Py.newString("a host's own"));
    }
}
