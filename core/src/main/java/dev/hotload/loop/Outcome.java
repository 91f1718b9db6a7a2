package dev.hotload.loop;

import dev.hotload.watch.FileKind;
import java.util.Objects;

/**
 * How one run of a step ended. A failure the user can fix by saving again is an outcome, not an exception.
 *
 * @param kind how it ended
 * @param exitStatus the process exit status this run stands for: 0 when it succeeded
 * @param detail a few words for the status line (the exception type, the exit status), or empty
 * @param diagnostics for {@link Kind#INVALID}: the compiler's report, which the loop prints; otherwise empty
 * @param update how the save reached the program, in a few words, when it was not a plain reload: {@code patched
 *     in place (2 functions)}, {@code redefined 3 classes in place}, {@code restarted (Greeter: field count added)};
 *     otherwise empty
 * @param origin which step ended the run so, in a few words, when it was not the program: {@code command 'make
 *     test'}; otherwise empty
 */
public record Outcome(Kind kind, int exitStatus, String detail, String diagnostics, String update, String origin) {

    /** How a run ended. */
    public enum Kind {
        /** It ran to the end. */
        OK,
        /**
         * The source does not compile, so nothing of the program ran. The loop reports it only once the save
         * is surely complete: an editor's write caught half-way compiles no better.
         */
        INVALID,
        /** It failed; the step has already told the user why. */
        FAILED,
        /** User code asked to exit ({@code sys.exit}, {@code System.exit}); the session goes on. */
        EXITED
    }

    private static final Outcome OK = new Outcome(Kind.OK, 0, "", "", "", "");
    private static final String ENTRY_DELETED = "entry deleted";
    private static final String TESTS = "the tests";

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(origin, "origin");
    }

    /** @return the outcome of a run that succeeded */
    public static Outcome ok() {
        return OK;
    }

    /** @return the outcome of a run that failed, for the reason given in a few words */
    public static Outcome failed(String why) {
        return new Outcome(Kind.FAILED, 1, why, "", "", "");
    }

    /**
     * @param why a few words for the status line, e.g. {@code compile error}
     * @param diagnostics what the compiler said, as it says it, for the loop to print
     * @return the outcome of a run whose source did not compile
     */
    public static Outcome invalid(String why, String diagnostics) {
        return new Outcome(Kind.INVALID, 1, why, diagnostics, "", "");
    }

    /** @return the outcome of a run whose code asked to exit with {@code status} */
    public static Outcome exited(int status) {
        return new Outcome(Kind.EXITED, status, "exit status " + status, "", "", "");
    }

    /**
     * @param counts how many tests ran and failed, e.g. {@code 6 tests, 2 failed}: the status line's words
     * @return the outcome of a run of tests in which some failed ({@code hotload --test})
     */
    public static Outcome testsFailed(String counts) {
        return new Outcome(Kind.FAILED, 1, counts, "", "", TESTS);
    }

    /** @return whether this is a run of tests in which some failed: the status line gives their counts, not a cause */
    public boolean isTestsFailure() {
        return kind == Kind.FAILED && origin.equals(TESTS);
    }

    /** @return the outcome of a run whose entry file is gone: it waits for the file to come back */
    public static Outcome entryDeleted() {
        return failed(ENTRY_DELETED);
    }

    /** @return whether this run did not run, its entry gone: the status line says so plainly, not as a failure */
    public boolean isEntryDeleted() {
        return kind == Kind.FAILED && detail.equals(ENTRY_DELETED);
    }

    /**
     * @param kind what the entry's path holds now, not a regular file
     * @return the outcome of a run whose entry is gone (a folder in its place, as a save caught half-way may
     *     leave, counts as gone) or is a special file, never read: it waits for a file there
     */
    public static Outcome entryNotAFile(FileKind kind) {
        boolean gone = kind == FileKind.MISSING || kind == FileKind.FOLDER;
        return gone ? entryDeleted() : failed("entry is " + kind.description());
    }

    /**
     * @param words how the save reached the running program, e.g. {@code redefined 3 classes in place}
     * @return this outcome, telling the status line how the save was applied
     */
    public Outcome withUpdate(String words) {
        return new Outcome(kind, exitStatus, detail, diagnostics, words, origin);
    }

    /**
     * @param step a few words naming the step that ended the run so, e.g. {@code command 'make test'}
     * @return this outcome, which the status line tells as that step's rather than the program's
     */
    public Outcome from(String step) {
        return new Outcome(kind, exitStatus, detail, diagnostics, update, step);
    }

    /**
     * @return whether the steps after this one may run: a run that succeeded, or exited with status 0 (a
     *     program's {@code sys.exit(0)}); not one that failed to compile, failed, or exited with another status
     */
    public boolean isSuccess() {
        return exitStatus == 0;
    }

    /** @return whether the run succeeded */
    public boolean isOk() {
        return kind == Kind.OK;
    }

    /**
     * @return the first outcome that is not OK, of this and {@code next}, a failure before an exit with status 0: a
     *     loop's verdict on a run of steps; it keeps what this one updated in place, which a later step's verdict
     *     does not undo
     */
    public Outcome then(Outcome next) {
        // A program's exit with status 0 is no failure: a later step's failure is the verdict.
        if (!isOk() && (!isSuccess() || next.isSuccess())) {
            return this;
        }
        if (update.isEmpty()) {
            return next;
        }
        return next.withUpdate(next.update().isEmpty() ? update : update + ", " + next.update());
    }
}
