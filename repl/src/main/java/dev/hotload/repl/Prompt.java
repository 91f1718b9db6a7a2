package dev.hotload.repl;

import dev.hotload.run.ForcedStop;
import dev.hotload.run.ShutdownDeadline;
import dev.hotload.run.StandardStreams;
import dev.hotload.spi.Namespace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A prompt inside the running program: lines typed are evaluated in its {@link Namespace}, with a line editor
 * (history, editing, completion, multi-line blocks), while the program's output and hotload's lines show above the
 * line being typed. Ctrl-C cancels the line or stops the evaluation; Ctrl-D on an empty line, or code that exits,
 * ends it.
 */
public final class Prompt implements AutoCloseable {

    /** What the keys do at the prompt, for hotload's first line. */
    public static final String KEYS = "Ctrl-C cancels a line, Ctrl-D on an empty line ends hotload";

    /** How long an evaluation has to end after Ctrl-C interrupts it, before it is stopped by force. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final Terminal terminal;
    private final LineReader reader;
    private final Namespace namespace;
    private final PrintStream err;
    private final ScheduledExecutorService timer;
    private final StandardStreams streams;
    private final AtomicReference<Evaluation> evaluating = new AtomicReference<>();

    private Prompt(Terminal terminal, Namespace namespace, Optional<Path> history, StandardStreams streams,
            ScheduledExecutorService timer) {
        this.terminal = terminal;
        this.namespace = namespace;
        this.streams = streams;
        this.err = streams.err();
        this.timer = timer;
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("hotload")
                .parser(new NamespaceParser(namespace)).completer(new NameCompleter(namespace))
                .option(LineReader.Option.INSERT_TAB, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true); // '!' is code, not a history event
        history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        this.reader = builder.build();
    }

    /**
     * Takes the terminal (standard input and output) for a prompt over {@code namespace}: from now on hotload's
     * output and the program's show above the line being typed, and Ctrl-C is the prompt's.
     *
     * @param history where the lines typed are kept between sessions; none if empty
     * @param streams hotload's standard streams, diverted to the terminal above the prompt
     */
    public static Prompt open(Namespace namespace, Optional<Path> history, StandardStreams streams) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).jni(false).ffm(false).exec(true).build();
        if (terminal.getWidth() <= 0) {
            // A terminal that says no size (script(1) without one, some editors' shells): the line editor would
            // break every line at column 0.
            terminal.setSize(new Size(80, Math.max(terminal.getHeight(), 24)));
        }
        // Raw from now on, not only while a line is read: keys typed while code runs wait for the next line, and a
        // Ctrl-D typed then is that line's, where the terminal's own line discipline would end the input for good.
        // Ctrl-C must still interrupt the code (the line editor takes it as a key while it reads a line, and gives
        // these modes back after); closing the terminal gives back its first modes.
        terminal.enterRawMode();
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        terminal.setAttributes(raw);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "hotload-prompt-output");
            thread.setDaemon(true);
            return thread;
        });
        // Started here, among hotload's threads: started by the program's first partial line, it would be one of
        // the program's, and outlive its run.
        timer.prestartCoreThread();
        Prompt prompt = new Prompt(terminal, namespace, history, streams, timer);
        Charset charset = terminal.encoding();
        streams.divert(new AboveThePrompt(prompt.reader::printAbove, charset, timer),
                new AboveThePrompt(prompt.reader::printAbove, charset, timer));
        // Raised on the terminal: while a line is read, the reader's handler cancels it; else this one runs.
        terminal.handle(Terminal.Signal.INT, signal -> prompt.stopEvaluation());
        ShutdownDeadline.redirectInterrupt(() -> {
            try {
                terminal.raise(Terminal.Signal.INT);
            } catch (RuntimeException closed) {
                // The prompt has ended, and hotload with it.
            }
        });
        return prompt;
    }


    /**
     * Reads and evaluates lines until Ctrl-D on an empty line, or code that exits.
     *
     * @return the exit status: 0 for Ctrl-D, else the one the code asked for
     */
    public int run() {
        // Asked here, not at open: a language may start its interpreter when asked (JShell, seconds cold).
        Namespace.Prompts prompts = namespace.prompts();
        reader.variable(LineReader.SECONDARY_PROMPT_PATTERN, prompts.more());
        while (true) {
            String source;
            try {
                source = reader.readLine(prompts.first());
            } catch (UserInterruptException cancelled) {
                continue; // the line is dropped, as in any shell
            } catch (EndOfFileException endOfInput) {
                return 0;
            }
            if (source.isBlank()) {
                continue;
            }
            OptionalInt exit = evaluate(source);
            if (exit.isPresent()) {
                return exit.getAsInt();
            }
        }
    }

    /** @return the status the code asked to exit with, if it did */
    private OptionalInt evaluate(String source) {
        AtomicReference<OptionalInt> exit = new AtomicReference<>(OptionalInt.empty());
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                exit.set(namespace.evaluate(source));
            } catch (InterruptedException | ThreadDeath stopped) {
                err.println("hotload: evaluation stopped");
            } finally {
                done.countDown();
            }
        }, "hotload-prompt-evaluation");
        thread.setDaemon(true);
        evaluating.set(new Evaluation(thread, done));
        thread.start();
        try {
            done.await();
        } catch (InterruptedException notExpected) {
            Thread.currentThread().interrupt();
        } finally {
            evaluating.set(null);
        }
        return exit.get();
    }

    /**
     * Ctrl-C while code is evaluated: interrupts it and, if it goes on, stops it by force; where the JDK cannot,
     * the prompt returns and the code goes on in the background.
     */
    private void stopEvaluation() {
        Evaluation current = evaluating.get();
        if (current == null) {
            return;
        }
        current.thread().interrupt();
        timer.schedule(() -> {
            if (current.thread().isAlive() && !ForcedStop.of(current.thread())) {
                err.println("hotload: the evaluation ignores interrupts and this JDK cannot stop it; it goes on in"
                        + " the background");
                current.done().countDown();
            }
        }, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Code being evaluated, and what the prompt waits on: its end, or its abandonment. */
    private record Evaluation(Thread thread, CountDownLatch done) {
    }

    /** Gives the terminal back as it was (its modes, its signals' handlers). */
    @Override
    public void close() {
        streams.undivert();
        timer.shutdownNow();
        try {
            terminal.close();
        } catch (IOException alreadyGone) {
            // The terminal is gone (hung up): nothing to restore.
        }
    }
}
