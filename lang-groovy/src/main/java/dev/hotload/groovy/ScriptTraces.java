package dev.hotload.groovy;

import dev.hotload.run.TracePrinter;
import dev.hotload.loop.StackTraces;
import java.io.PrintStream;
import org.codehaus.groovy.runtime.StackTraceUtils;

/**
 * Prints an exception that ended a script as {@code groovy} does ({@code Caught: ...}), with the script's
 * frames only: Groovy's dispatch adds dozens of its own between two lines of a script. Groovy's own
 * {@code StackTraceUtils.deepSanitize} is not used: it rewrites the program's exceptions, and never ends on
 * causes that form a loop.
 */
final class ScriptTraces {

    static final TracePrinter PRINTER = (error, err) -> {
        err.print("Caught: ");
        print(error, err);
    };

    /** Prints {@code error} with the script's frames only, as a line typed at the prompt failed. */
    static void print(Throwable error, PrintStream err) {
        StackTraces.print(error, err, frame -> StackTraceUtils.isApplicationClass(frame.getClassName()));
    }

    private ScriptTraces() {
    }
}
