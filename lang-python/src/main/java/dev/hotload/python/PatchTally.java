package dev.hotload.python;

/**
 * Whether the modules a run reloads are patched in place, and what patching them did, summed: one status line
 * tells of the entry and of every module reloaded with it. A run that raises has patched what it defined up to the
 * error, so the tally is read after it, whatever it raised.
 */
public final class PatchTally {

    private final boolean patching;
    private PatchReport sum = PatchReport.NONE;

    private PatchTally(boolean patching) {
        this.patching = patching;
    }

    /** @return a tally for a run whose modules are patched in place */
    public static PatchTally patching() {
        return new PatchTally(true);
    }

    /** @return a tally for a run whose modules are reloaded only, as {@code --restart} asks */
    public static PatchTally off() {
        return new PatchTally(false);
    }

    /** @return whether modules are patched in place */
    public boolean isPatching() {
        return patching;
    }

    /** Adds what patching one module did. */
    public synchronized void add(PatchReport report) {
        sum = sum.plus(report);
    }

    /** @return what patching every module so far did */
    public synchronized PatchReport sum() {
        return sum;
    }

    /** @return the status line's words for {@link #sum()}: empty when nothing was patched */
    public String words() {
        return sum().words();
    }
}
