package dev.hotload.run;

import java.util.List;
import java.util.Map;

/**
 * Where the threads of the program from the last save are, at one moment: what a redefinition in place must not
 * pull the rug from. A frame that is running goes on in the code it started in; the JVM gives the new code only to
 * the calls that come after.
 *
 * @param main the frames of the run's own thread (its {@code main}, a script's body), innermost first; empty if
 *     the run has returned
 * @param roots for each other thread the run started, by name: the outermost frame of the program's, below which
 *     there is only the thread's start (a {@code Runnable}'s {@code run}, a lambda, a closure). It returns only when
 *     its thread ends. A thread whose outermost frames are a pool's or a server's (the JDK's) has none here: its
 *     tasks come and go.
 */
public record ProgramStacks(List<StackTraceElement> main, Map<String, StackTraceElement> roots) {

    public ProgramStacks {
        main = List.copyOf(main);
        roots = Map.copyOf(roots);
    }

    /** The stacks of a program with no thread running. */
    public static final ProgramStacks NONE = new ProgramStacks(List.of(), Map.of());
}
