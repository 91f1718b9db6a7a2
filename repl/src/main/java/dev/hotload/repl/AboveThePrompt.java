package dev.hotload.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Output shown above the line being typed: the program's and hotload's, a whole line at a time, so that a line
 * printed while the user types never breaks theirs. A line not ended within {@link #PARTIAL_MILLIS} (a progress
 * bar, a prompt of the program's own) is shown as it is.
 */
final class AboveThePrompt extends OutputStream {

    static final long PARTIAL_MILLIS = 50;

    private final Consumer<String> lines;
    private final Charset charset;
    private final ScheduledExecutorService timer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ScheduledFuture<?> partial;

    /**
     * @param lines shows one line, without its line end, above the prompt
     * @param timer runs the showing of a line left unfinished
     */
    AboveThePrompt(Consumer<String> lines, Charset charset, ScheduledExecutorService timer) {
        this.lines = lines;
        this.charset = charset;
        this.timer = timer;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            showPending();
        } else {
            pending.write(b);
            awaitRestOfLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                showPending();
                start = i + 1;
            }
        }
        pending.write(bytes, start, offset + length - start);
        if (pending.size() > 0) {
            awaitRestOfLine();
        }
    }

    private void awaitRestOfLine() {
        if (partial == null) {
            partial = timer.schedule(this::showPartial, PARTIAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void showPartial() {
        partial = null;
        if (pending.size() > 0) {
            showPending();
        }
    }

    private void showPending() {
        String line = pending.toString(charset);
        pending.reset();
        if (partial != null) {
            partial.cancel(false);
            partial = null;
        }
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
