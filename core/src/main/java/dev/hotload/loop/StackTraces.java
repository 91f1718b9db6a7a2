package dev.hotload.loop;

import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Prints stack traces as the JDK does (causes, suppressed exceptions, {@code [CIRCULAR REFERENCE: ...]}), without
 * the frames of hotload's own loop, which say nothing about the user's error, and with a run of recursion told
 * once: a StackOverflowError's 1,024 frames are a few lines.
 *
 * <p>The exception is the program's: printing it never fails nor loops, whatever it does. Causes that form a
 * loop are told once, and a {@code toString()} or {@code getCause()} that throws is said to, in the line that
 * shows the exception, rather than thrown.
 */
public final class StackTraces {

    private static final String OWN_PACKAGE = "dev.hotload.";
    /** Recursion through up to this many methods is told once. */
    private static final int MAX_CYCLE = 4;
    /** Suppressed exceptions within suppressed exceptions: deeper ones are counted, not shown. */
    private static final int MAX_NESTING = 8;

    private final PrintStream out;
    private final Predicate<StackTraceElement> shown;
    private final Set<Throwable> printed = Collections.newSetFromMap(new IdentityHashMap<>());

    private StackTraces(PrintStream out, Predicate<StackTraceElement> shown) {
        this.out = out;
        this.shown = shown;
    }

    /** Prints {@code error} and its causes, each cut where the trace enters hotload's own code. */
    public static void print(Throwable error, PrintStream out) {
        print(error, out, frame -> true);
    }

    /**
     * Prints {@code error} and its causes, each cut where the trace enters hotload's own code, with only the
     * frames a language shows (Groovy hides those of its dispatch).
     *
     * @param shown which frames to print
     */
    public static void print(Throwable error, PrintStream out, Predicate<StackTraceElement> shown) {
        new StackTraces(out, shown).print(error, "", "", 0);
    }

    /**
     * @return what the exception's own {@code toString()} says, or, if that throws, its class and what it threw:
     *     never an exception of the program's
     */
    public static String describe(Throwable error) {
        try {
            return String.valueOf(error);
        } catch (Throwable failed) {
            return error.getClass().getName() + " (its toString() threw " + failed.getClass().getName() + ")";
        }
    }

    /** Prints one exception, its suppressed ones, then its causes, each once. */
    private void print(Throwable error, String indent, String caption, int nesting) {
        Throwable t = error;
        String label = caption;
        while (t != null) {
            if (!printed.add(t)) {
                out.println(indent + label + "[CIRCULAR REFERENCE: " + describe(t) + "]");
                return;
            }
            out.println(indent + label + describe(t));
            printFrames(t, indent);
            printSuppressed(t, indent, nesting);
            t = causeOf(t, indent);
            label = "Caused by: ";
        }
    }

    private void printSuppressed(Throwable error, String indent, int nesting) {
        Throwable[] suppressed = error.getSuppressed();
        if (suppressed.length > 0 && nesting >= MAX_NESTING) {
            out.println(indent + "\t... " + suppressed.length + " suppressed, nested too deep to show");
            return;
        }
        for (Throwable each : suppressed) {
            print(each, indent + "\t", "Suppressed: ", nesting + 1);
        }
    }

    private void printFrames(Throwable error, String indent) {
        StackTraceElement[] frames = framesOf(error, indent);
        int end = firstOwnFrame(frames);
        int i = 0;
        while (i < end) {
            int cycle = cycleAt(frames, i, end);
            int times = cycle == 0 ? 1 : repeats(frames, i, end, cycle);
            for (int j = i; j < i + Math.max(cycle, 1); j++) {
                // A frame names its source file, and a file name may hold a line end: escaped, it cannot forge a line.
                out.println(indent + "\tat " + PrintableName.of(frames[j].toString()));
            }
            if (times > 1) {
                out.println(indent + "\t... " + (cycle == 1 ? "the frame above" : "the " + cycle + " frames above")
                        + " repeated " + (times - 1) + " more times");
            }
            i += Math.max(cycle, 1) * times;
        }
        if (end < frames.length) {
            out.println(indent + "\t... " + (frames.length - end) + " frames of hotload and the JVM");
        }
    }

    /** @return the frames shown, none if {@code getStackTrace()} (which a program may override) throws */
    private StackTraceElement[] framesOf(Throwable error, String indent) {
        try {
            return Arrays.stream(error.getStackTrace()).filter(frame -> frame != null && shown.test(frame))
                    .toArray(StackTraceElement[]::new);
        } catch (RuntimeException | Error failed) {
            out.println(indent + "\t(its getStackTrace() threw " + failed.getClass().getName() + ")");
            return new StackTraceElement[0];
        }
    }

    /** @return the cause, or null if there is none or {@code getCause()} (which a program may override) throws */
    private Throwable causeOf(Throwable error, String indent) {
        try {
            return error.getCause();
        } catch (RuntimeException | Error failed) {
            out.println(indent + "Caused by: (its getCause() threw " + failed.getClass().getName() + ")");
            return null;
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
