package dev.hotload.loop;

import java.io.PrintStream;

/** Prints stack traces without the frames of hotload's own loop, which say nothing about the user's error. */
public final class StackTraces {

    private static final String OWN_PACKAGE = "dev.hotload.";

    private StackTraces() {
    }

    /** Prints {@code error} and its causes, each cut where the trace enters hotload's own code. */
    public static void print(Throwable error, PrintStream out) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.println((t == error ? "" : "Caused by: ") + t);
            StackTraceElement[] frames = t.getStackTrace();
            int end = firstOwnFrame(frames);
            for (int i = 0; i < end; i++) {
                out.println("\tat " + frames[i]);
            }
            if (end < frames.length) {
                out.println("\t... " + (frames.length - end) + " frames of hotload and the JVM");
            }
        }
    }

    /** @return where the user's frames end and hotload's begin; a trace that starts in hotload is kept whole */
    private static int firstOwnFrame(StackTraceElement[] frames) {
        if (frames.length > 0 && isOwn(frames[0])) {
            return frames.length;
        }
        for (int i = 1; i < frames.length; i++) {
            if (isOwn(frames[i]) && !isOwn(frames[i - 1])) {
                return i;
            }
        }
        return frames.length;
    }

    private static boolean isOwn(StackTraceElement frame) {
        return frame.getClassName().startsWith(OWN_PACKAGE);
    }
}
