package dev.hotload.examples.shell;

import dev.hotload.loop.Outcome;
import dev.hotload.loop.ShellCommand;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.Session;
import dev.hotload.watch.ChangeSet;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a shell script again on every save: the smallest useful {@link Reloader}, and proof that a language
 * can be added from its own jar. Registered in {@code META-INF/services/dev.hotload.spi.Reloader}; put the
 * jar on {@code HOTLOAD_CLASSPATH} and {@code hotload script.sh} works.
 */
public final class ShellScriptReloader implements Reloader {

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".sh");
    }

    @Override
    public String description() {
        return "shell (.sh): shell scripts, run with sh on every save (an example of a third-party reloader)";
    }

    @Override
    public Session open(Launch launch) throws LaunchException {
        if (!Files.isReadable(launch.entry())) {
            throw new LaunchException("cannot read '" + launch.entry() + "'");
        }
        List<String> command = new ArrayList<>(List.of("sh", launch.entry().toString()));
        command.addAll(launch.args());
        return new ScriptSession(List.copyOf(command));
    }

    /** A script has no state to keep: each run is a new process. */
    private record ScriptSession(ShellCommand script) implements Session {

        ScriptSession(List<String> command) {
            this(new ShellCommand(command));
        }

        @Override
        public Outcome run(ChangeSet changes) throws Exception {
            return script.run(changes);
        }

        @Override
        public String describe() {
            return script.describe();
        }

        /** A script still running when hotload stops goes too, with what it started. */
        @Override
        public void close() {
            script.close();
        }
    }
}
