package dev.hotload.python.api;

import dev.hotload.loop.ReloadLoop;
import dev.hotload.loop.StatusLine;
import dev.hotload.loop.Step;
import dev.hotload.repl.Prompt;
import dev.hotload.watch.FileWatcher;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;

/**
 * The loop behind {@code hotload.hotload()} and {@code hotload.start()}: the core's watcher and loop, with
 * status lines on the calling interpreter's {@code sys.stderr}. Never calls System.exit, never touches
 * System.out or System.err.
 */
public final class PythonHotload {

    /** How long a stop waits for a run in progress, before and after interrupting it. */
    static final Duration STOP_GRACE = Duration.ofMillis(500);

    /**
     * How long a thread whose loop the shutdown stopped waits for the JVM to halt. Returning at once would run
     * the rest of the caller's script while the JVM tears down its streams; bounded, so that a host whose own
     * shutdown waits on this thread is only delayed.
     */
    private static final Duration AWAIT_HALT = Duration.ofSeconds(5);

    private PythonHotload() {
    }

    /**
     * Runs the steps now and on every change, in this thread, until a step raises KeyboardInterrupt, the
     * thread is interrupted, or the JVM shuts down (Ctrl-C). In the last case the loop's steps are closed
     * once and this method does not return before the process ends.
     *
     * @param files the files to watch
     * @param steps the steps, in order
     * @param pollSeconds null to let hotload choose how to watch; else poll, this many seconds apart (the
     *     original's {@code waittime_ms}, which it in fact used as seconds)
     */
    public static void run(List<String> files, List<Step> steps, Double pollSeconds) {
        run(files, steps, pollSeconds, Optional.empty());
    }

    /**
     * As {@link #run(List, List, Double)}, with a prompt in {@code scope} on the terminal
     * ({@code hotload.hotload(..., repl=True)}), opened once the first run is done: Ctrl-D on an empty line, or
     * code typed there that exits, ends the loop as a KeyboardInterrupt does; Ctrl-C is the prompt's.
     *
     * @param scope the module or dictionary of globals the prompt evaluates in
     * @param project the folder whose prompt history is kept (the launch script's)
     * @return the status code typed at the prompt asked to exit with ({@code sys.exit(3)}); null otherwise
     */
    public static Integer runWithPrompt(List<String> files, List<Step> steps, Double pollSeconds, PyObject scope,
            String project) {
        Optional<PythonPrompt> prompt = Optional.empty();
        try {
            prompt = Optional.of(PythonPrompt.open(scope, project));
        } catch (IOException | RuntimeException unusable) {
            // As without a terminal: a launch script is not failed for want of a prompt.
            status().say("repl=True: cannot use this terminal (" + unusable.getMessage() + "); running without the"
                    + " prompt");
        }
        try {
            return run(files, steps, pollSeconds, prompt);
        } finally {
            prompt.ifPresent(PythonPrompt::close);
        }
    }

    /** @return the status code typed at the prompt asked to exit with; null otherwise */
    private static Integer run(List<String> files, List<Step> steps, Double pollSeconds,
            Optional<PythonPrompt> prompt) {
        // After the prompt has opened: its sys.stderr, where Jython's own was, shows above the line being typed.
        StatusLine status = status();
        String keys = prompt.isPresent() ? Prompt.KEYS : "Ctrl-C stops";
        ReloadLoop loop = loop(files, steps, pollSeconds, status, "; " + keys);
        AtomicReference<Integer> exit = new AtomicReference<>();
        prompt.ifPresent(open -> startReading(open, loop, exit));
        loop.run();
        // Closed before the last line, which then goes where hotload's lines went before the prompt; and before a
        // shutdown's halt, which would leave the terminal in the prompt's modes.
        prompt.ifPresent(PythonPrompt::close);
        if (loop.isStoppedByShutdown()) {
            awaitHalt();
            return null;
        }
        status.say("stopped");
        return exit.get();
    }

    /** The prompt's thread: it reads once the first run is done, below its output; its end ends the loop. */
    private static void startReading(PythonPrompt prompt, ReloadLoop loop, AtomicReference<Integer> exit) {
        PySystemState sys = Py.getSystemState();
        Thread reading = new Thread(() -> {
            Py.setSystemState(sys);
            try {
                loop.awaitFirstRun();
            } catch (InterruptedException ending) {
                return;
            }
            OptionalInt asked = prompt.run();
            asked.ifPresent(exit::set);
            loop.stop();
        }, "hotload-prompt");
        reading.setDaemon(true);
        reading.start();
    }

    /**
     * Runs the loop on a background thread, for hosts that keep their own thread: stop it with
     * {@link BackgroundHotload#stop()}. A JVM shutdown stops it too, closing its steps once.
     */
    public static BackgroundHotload start(List<String> files, List<Step> steps, Double pollSeconds) {
        PySystemState sys = Py.getSystemState();
        StatusLine status = status();
        // A host stops it with stop(), not Ctrl-C.
        ReloadLoop loop = loop(files, steps, pollSeconds, status, "");
        Thread thread = new Thread(() -> {
            // Steps call back into Python: on this thread too, they must see the starting interpreter's sys.
            Py.setSystemState(sys);
            loop.run();
            if (!loop.isStoppedByShutdown()) {
                status.say("stopped");
            }
        }, "hotload");
        thread.setDaemon(true);
        thread.start();
        return new BackgroundHotload(loop, thread);
    }

    /** Status lines go to the calling interpreter's sys.stderr: an embedding host's stream, if it set one. */
    private static StatusLine status() {
        return new StatusLine(PythonStream.of(Py.getSystemState().stderr));
    }

    /** Builds the loop, and says what it watches: the command line's first status line, as the README promises. */
    private static ReloadLoop loop(List<String> files, List<Step> steps, Double pollSeconds, StatusLine status,
            String howToStop) {
        WatchSet watchSet = WatchSet.ofFiles(files.stream().map(Path::of).toList());
        Optional<Duration> pollInterval = Optional.ofNullable(pollSeconds)
                .map(seconds -> Duration.ofNanos((long) (seconds * 1e9)));
        FileWatcher watcher = FileWatcher.of(watchSet, pollInterval);
        status.say("watching " + watchSet + " (" + watcher + ")" + howToStop);
        return ReloadLoop.builder()
                .watcher(watcher)
                .steps(steps)
                .reporter(status)
                .stopOnShutdown(STOP_GRACE)
                .build();
    }

    /** Waits (bounded) for the shutdown that stopped the loop to end the process. */
    private static void awaitHalt() {
        try {
            Thread.sleep(AWAIT_HALT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
