package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import java.time.Duration;

/**
 * Tells the user what the loop did: one short status line per run, and errors that no step reported itself.
 * hotload's own messages go here, never to the user's standard output.
 */
public interface Reporter {

    /**
     * A run of all steps has ended. An {@link Outcome.Kind#INVALID} outcome's diagnostics come first.
     *
     * @param changes what triggered it
     * @param outcome how it ended
     * @param took how long the steps took
     */
    void ran(ChangeSet changes, Outcome outcome, Duration took);

    /** A step threw; say which, and print a readable trace. */
    void failed(Step step, Throwable error);

    /** A short message of hotload's own, such as what it watches. */
    void say(String message);
}
