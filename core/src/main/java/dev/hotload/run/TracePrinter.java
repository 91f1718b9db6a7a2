package dev.hotload.run;

import dev.hotload.loop.StackTraces;
import java.io.PrintStream;

/** How a language shows an exception that ended its program's run. */
@FunctionalInterface
public interface TracePrinter {

    /** As the JVM prints an uncaught exception: {@code Exception in thread "main" ...}, without hotload's frames. */
    TracePrinter JVM = (error, err) -> {
        err.print("Exception in thread \"main\" ");
        StackTraces.print(error, err);
    };

    /**
     * @param error what the program threw
     * @param err where to print it
     */
    void print(Throwable error, PrintStream err);
}
