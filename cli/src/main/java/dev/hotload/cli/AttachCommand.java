package dev.hotload.cli;

import dev.hotload.repl.AttachClient;
import dev.hotload.run.StandardStreams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hotload attach}: the prompt of a hotload that runs elsewhere, from this terminal. */
@Command(
        name = "attach",
        mixinStandardHelpOptions = true,
        description = {
            "Opens a prompt inside a running hotload's program from this terminal,",
            "for a program that owns its own (a server printing logs). Ctrl-D on an",
            "empty line detaches; the program goes on. With several running, NAME",
            "chooses: a process id, an entry's file name or path, or the folder it",
            "was started in; without it, hotload asks.",
            ""
        })
final class AttachCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Which hotload: process id, entry, or folder.")
    private String name;

    private final Environment environment;

    AttachCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StandardStreams streams = StandardStreams.current();
        if (!environment.stdinIsTerminal()) {
            streams.err().println("hotload: attach needs a terminal: standard input must be one");
            return AttachClient.USAGE;
        }
        return new AttachClient(environment.variables(), streams.err())
                .attach(Optional.ofNullable(name), new BufferedReader(new InputStreamReader(System.in)));
    }
}
