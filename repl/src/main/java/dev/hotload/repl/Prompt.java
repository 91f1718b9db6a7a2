package dev.hotload.repl;

import dev.hotload.run.ForcedStop;
import dev.hotload.run.ProgramThreads;
import dev.hotload.run.ShutdownDeadline;
import dev.hotload.run.StandardStreams;
import dev.hotload.spi.Namespace;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A prompt inside the running program: lines typed are evaluated in its {@link Namespace}, with a line editor
 * (history, editing, completion, multi-line blocks), while output shows above the line being typed. Ctrl-C cancels
 * the line or stops the evaluation; Ctrl-D on an empty line, or code that exits, ends it.
 *
 * <p>Two kinds: hotload's own terminal's ({@link #open}, {@code --repl}), where the program's output and hotload's
 * lines show too; and an attached terminal's ({@link #attached}, {@code hotload attach}), where what the code typed
 * there prints shows, and the program's own terminal stays the program's.
 */
public final class Prompt implements AutoCloseable {

    /** What the keys do at hotload's own prompt, for its first line. */
    public static final String KEYS = "Ctrl-C cancels a line, Ctrl-D on an empty line ends hotload";

    private static final int CTRL_C = 3;
    /** How often the prompt looks for a Ctrl-C key while code runs, and so how late it sees the code's end. */
    private static final Duration KEY_POLL = Duration.ofMillis(10);
    /** How long an evaluation has to end after Ctrl-C interrupts it, before it is stopped by force. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private static final ThreadGroup EVALUATIONS = ProgramThreads.besideThePrograms("hotload prompt");

    private final Terminal terminal;
    private final LineReader reader;
    private final Namespace namespace;
    private final StandardStreams streams;
    private final ScheduledExecutorService timer;
    /** Where what is typed here prints, if not to hotload's streams: an attached terminal's. */
    private final Optional<Output> own;
    private final PrintStream err;
    private final AtomicReference<Evaluation> evaluating = new AtomicReference<>();
    /** Closes the system terminal when the JVM ends; none for an attached one. */
    private Optional<Thread> closeAtExit = Optional.empty();
    private boolean closed;
    /** A Ctrl-C came after a line was read, before its evaluation started. */
    private final AtomicBoolean interruptBeforeStart = new AtomicBoolean();
    /** The key that is Ctrl-C on this terminal. */
    private final int interruptKey;
    /** Gives Ctrl-C (and resizes) back to whoever had them before the prompt: hotload's own terminal's prompt takes them. */
    private Runnable giveBackInterrupt = () -> { };

    private Prompt(Terminal terminal, Namespace namespace, Optional<Path> history, StandardStreams streams,
            boolean attached) {
        this.terminal = terminal;
        this.namespace = namespace;
        this.streams = streams;
        this.timer = timer();
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("hotload")
                .parser(new NamespaceParser(namespace)).completer(new NameCompleter(namespace))
                .option(LineReader.Option.INSERT_TAB, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true); // '!' is code, not a history event
        history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        this.reader = builder.build();
        this.own = attached ? Optional.of(new Output(this::above)) : Optional.empty();
        this.err = own.map(output -> new PrintStream(output.stream(false), true, terminal.encoding())).orElse(streams.err());
        this.interruptKey = keepRaw(terminal);
        // Raised on the terminal by a SIGINT sent to hotload (kill -INT): while a line is read, the reader's handler
        // cancels it; else this one runs.
        terminal.handle(Terminal.Signal.INT, signal -> stopEvaluation());
    }

    /**
     * Takes hotload's terminal (standard input and output) for a prompt over {@code namespace}: from now on hotload's
     * output and the program's show above the line being typed, and Ctrl-C is the prompt's.
     *
     * @param history where the lines typed are kept between sessions; none if empty
     * @param streams hotload's standard streams, diverted to the terminal above the prompt
     */
    public static Prompt open(Namespace namespace, Optional<Path> history, StandardStreams streams) throws IOException {
        // No signal handlers of JLine's own: it swaps them in and out around every line read, and a SIGINT that came
        // in between reached hotload's, which ends hotload. A SIGINT goes to the terminal through hotload's handler
        // alone (below), as does a resize; Ctrl-C typed is a key (keepRaw).
        Terminal terminal = TerminalBuilder.builder().system(true).jni(false).ffm(false).exec(true)
                .nativeSignals(false).build();
        if (terminal.getWidth() <= 0) {
            // A terminal that says no size (script(1) without one, some editors' shells): the line editor would
            // break every line at column 0.
            terminal.setSize(new Size(80, Math.max(terminal.getHeight(), 24)));
        }
        Prompt prompt = new Prompt(terminal, namespace, history, streams, false);
        // JLine's own hook closes the terminal at the JVM's end too, but returns at once if hotload is closing it
        // meanwhile: the JVM could then end before the terminal has its modes back.
        Thread closeAtExit = new Thread(prompt::close, "hotload-terminal");
        Runtime.getRuntime().addShutdownHook(closeAtExit);
        prompt.closeAtExit = Optional.of(closeAtExit);
        // Where a line goes once the terminal is closed: JLine's shutdown hook closes it on SIGTERM, while hotload's
        // last line ("stopped") is still to come.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, terminal.encoding());
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, terminal.encoding());
        streams.divert(new AboveThePrompt(line -> prompt.above(line, out), terminal.encoding(), prompt.timer),
                new AboveThePrompt(line -> prompt.above(line, err), terminal.encoding(), prompt.timer));
        Runnable giveBackInterrupt = ShutdownDeadline.redirectInterrupt(() -> raise(terminal, Terminal.Signal.INT));
        Runnable giveBackResize = forward("WINCH", () -> raise(terminal, Terminal.Signal.WINCH));
        prompt.giveBackInterrupt = () -> {
            giveBackResize.run();
            giveBackInterrupt.run();
        };
        return prompt;
    }

    /**
     * A prompt over {@code namespace} on a terminal attached from elsewhere ({@link AttachServer}): what the code
     * typed there prints, and the threads it starts, shows there while it is attached.
     */
    static Prompt attached(Namespace namespace, Terminal terminal, Optional<Path> history, StandardStreams streams) {
        return new Prompt(terminal, namespace, history, streams, true);
    }

    /**
     * Reads and evaluates lines until Ctrl-D on an empty line, or code that exits.
     *
     * @return the status the code asked to exit with; empty for Ctrl-D, or a terminal that went away
     */
    public OptionalInt run() {
        // Asked here, not at open: a language may start its interpreter when asked (JShell, seconds cold).
        Namespace.Prompts prompts = namespace.prompts();
        reader.variable(LineReader.SECONDARY_PROMPT_PATTERN, prompts.more());
        while (true) {
            String source;
            // A Ctrl-C that came between lines was no evaluation's; one after this line's Enter is its evaluation's.
            interruptBeforeStart.set(false);
            try {
                source = reader.readLine(prompts.first());
            } catch (UserInterruptException cancelled) {
                continue; // the line is dropped, as in any shell
            } catch (EndOfFileException | IllegalStateException endOfInput) {
                return OptionalInt.empty();
            }
            if (source.isBlank()) {
                continue;
            }
            OptionalInt exit = evaluate(source);
            if (exit.isPresent()) {
                return exit;
            }
        }
    }

    /** Says {@code line} above the prompt, for hotload's own notes on this terminal. */
    void say(String line) {
        err.println(line);
    }

    private void above(String line) {
        reader.printAbove(line);
    }

    /** Shows {@code line} above the prompt, or on {@code closed} once the terminal is closed. */
    private void above(String line, PrintStream closed) {
        try {
            reader.printAbove(line);
        } catch (RuntimeException terminalClosed) {
            closed.println(line);
        }
    }

    /** @return the status the code asked to exit with, if it did */
    private OptionalInt evaluate(String source) {
        AtomicReference<OptionalInt> exit = new AtomicReference<>(OptionalInt.empty());
        CountDownLatch done = new CountDownLatch(1);
        Runnable evaluation = () -> {
            try {
                exit.set(namespace.evaluate(source));
            } catch (InterruptedException | ThreadDeath stopped) {
                err.println("hotload: evaluation stopped");
            } finally {
                done.countDown();
            }
        };
        // Among the program's threads: an exit called there in a way no rewritten call shows (os._exit, reflection)
        // is refused as the program's would be, and comes back here as the status to end hotload with, the terminal
        // given back first.
        Thread thread = new Thread(EVALUATIONS, () -> own.ifPresentOrElse(output -> streams.routing(output, evaluation), evaluation),
                "hotload-prompt-evaluation");
        thread.setDaemon(true);
        evaluating.set(new Evaluation(thread, done));
        thread.start();
        if (interruptBeforeStart.getAndSet(false)) {
            stopEvaluation();
        }
        try {
            while (!done.await(0, TimeUnit.MILLISECONDS)) {
                awaitKeyOrEnd(done);
            }
        } catch (InterruptedException notExpected) {
            Thread.currentThread().interrupt();
        } finally {
            evaluating.set(null);
        }
        return exit.get();
    }

    /**
     * Waits a moment for the evaluation's end, or a Ctrl-C, which comes as a key: the terminal's signals are off
     * ({@link #keepRaw}). Other keys wait for the next line.
     */
    private void awaitKeyOrEnd(CountDownLatch done) throws InterruptedException {
        int next;
        try {
            next = terminal.reader().peek(KEY_POLL.toMillis());
        } catch (IOException unreadable) {
            next = NonBlockingReader.EOF;
        }
        if (next == interruptKey) {
            try {
                terminal.reader().read(1);
            } catch (IOException unreadable) {
                // Stopped all the same.
            }
            stopEvaluation();
        } else if (next != NonBlockingReader.READ_EXPIRED) {
            // A key for the next line, or no more input: nothing to watch for until the evaluation ends.
            done.await(KEY_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Ctrl-C while code is evaluated: interrupts it and, if it goes on, stops it by force; where the JDK cannot,
     * the prompt returns and the code goes on in the background.
     */
    private void stopEvaluation() {
        // A Ctrl-C between the line's Enter and its evaluation's start is that evaluation's.
        interruptBeforeStart.set(true);
        Evaluation current = evaluating.get();
        if (current == null) {
            return;
        }
        interruptBeforeStart.set(false);
        current.thread().interrupt();
        timer.schedule(() -> {
            if (current.thread().isAlive() && !ForcedStop.of(current.thread())) {
                err.println("hotload: the evaluation ignores interrupts and this JDK cannot stop it; it goes on in"
                        + " the background");
                current.done().countDown();
            }
        }, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Gives the terminal back as it was (its modes, its signals' handlers), and Ctrl-C. Once: hotload's end and
     * the JVM's (SIGTERM) may both close it, and the JVM's waits for hotload's to finish.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAtExit.filter(hook -> hook != Thread.currentThread()).ifPresent(hook -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ending) {
                // The JVM is ending: the hook finds the terminal closed.
            }
        });
        if (own.isEmpty()) {
            streams.undivert();
        }
        giveBackInterrupt.run();
        own.ifPresent(Output::close);
        timer.shutdownNow();
        try {
            terminal.close();
        } catch (IOException alreadyGone) {
            // The terminal is gone (hung up): nothing to restore.
        }
    }

    /**
     * Raw from now on, not only while a line is read: keys typed while code runs wait for the next line, and a
     * Ctrl-D typed then is that line's, where the terminal's own line discipline would end its input for good.
     * Signals off too, as the line editor has them while it reads: on Java 17 it sets the terminal's modes with
     * stty(1), run in the terminal's process group, and a Ctrl-C the terminal turned into SIGINT killed those, which
     * ended the line editor's input (and printed its stack trace). Ctrl-C comes as a key instead: the line editor's
     * while it reads, {@link #awaitKeyOrEnd}'s while code runs. Closing the terminal gives back its first modes.
     *
     * @return the terminal's Ctrl-C key
     */
    private static int keepRaw(Terminal terminal) {
        Attributes raw = terminal.enterRawMode();
        int interrupt = raw.getControlChar(Attributes.ControlChar.VINTR);
        return interrupt > 0 ? interrupt : CTRL_C;
    }

    private static void raise(Terminal terminal, Terminal.Signal signal) {
        try {
            terminal.raise(signal);
        } catch (RuntimeException closed) {
            // The prompt has ended, and hotload with it.
        }
    }

    /** @return what gives {@code name} back to its handler before this one, which runs {@code action} */
    private static Runnable forward(String name, Runnable action) {
        try {
            Signal signal = new Signal(name);
            SignalHandler before = Signal.handle(signal, received -> action.run());
            return () -> Signal.handle(signal, before);
        } catch (IllegalArgumentException unavailable) {
            return () -> { }; // no such signal here: the terminal keeps the size it had
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "hotload-prompt-output");
            thread.setDaemon(true);
            return thread;
        });
        // Started here, among hotload's threads: started by the program's first partial line, it would be one of
        // the program's, and outlive its run.
        timer.prestartCoreThread();
        return timer;
    }

    /** Code being evaluated, and what the prompt waits on: its end, or its abandonment. */
    private record Evaluation(Thread thread, CountDownLatch done) {
    }

    /** An attached terminal's output, above its prompt, while it is attached. */
    private final class Output implements StandardStreams.Route {
        private final AboveThePrompt out;
        private final AboveThePrompt errors;
        private volatile boolean open = true;

        Output(Consumer<String> lines) {
            this.out = new AboveThePrompt(lines, terminal.encoding(), timer);
            this.errors = new AboveThePrompt(lines, terminal.encoding(), timer);
        }

        @Override
        public OutputStream stream(boolean output) {
            return output ? out : errors;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        void close() {
            open = false;
        }
    }
}
