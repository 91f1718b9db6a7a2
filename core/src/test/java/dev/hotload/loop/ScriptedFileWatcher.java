package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import dev.hotload.watch.FileWatcher;
import dev.hotload.watch.WatchSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A watcher that answers each poll from a script, and once the script is played out waits, as a watcher waits
 * for a save that does not come, until its thread is interrupted or it is closed. The loop's tests run on it:
 * no files, no real time, and each poll's timeout is kept for them to read.
 */
final class ScriptedFileWatcher implements FileWatcher {

    /** Put in the script by close(): ends a poll waiting for it. */
    private static final ChangeSet CLOSED = new ChangeSet(List.of(), false);

    private final BlockingQueue<ChangeSet> script = new LinkedBlockingQueue<>();
    private final Duration restOfWrite;
    /** The timeout each poll was given, in order. */
    final List<Duration> timeouts = new CopyOnWriteArrayList<>();
    private volatile boolean waiting;
    private volatile boolean closed;

    /** @param restOfWrite what this watcher tells the loop to wait for the rest of a write */
    ScriptedFileWatcher(Duration restOfWrite) {
        this.restOfWrite = restOfWrite;
    }

    /** @return a change set of one modified file, as a save of it is reported */
    static ChangeSet modified(String name) {
        return new ChangeSet(List.of(new FileChange(Path.of("/project", name), FileChange.Kind.MODIFY)), false);
    }

    /** @return a change set of one created file */
    static ChangeSet created(String name) {
        return new ChangeSet(List.of(new FileChange(Path.of("/project", name), FileChange.Kind.CREATE)), false);
    }

    /**
     * Adds the answer to a later poll.
     *
     * @param answer a save, or {@link ChangeSet#none()} for a poll whose timeout passes with nothing saved
     */
    ScriptedFileWatcher then(ChangeSet answer) {
        script.add(answer);
        return this;
    }

    @Override
    public ChangeSet poll(Duration timeout) throws InterruptedException {
        timeouts.add(timeout);
        ChangeSet answer = script.poll();
        if (answer == null) {
            waiting = true;
            try {
                answer = script.take();
            } finally {
                waiting = false;
            }
        }
        if (answer == CLOSED || closed) {
            script.add(CLOSED);
            throw new InterruptedException("watcher closed");
        }
        return answer;
    }

    /** @return whether a poll is waiting for more script: the loop has nothing left to run */
    boolean isWaiting() {
        return waiting;
    }

    @Override
    public Duration restOfWrite() {
        return restOfWrite;
    }

    @Override
    public WatchSet watchSet() {
        return WatchSet.ofFiles(List.of());
    }

    @Override
    public void close() {
        closed = true;
        script.add(CLOSED);
    }

    /** @return whether the watcher was closed */
    boolean isClosed() {
        return closed;
    }
}
