package dev.hotload.run;

import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The threads of a runner's program, and what becomes of those a replaced run leaves behind.
 *
 * <p>Every run starts on a thread of one thread group, and a thread starts in the group of the thread that
 * creates it: the program's threads, and only they, are in it, hotload's own never. When a run is replaced,
 * its threads still alive are sorted by what they run:
 * <ul>
 * <li>a thread running the replaced run's code (its {@link ProgramCode}: a generation's classes) is stopped as
 *     the run's main thread is: interrupted, then, if it ignores that, {@link Thread#stop}ped. Its code is being
 *     replaced, and left alone it would run the old code for ever, one more thread per save;</li>
 * <li>a thread running none of it (an idle worker of a pool kept with {@code Hotload.keep}, a kept server's
 *     acceptor) may belong to what the program keeps on purpose: it is left running, and named once;</li>
 * <li>a run whose loader says nothing of its classes (Python's: a module is reloaded in place, its globals,
 *     and what they keep, outlive the save) has its threads named once, never stopped.</li>
 * </ul>
 *
 * <p>Every runner's group is under one root, so that a call of {@code System.exit} can tell at once whether it
 * comes from the program (it then ends a run, see {@link RuntimeExitGuard}) or from hotload (it ends the JVM).
 */
public final class ProgramThreads {

    private static final ThreadGroup ROOT = new ThreadGroup("hotload programs");
    /** Frames between a thread's start and the code it was given to run: a lambda's, a closure's, reflection's. */
    private static final List<String> DISPATCH = List.of("java.lang.invoke.", "jdk.internal.reflect.",
            "java.lang.reflect.", "groovy.lang.Closure", "org.codehaus.groovy.", "org.apache.groovy.");
    /** The platform's own code: a thread it runs at the outermost is a pool's or a server's. */
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "groovy.",
            "org.python.");

    private static final int NAMES_SHOWN = 5;
    private static final int STARTING_LOOKS = 20;
    private static final long OTHERS_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ThreadGroup group;
    /** Threads already named in a message: each is named once. Weak: a named thread may end and go. */
    private final Set<Thread> named = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * @param name the group's name, as thread dumps show it
     * @param err where to say that an exit called on a thread the program started ended that thread only
     */
    ProgramThreads(String name, PrintStream err) {
        group = new ThreadGroup(ROOT, name) {
            @Override
            public void uncaughtException(Thread thread, Throwable error) {
                Optional<ExitRequest> exit = ExitRequest.causing(error);
                if (exit.isEmpty()) {
                    super.uncaughtException(thread, error);
                    return;
                }
                // Not the run's main thread: the exit cannot end the run from here, only the thread it unwound.
                err.println("hotload: " + exit.get().call() + " in thread " + PrintableName.of(thread.getName())
                        + " ended that thread only; an exit ends the run from its main thread");
            }
        };
    }

    /**
     * @return a new group among the program's, but no runner's: for code that hotload runs for the user beside the
     *     program (what is typed at a prompt), whose exits are refused as the program's are, and which a reload
     *     neither waits for nor stops
     */
    public static ThreadGroup besideThePrograms(String name) {
        return new ThreadGroup(ROOT, name);
    }

    /** @return whether the calling thread is one of a program's: a run's, a hook's, or one they started */
    public static boolean isCurrentProgram() {
        ThreadGroup current = Thread.currentThread().getThreadGroup();
        return current != null && ROOT.parentOf(current);
    }

    /** @return the group every run's thread starts in: the program's threads are in it, or in groups under it */
    ThreadGroup group() {
        return group;
    }

    /**
     * @param run the last run's thread, which may be finishing with the run ended
     * @param worker a thread of hotload's that waits for the next run in the group, or null
     * @return whether another thread the last run started is alive (a server's, a pool's): one an earlier run left,
     *     named already, does not count
     */
    boolean anyAliveBut(Thread run, Thread worker) {
        return startedByTheLastRun(run, worker).findAny().isPresent();
    }

    /**
     * @param run the last run's thread
     * @param running whether the run is still running on it (it may be finishing with the run ended)
     * @param worker a thread of hotload's that waits for the next run in the group, or null
     * @return where the last run's threads are now
     */
    ProgramStacks stacks(Thread run, boolean running, Thread worker) {
        List<StackTraceElement> main = running ? List.of(run.getStackTrace()) : List.of();
        Map<String, StackTraceElement> roots = new HashMap<>();
        startedByTheLastRun(run, worker).forEach(thread -> root(thread.getStackTrace())
                .ifPresent(root -> roots.put(thread.getName(), root)));
        return new ProgramStacks(main, roots);
    }

    private Stream<Thread> startedByTheLastRun(Thread run, Thread worker) {
        return alive().stream().filter(thread -> thread != run && thread != worker && !isSharedByTheJdk(thread)
                && !isNamed(thread));
    }

    /**
     * @return the outermost frame of a thread's stack that is not the thread's start, nor a language's dispatch
     *     (a lambda's, a closure's, reflection's), if it is the program's: a JDK frame there is a pool's or a
     *     server's, whose tasks come and go
     */
    private static Optional<StackTraceElement> root(StackTraceElement[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            String owner = frames[i].getClassName();
            // A lambda's proxy ({@code App$$Lambda$14/0x...}) only calls the lambda's body, the program's method.
            if (owner.equals(Thread.class.getName()) || owner.contains("$$Lambda$")
                    || DISPATCH.stream().anyMatch(owner::startsWith)) {
                continue;
            }
            return JDK.stream().anyMatch(owner::startsWith) ? Optional.empty() : Optional.of(frames[i]);
        }
        return Optional.empty();
    }

    /** Remembers that a message has named {@code thread} already. */
    void named(Thread thread) {
        synchronized (named) {
            named.add(thread);
        }
    }

    /**
     * @param mainThread the replaced run's own thread, which the runner stops itself
     * @param replaced the replaced run's class loader
     * @return the threads the replaced run leaves behind, sorted: to stop with it, or to leave running
     */
    Left leftBy(Thread mainThread, ClassLoader replaced) throws InterruptedException {
        List<Thread> stale = new ArrayList<>();
        List<Thread> others = new ArrayList<>();
        for (Thread thread : alive()) {
            if (thread == mainThread || isNamed(thread) || isSharedByTheJdk(thread)) {
                continue;
            }
            if (replaced instanceof ProgramCode code && runs(thread, code)) {
                stale.add(thread);
            } else {
                others.add(thread);
            }
        }
        return new Left(stale, others, replaced instanceof ProgramCode);
    }

    /**
     * @return whether the thread runs the program's code; a thread started a moment ago has not reached its own
     *     code yet, and is looked at again, for a few milliseconds at most
     */
    private static boolean runs(Thread thread, ProgramCode code) throws InterruptedException {
        for (int look = 0; look < STARTING_LOOKS; look++) {
            StackTraceElement[] frames = thread.getStackTrace();
            boolean starting = true;
            for (StackTraceElement frame : frames) {
                if (code.isProgramClass(frame.getClassName())) {
                    return true;
                }
                starting &= frame.getClassName().equals(Thread.class.getName());
            }
            if (!starting || !thread.isAlive()) {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** The threads a replaced run leaves: those to stop with it, and the others, to be named. */
    final class Left {
        private final List<Thread> stale;
        private final List<Thread> others;
        private final boolean compiled;

        private Left(List<Thread> stale, List<Thread> others, boolean compiled) {
            this.stale = List.copyOf(stale);
            this.others = List.copyOf(others);
            this.compiled = compiled;
        }

        /** Interrupts the threads that run the replaced code, as the run's main thread is interrupted. */
        void interrupt() {
            stale.forEach(Thread::interrupt);
        }

        /**
         * Waits until {@code deadline} (a {@link System#nanoTime()}) for the interrupted threads to end, stops
         * those that go on, and says so; then names the threads left running.
         *
         * @param killNanos how long the stopped threads get to end
         */
        void finish(long deadline, long killNanos, PrintStream err) throws InterruptedException {
            List<Thread> going = awaitEnd(stale, deadline);
            if (!going.isEmpty()) {
                boolean stoppable = stop(going);
                List<Thread> still = awaitEnd(going, System.nanoTime() + killNanos);
                if (stoppable && still.isEmpty()) {
                    err.println("hotload: stopped " + count(going) + " the previous run left running, which ignored"
                            + " the interrupt: " + names(going));
                } else {
                    err.println("hotload: could not stop " + count(still) + " the previous run left running: "
                            + names(still));
                    still.forEach(ProgramThreads.this::named);
                }
            }
            // A pool an unload hook has just shut down is ending: only what is still there a moment later is named.
            List<Thread> staying = awaitEnd(others, Math.min(deadline, System.nanoTime() + OTHERS_GRACE_NANOS));
            if (!staying.isEmpty()) {
                err.println(compiled
                        ? "hotload: kept running what the previous run started outside the program's code (a kept"
                                + " pool or server): " + names(staying)
                        : "hotload: threads started by earlier runs still run (a module's globals outlive a save, so"
                                + " hotload stops none): " + names(staying));
                staying.forEach(ProgramThreads.this::named);
            }
        }
    }

    private List<Thread> alive() {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        while (count == threads.length) {
            threads = new Thread[threads.length * 2];
            count = group.enumerate(threads, true);
        }
        return Arrays.asList(threads).subList(0, count);
    }

    /**
     * A worker of the JDK's common pool (parallel streams) starts in the group of the thread that first needs
     * it, but it is the JVM's, shared by every run: it is neither the program's to stop nor news to name.
     */
    private static boolean isSharedByTheJdk(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }

    private boolean isNamed(Thread thread) {
        synchronized (named) {
            return named.contains(thread);
        }
    }

    /** @return those of {@code threads} still alive at {@code deadline}, or once all have ended */
    private static List<Thread> awaitEnd(List<Thread> threads, long deadline) throws InterruptedException {
        List<Thread> going = new ArrayList<>();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (thread.isAlive()) {
                going.add(thread);
            }
        }
        return going;
    }

    /** As for a run's main thread (see {@link EntryRun#kill}): harmless for code being replaced. */
    private static boolean stop(List<Thread> threads) {
        boolean stopped = true;
        for (Thread thread : threads) {
            stopped &= ForcedStop.of(thread);
        }
        return stopped;
    }

    private static String count(List<Thread> threads) {
        return threads.size() == 1 ? "1 thread" : threads.size() + " threads";
    }

    private static String names(List<Thread> threads) {
        // A thread's name is the program's to choose: it must not break hotload's line either.
        String shown = threads.stream().limit(NAMES_SHOWN)
                .map(thread -> PrintableName.of(thread.getName()))
                .collect(Collectors.joining(", "));
        int more = threads.size() - NAMES_SHOWN;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }
}
