package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The terminal shared by the program and hotload, typed on from the test: no terminal, no real keyboard. */
class StandardInputTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final List<String> offered = new CopyOnWriteArrayList<>();
    /** hotload takes the empty line (Enter) only, as bin/hotload's rerun key takes Enter and "r". */
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final StandardStreams streams = StandardStreams.owning(screen, OutputStream.nullOutputStream());
    private final StandardInput input = new StandardInput(InputStream.nullInputStream(), StandardCharsets.UTF_8,
            streams, line -> offered.add(line) && line.isEmpty());

    @Test
    void aLineTypedWhileTheProgramDoesNotReadIsOfferedToHotloadWhichMayTakeIt() throws Exception {
        type("\n");
        type("name\r\n");

        assertThat(offered).containsExactly("", "name");
        assertThat(input.program().available()).as("only the line hotload did not take").isEqualTo(6);
        assertThat(readLine()).isEqualTo("name\r\n");
    }

    @Test
    void aProgramWaitingAtAPromptGetsTheLineEvenAnEmptyOne() throws Exception {
        Future<String> read = readInBackground();
        await().atMost(DEADLINE).until(input::isProgramReading);

        type("\n");

        assertThat(read.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("\n");
        assertThat(offered).isEmpty();
    }

    @Test
    void aLineTypedAtAPromptThatTheProgramIsAboutToReadIsTheProgramsAndEndsThePromptsLine() throws Exception {
        streams.out().print("name? ");

        type("\n");
        type("\n");

        assertThat(offered).as("the first Enter answers the prompt; after it, input waits").isEmpty();
        assertThat(readAll(2)).isEqualTo("\n\n");
        type("\n");
        assertThat(offered).as("the echoed Enter ended the prompt's line").containsExactly("");
    }

    @Test
    void aClearedScreenIsNoPrompt() throws Exception {
        streams.out().print("\033[H\033[2J");

        type("\n");

        assertThat(offered).containsExactly("");
    }

    @Test
    void linesTypedAheadOfTheProgramStayItsOwnInOrder() throws Exception {
        type("first\n");
        type("\n");
        type("third");
        type("\n");

        assertThat(offered).as("once the program has input waiting, every line is its").containsExactly("first");
        assertThat(readAll(13)).isEqualTo("first\n\nthird\n");
    }

    @Test
    void bytesTypedWithoutALineEndGoToAProgramThatReadsAsInRawMode() throws Exception {
        type("y");
        Future<String> read = readInBackground();

        assertThat(read.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("y");
        assertThat(offered).isEmpty();
    }

    @Test
    void ctrlDEndsOneReadOfTheProgramsAndTheNextRunReadsTheTerminalAgain() throws Exception {
        type("last\n");
        input.end(false);
        type("next\n");

        assertThat(readAll(5)).isEqualTo("last\n");
        assertThat(input.program().read(new byte[8])).as("the end of input the user typed").isEqualTo(-1);
        assertThat(readAll(5)).isEqualTo("next\n");
    }

    @Test
    void aGoneTerminalEndsEveryReadAndTheProgramCannotCloseTheInput() throws Exception {
        input.program().close();
        input.end(true);

        assertThat(input.program().read()).isEqualTo(-1);
        assertThat(input.program().read()).isEqualTo(-1);
    }

    @Test
    void aProgramStoppedWhileItWaitsForInputEndsAtOnceWithItsInterruptKept() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                input.program().read();
                failure.complete(null);
            } catch (IOException e) {
                failure.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("interrupt lost", e));
            }
        });
        reader.start();
        await().atMost(DEADLINE).until(input::isProgramReading);

        reader.interrupt();

        assertThat(failure.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(InterruptedIOException.class);
        assertThat(input.isProgramReading()).isFalse();
    }

    @Test
    void pumpReadsTheTerminalUntilItHangsUp() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        StandardInput piped = new StandardInput(new PipedInputStream(keyboard), StandardCharsets.UTF_8, streams,
                line -> offered.add(line) && line.equals("r"));
        Thread pump = new Thread(piped::pump);
        pump.start();

        keyboard.write("r\nls\n".getBytes(StandardCharsets.UTF_8));
        keyboard.close();
        pump.join(DEADLINE.toMillis());

        assertThat(pump.isAlive()).as("two ends of input at once: the terminal is gone").isFalse();
        assertThat(offered).containsExactly("r", "ls");
        assertThat(new String(piped.program().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ls\n");
    }

    @Test
    void readingNothingReturnsAtOnceAndBadBoundsAreRefused() throws Exception {
        assertThat(input.program().read(new byte[4], 0, 0)).isZero();
        assertThatThrownBy(() -> input.program().read(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private void type(String text) {
        input.typed(text.getBytes(StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = input.program().read(); c >= 0; c = input.program().read()) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return line.toString();
    }

    private String readAll(int bytes) throws IOException {
        return new String(input.program().readNBytes(bytes), StandardCharsets.UTF_8);
    }

    private Future<String> readInBackground() {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                byte[] into = new byte[64];
                int read = input.program().read(into);
                result.complete(new String(into, 0, read, StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
