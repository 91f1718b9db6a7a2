package dev.hotload.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Keeps hotload's promise to end within a second of Ctrl-C, SIGTERM or its own exit, whatever the program's
 * shutdown hooks do: the JVM runs every hook a program registered with {@code Runtime.addShutdownHook} and waits
 * for each without end. Armed as the shutdown begins, it halts the JVM with the status it was ending with once
 * {@link #LIMIT} has passed, naming the threads started since (the program's hooks) that still run.
 */
public final class ShutdownDeadline {

    /**
     * From the signal (or hotload's exit) to the halt. The rest of the second is for the JVM's own end, which waits
     * up to 300 ms for threads in native code (a program's thread blocked reading standard input is one).
     */
    public static final Duration LIMIT = Duration.ofMillis(600);
    /**
     * How long the last words may take: a stuck program thread may hold the stream's lock. 50 ms lost them in CI,
     * where the program's hook spun on one of two cores; 200 still halts well within Ctrl-C's second.
     */
    private static final long LAST_WORDS_MILLIS = 200;

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static volatile PrintStream err = System.err;
    /** hotload's handlers, by signal: a program may replace them (sun.misc.Signal, Python's signal.signal). */
    private static final Map<Signal, SignalHandler> OWN = new ConcurrentHashMap<>();

    private ShutdownDeadline() {
    }

    /**
     * Arms the deadline when SIGINT (status 130) or SIGTERM (143) arrives, before the JVM's own handler starts the
     * shutdown; where the JVM handles neither (they are ignored, or {@code -Xrs}), nothing changes.
     *
     * @param stream where to say that the shutdown was cut short: hotload's own standard error
     */
    public static void watchSignals(PrintStream stream) {
        err = stream;
        watch("INT", 130);
        watch("TERM", 143);
    }

    /**
     * Takes Ctrl-C and SIGTERM back from a program that handled them itself: called when its run is replaced, so
     * that a handler of a replaced run, which would keep hotload from ending, does not outlive it.
     */
    static void reclaimSignals() {
        OWN.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException unavailable) {
                // As at start: the JVM keeps the signal for itself.
            }
        });
    }

    /**
     * From now on Ctrl-C (SIGINT) runs {@code action} instead of ending hotload: a prompt's, which cancels the line
     * being typed or stops an evaluation. A program's own handler is replaced by it at the next run, as hotload's
     * is otherwise. SIGTERM still ends hotload.
     *
     * @return what gives Ctrl-C back as it was (to hotload, the JVM or a host embedding hotload)
     */
    public static Runnable redirectInterrupt(Runnable action) {
        Signal signal = new Signal("INT");
        SignalHandler handler = received -> action.run();
        try {
            SignalHandler before = Signal.handle(signal, handler);
            SignalHandler ownBefore = OWN.put(signal, handler);
            return () -> {
                Signal.handle(signal, before);
                if (ownBefore == null) {
                    OWN.remove(signal, handler);
                } else {
                    OWN.replace(signal, handler, ownBefore);
                }
            };
        } catch (IllegalArgumentException unavailable) {
            // The JVM keeps SIGINT for itself (-Xrs): Ctrl-C ends hotload, as the system does.
            return () -> { };
        }
    }

    /**
     * Arms the deadline for an exit with {@code status} about to begin; the first arming counts.
     */
    public static void arm(int status) {
        if (!ARMED.compareAndSet(false, true)) {
            return;
        }
        Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(liveThreads());
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Thread watchdog = new Thread(() -> haltAt(deadline, status, before), "hotload-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void watch(String name, int status) {
        try {
            Signal signal = new Signal(name);
            SignalHandler[] jvms = new SignalHandler[1];
            SignalHandler own = received -> {
                arm(status);
                jvms[0].handle(received);
            };
            jvms[0] = Signal.handle(signal, own);
            if (jvms[0] == SignalHandler.SIG_DFL || jvms[0] == SignalHandler.SIG_IGN) {
                Signal.handle(signal, jvms[0]); // no shutdown of the JVM's to guard: as it was
            } else {
                OWN.put(signal, own);
            }
        } catch (IllegalArgumentException unavailable) {
            // The JVM keeps this signal for itself (-Xrs): nothing to guard.
        }
    }

    private static void haltAt(long deadline, int status, Set<Thread> before) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException ignored) {
                // Only the halt ends this thread.
            }
        }
        List<String> late = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (!before.contains(thread) && isProgram(thread)) {
                late.add('"' + thread.getName() + '"');
            }
        }
        say(late.isEmpty()
                ? "hotload: the shutdown took longer than " + LIMIT.toMillis() + " ms; ending now"
                : "hotload: the program's shutdown hooks did not finish within " + LIMIT.toMillis() + " ms (thread "
                        + String.join(", ", late) + "); ending without them");
        Runtime.getRuntime().halt(status);
    }

    /** Says {@code line}, or gives up after a moment: nothing may keep the halt from coming. */
    private static void say(String line) {
        Thread speaker = new Thread(() -> {
            err.println(line);
            err.flush();
        }, "hotload-deadline-words");
        speaker.setDaemon(true);
        speaker.start();
        try {
            speaker.join(LAST_WORDS_MILLIS);
        } catch (InterruptedException ignored) {
            // Halting anyway.
        }
    }

    /**
     * @return whether {@code thread}, started since the shutdown began, is the program's: the JVM starts the
     *     program's shutdown hooks then, and hotload's own threads are named {@code hotload-...}
     */
    private static boolean isProgram(Thread thread) {
        String name = thread.getName();
        return thread.isAlive() && !name.startsWith("hotload-") && !name.equals("DestroyJavaVM");
    }

    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, count);
    }
}
