package dev.hotload.cli;

import dev.hotload.loop.ReloadLoop;
import dev.hotload.repl.AttachServer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The attach socket of a session, opened once the program has first run, on a thread of its own: before the loop
 * runs, Ctrl-C finds no loop to stop and ends hotload without its last line; and closed when hotload ends, even if
 * that comes while it opens.
 */
final class AttachWhenRunning implements AutoCloseable {

    private final Thread opening;
    private Optional<AttachServer> server = Optional.empty();
    private boolean closed;

    AttachWhenRunning(ReloadLoop loop, Supplier<Optional<AttachServer>> open) {
        this.opening = new Thread(() -> {
            try {
                loop.awaitFirstRun();
            } catch (InterruptedException ending) {
                return;
            }
            synchronized (this) {
                if (!closed) {
                    server = open.get();
                }
            }
        }, "hotload-attach-open");
        opening.setDaemon(true);
        opening.start();
    }

    @Override
    public synchronized void close() {
        closed = true;
        opening.interrupt();
        server.ifPresent(AttachServer::close);
    }
}
