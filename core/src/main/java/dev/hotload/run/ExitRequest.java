package dev.hotload.run;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code System.exit(n)} in reloaded code does instead of ending the JVM: it ends the run with status
 * {@code n}, and hotload goes on. Public because the rewritten classes, in their own class loader, call it; an
 * {@link Error}, so that a {@code catch (Exception e)} around the call does not swallow it.
 */
public final class ExitRequest extends Error {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int status;

    private ExitRequest(String call, int status) {
        super(call + "(" + status + ") ends this run of the program, not hotload");
        this.call = call;
        this.status = status;
    }

    /** @return the request of {@code call} ({@code Runtime.exit}, {@code Runtime.halt}) with {@code status} */
    static ExitRequest of(String call, int status) {
        return new ExitRequest(call, status);
    }

    /** Called where reloaded code called {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new ExitRequest("System.exit", status);
    }

    /** Called where reloaded code called {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRequest("Runtime.exit", status);
    }

    /** Called where reloaded code called {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRequest("Runtime.halt", status);
    }

    /**
     * @return the exit request that caused {@code error}, if one did: an exit called through reflection arrives
     *     wrapped in an {@code InvocationTargetException}
     */
    public static Optional<ExitRequest> causing(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof ExitRequest exit) {
                return Optional.of(exit);
            }
        }
        return Optional.empty();
    }

    /** @return the call the program made, as {@code System.exit(3)} */
    public String call() {
        return call + "(" + status + ")";
    }

    /** @return the status the program asked to exit with */
    public int status() {
        return status;
    }
}
