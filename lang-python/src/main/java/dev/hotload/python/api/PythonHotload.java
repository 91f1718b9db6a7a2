package dev.hotload.python.api;

import dev.hotload.loop.ReloadLoop;
import dev.hotload.loop.StatusLine;
import dev.hotload.loop.Step;
import dev.hotload.watch.FileWatcher;
import dev.hotload.watch.WatchSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.python.core.Py;
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
        StatusLine status = status();
        ReloadLoop loop = loop(files, steps, pollSeconds, status, "; Ctrl-C stops");
        loop.run();
        if (loop.isStoppedByShutdown()) {
            awaitHalt();
            return;
        }
        status.say("stopped");
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
