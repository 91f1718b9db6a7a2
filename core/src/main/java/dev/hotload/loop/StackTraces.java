package dev.hotload.loop;

import java.io.PrintStream;

/**
 * Prints stack traces without the frames of hotload's own loop, which say nothing about the user's error, and
 * with a run of recursion told once: a StackOverflowError's 1,024 frames are a few lines.
 */
public final class StackTraces {

    private static final String OWN_PACKAGE = "dev.hotload.";
    /** Recursion through up to this many methods is told once. */
    private static final int MAX_CYCLE = 4;

    private StackTraces() {
    }

    /** Prints {@code error} and its causes, each cut where the trace enters hotload's own code. */
    public static void print(Throwable error, PrintStream out) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.println((t == error ? "" : "Caused by: ") + t);
            StackTraceElement[] frames = t.getStackTrace();
            int end = firstOwnFrame(frames);
            int i = 0;
            while (i < end) {
                int cycle = cycleAt(frames, i, end);
                int times = cycle == 0 ? 1 : repeats(frames, i, end, cycle);
                for (int j = i; j < i + Math.max(cycle, 1); j++) {
                    out.println("\tat " + frames[j]);
                }
                if (times > 1) {
                    out.println("\t... " + (cycle == 1 ? "the frame above" : "the " + cycle + " frames above")
                            + " repeated " + (times - 1) + " more times");
                }
                i += Math.max(cycle, 1) * times;
            }
            if (end < frames.length) {
                out.println("\t... " + (frames.length - end) + " frames of hotload and the JVM");
            }
        }
    }

    /** @return the length of a cycle of frames that repeats at {@code start} at least 3 times, or 0 */
    private static int cycleAt(StackTraceElement[] frames, int start, int end) {
        for (int length = 1; length <= MAX_CYCLE; length++) {
            if (repeats(frames, start, end, length) >= 3) {
                return length;
            }
        }
        return 0;
    }

    /** @return how many times the {@code length} frames at {@code start} follow one another unchanged */
    private static int repeats(StackTraceElement[] frames, int start, int end, int length) {
        int times = 1;
        while (start + (times + 1) * length <= end && sameRun(frames, start, start + times * length, length)) {
            times++;
        }
        return times;
    }

    private static boolean sameRun(StackTraceElement[] frames, int first, int second, int length) {
        for (int k = 0; k < length; k++) {
            if (!frames[first + k].equals(frames[second + k])) {
                return false;
            }
        }
        return true;
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
