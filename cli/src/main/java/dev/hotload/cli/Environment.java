package dev.hotload.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The environment variables of the original hotload, and what the launcher script tells about the terminal.
 *
 * @param variables the process environment
 * @param stdinIsTerminal whether standard input is a terminal (then no file list is piped in)
 * @param stdoutIsTerminal whether standard output is a terminal (then clearing it makes sense)
 */
record Environment(Map<String, String> variables, boolean stdinIsTerminal, boolean stdoutIsTerminal) {

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    /** @return the environment of this process; bin/hotload passes the terminal facts as system properties */
    static Environment current() {
        boolean console = System.console() != null;
        return new Environment(System.getenv(),
                Boolean.parseBoolean(System.getProperty("hotload.stdin.tty", String.valueOf(console))),
                Boolean.parseBoolean(System.getProperty("hotload.stdout.tty", String.valueOf(console))));
    }

    /**
     * @return whether a flag variable is set: to its own name, as the original expects
     *     ({@code HOTLOAD_NO_CLEAR=HOTLOAD_NO_CLEAR}), or to 1, true, yes or on
     */
    boolean flag(String name) {
        String value = variables.get(name);
        return value != null && (value.equals(name) || TRUE.contains(value.toLowerCase(Locale.ROOT)));
    }
}
