package dev.hotload.cli;

import dev.hotload.run.ShutdownDeadline;
import dev.hotload.run.StandardStreams;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.ReloaderRegistry;
import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code bin/hotload}: turns every failure of hotload's own into one line and an exit status. */
public final class Main {

    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // First: whatever the program later does to System.out and System.err, hotload's own lines are heard.
        StandardStreams streams = StandardStreams.install();
        ShutdownDeadline.watchSignals(streams.err());
        int status = run(args);
        // The program's shutdown hooks run now, and may not end: hotload's end keeps its second all the same.
        ShutdownDeadline.arm(status);
        System.exit(status);
    }

    /** Runs the command line and returns the exit status, without exiting: for tests. */
    static int run(String... args) {
        // picocli looks for Groovy's Closure when Groovy is on the class path, and so loads 300 classes of it
        // at every start, whatever the language: about 50 ms.
        System.setProperty("picocli.disable.closures", "true");
        ReloaderRegistry registry;
        try {
            registry = ReloaderRegistry.discover(Thread.currentThread().getContextClassLoader());
        } catch (LaunchException e) {
            return fail(e.getMessage());
        }
        Environment environment = Environment.current();
        CommandLine commandLine = new CommandLine(new HotloadCommand(environment, registry))
                .addSubcommand("attach", new AttachCommand(environment))
                .setErr(new PrintWriter(StandardStreams.current().err(), true))
                .setParameterExceptionHandler((error, arguments) -> fail(error.getMessage() + " (see --help)" + afterDashes(error)))
                .setExecutionExceptionHandler((error, line, parsed) -> {
                    if (error instanceof LaunchException launch) {
                        return fail(launch.getMessage());
                    }
                    return internalError(error);
                });
        return commandLine.execute(args);
    }

    /**
     * @return for an unknown option given with an entry, how to pass it to the program instead: a user who types
     *     {@code hotload argv.py --verbose} means the program's option, and picocli alone does not say where it goes
     */
    static String afterDashes(CommandLine.ParameterException error) {
        if (!(error instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        CommandLine.ParseResult parsed = error.getCommandLine().getParseResult();
        if (parsed == null || !parsed.hasMatchedPositional(0)) {
            return "";
        }
        return "; arguments for the program go after --: hotload " + parsed.matchedPositional(0).getValue() + " -- "
                + String.join(" ", unmatched.getUnmatched());
    }

    /** A bug of hotload's own: one line, and the trace only when asked for with HOTLOAD_DEBUG. */
    private static int internalError(Exception error) {
        PrintStream err = StandardStreams.current().err();
        err.println("hotload: internal error: " + PrintableName.of(String.valueOf(error)) + " (set HOTLOAD_DEBUG=1 for the trace)");
        if (System.getenv("HOTLOAD_DEBUG") != null) {
            error.printStackTrace(err);
        }
        return 1;
    }

    private static int fail(String message) {
        // One line: a file name in it must not break it.
        StandardStreams.current().err().println("hotload: " + PrintableName.of(message));
        return USAGE;
    }
}
