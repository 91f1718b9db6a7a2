package dev.hotload.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an {@link EntryRunner} waits for a run.
 *
 * @param running how long a run is awaited before it is reported as going on in the background
 * @param stop how long a replaced run gets to end once interrupted
 * @param kill how long a run that ignored its interrupt gets to end once stopped
 * @param close how long a run, and each of its unload hooks, gets to end when hotload stops: short, since Ctrl-C
 *     must end hotload within a second and the JVM's end stops a thread that goes on anyway
 * @param hook how long each unload hook gets to finish before a replacement goes on without it
 */
public record RunWaits(Duration running, Duration stop, Duration kill, Duration close, Duration hook) {

    /** What a user meets: half a second to run, two to stop, a second for each unload hook. */
    public static final RunWaits DEFAULT = new RunWaits(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofMillis(250));

    /** Waits with the default {@link #hook()}: a second. */
    public RunWaits(Duration running, Duration stop, Duration kill, Duration close) {
        this(running, stop, kill, close, Duration.ofSeconds(1));
    }

    public RunWaits {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(kill, "kill");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(hook, "hook");
    }
}
