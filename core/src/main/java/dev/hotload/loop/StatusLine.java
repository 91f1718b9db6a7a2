package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@link Reporter} of the command line: one line per run on a stream, each starting {@code hotload: }. */
public final class StatusLine implements Reporter {

    private static final int NAMES_SHOWN = 3;

    private final PrintStream out;
    private final boolean watching;
    /** When the user's command started (bin/hotload's first line, before any build), if known. */
    private final Instant launched;
    private final InstantSource clock;
    private final Runs runs;

    /** @param out where the lines go: standard error, or an embedding host's stream */
    public StatusLine(PrintStream out) {
        this(out, true, null, InstantSource.system(), Runs.PROGRAM);
    }

    private StatusLine(PrintStream out, boolean watching, Instant launched, InstantSource clock, Runs runs) {
        this.out = out;
        this.watching = watching;
        this.launched = launched;
        this.clock = clock;
        this.runs = runs;
    }

    /**
     * @param out where the lines go
     * @return the status line of a single run ({@code --once}), which promises no next save
     */
    public static StatusLine once(PrintStream out) {
        return new StatusLine(out, false, null, InstantSource.system(), Runs.PROGRAM);
    }

    /**
     * @return this status line for a loop that only runs commands ({@code hotload --run CMD}, no entry): nothing is
     *     reloaded, so a save's run that succeeded {@code ran}
     */
    public StatusLine runningCommands() {
        return new StatusLine(out, watching, launched, clock, Runs.COMMANDS);
    }

    /**
     * @param command when the user's command started
     * @return this status line, whose first line says how long after the command the program started, as the user
     *     waited for it (a first start's build included), beside what the first run itself took
     */
    public StatusLine launchedAt(Instant command) {
        return launchedAt(command, InstantSource.system());
    }

    StatusLine launchedAt(Instant command, InstantSource now) {
        return new StatusLine(out, watching, command, now, runs);
    }

    @Override
    public void ran(ChangeSet changes, Outcome outcome, Duration took) {
        if (!outcome.diagnostics().isEmpty()) {
            out.print(outcome.diagnostics().endsWith("\n") ? outcome.diagnostics() : outcome.diagnostics() + "\n");
        }
        String time = format(took);
        if (changes.firstRun() && outcome.isOk()) {
            // What the run found (tests that passed), where it says: the first run is told in its words.
            String ran = outcome.update().isEmpty() ? null : outcome.update() + " in " + time;
            say(!watching ? (ran == null ? "ran in " + time : ran)
                    : launched == null ? "started; " + (ran == null ? "the first run took " + time : ran)
                    : "started " + format(Duration.between(launched, clock.instant())) + " after the command; "
                            + (ran == null ? "the first run took " + time : ran));
            return;
        }
        // --once has no first run of several: what ran is the program, or the step the outcome names.
        boolean byStep = !outcome.origin().isEmpty();
        String trigger = changes.firstRun() ? (watching ? "first run" : byStep ? "" : "the program") : trigger(changes);
        if (outcome.isEntryDeleted()) {
            boolean onlyIt = changes.changes().size() == 1 && changes.changes().get(0).kind() == FileChange.Kind.DELETE;
            say(trigger + (watching ? "; waiting for " + (onlyIt ? "it" : "the entry") + " to come back" : ": the entry is gone"));
            return;
        }
        String applied = (outcome.update().isEmpty() ? "" : outcome.update() + ", then ")
                + (byStep ? outcome.origin() + " " : "");
        String result = switch (outcome.kind()) {
            case OK -> (!outcome.update().isEmpty() ? outcome.update() : changes.requested() ? runs.onRequest : runs.onSave) + " in " + time;
            case INVALID, FAILED -> (outcome.isTestsFailure() ? outcome.detail() + ", in " + time
                    : applied + "failed in " + time + detail(outcome)) + (watching ? "; waiting for the next save" : "");
            case EXITED -> applied + "exited with status " + outcome.exitStatus() + " in " + time;
        };
        say(trigger.isEmpty() ? result : trigger + (changes.firstRun() && !byStep ? " " : ", ") + result);
    }

    @Override
    public void failed(Step step, Throwable error) {
        say(step.describe() + " failed: " + StackTraces.describe(error));
        StackTraces.print(error, out);
        out.flush();
    }

    @Override
    public void say(String message) {
        // One line by contract: a name in it must not break it (see PrintableName).
        out.println("hotload: " + PrintableName.of(message));
        out.flush();
    }

    /** @return a duration as people read it: {@code 4.2 ms}, {@code 37 ms}, {@code 1.3 s} */
    static String format(Duration took) {
        double millis = took.toNanos() / 1e6;
        // Compared after rounding, so that 9.96 ms reads "10 ms", not "10.0 ms".
        if (Math.round(millis * 10) < 100) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (Math.round(millis) < 1000) {
            return Math.round(millis) + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    private static String detail(Outcome outcome) {
        return outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")";
    }

    /**
     * @return {@code lib.py changed}, {@code old.py deleted}, {@code a.py, old.py (deleted) changed}: the saves a run
     *     is for; {@code rerun on request}, with or without saves
     */
    private static String trigger(ChangeSet changes) {
        if (!changes.requested()) {
            return saves(changes.changes());
        }
        return changes.changes().isEmpty() ? "rerun on request"
                : "rerun on request (" + saves(changes.changes()) + ")";
    }

    private static String saves(List<FileChange> changes) {
        boolean allDeleted = changes.stream().allMatch(change -> change.kind() == FileChange.Kind.DELETE);
        String shown = changes.stream()
                .limit(NAMES_SHOWN)
                .map(change -> PrintableName.of(change.path().getFileName())
                        + (!allDeleted && change.kind() == FileChange.Kind.DELETE ? " (deleted)" : ""))
                .collect(Collectors.joining(", "));
        int more = changes.size() - NAMES_SHOWN;
        return (more > 0 ? shown + " and " + more + " more" : shown) + (allDeleted ? " deleted" : " changed");
    }

    /** What a run that succeeded did, after a save and when asked for: a program is reloaded, commands ran. */
    private enum Runs {
        PROGRAM("reloaded", "restarted"),
        COMMANDS("ran", "ran");

        final String onSave;
        final String onRequest;

        Runs(String onSave, String onRequest) {
            this.onSave = onSave;
            this.onRequest = onRequest;
        }
    }
}
