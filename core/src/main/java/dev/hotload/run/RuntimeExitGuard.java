package dev.hotload.run;

import dev.hotload.agent.ExitGuard;
import java.util.function.ObjIntConsumer;

/**
 * Where {@code bin/hotload} started the JVM with hotload's agent, {@code Runtime.exit} and {@code Runtime.halt}
 * first call the agent's {@link ExitGuard}; this is the hook it calls, which refuses the call on a {@linkplain
 * ProgramThreads program's thread} by throwing an {@link ExitRequest}. So an exit that no rewritten call site
 * shows (through reflection, a method reference, Jython's {@code os._exit}) ends the run, not hotload; hotload's
 * own exit and the JVM's end on a signal (which does not go through {@code Runtime}) pass. Without the agent (the
 * Python API in a host's JVM), the rewriting of call sites ({@code ExitRewriter}, Groovy's {@code ExitCalls}) is
 * all there is.
 */
public final class RuntimeExitGuard {

    private RuntimeExitGuard() {
    }

    /**
     * Installs the hook; again is harmless.
     *
     * @return whether {@code Runtime.exit} and {@code Runtime.halt} are guarded: false without the agent
     */
    public static boolean install() {
        // The agent's class on the class path, without -javaagent, is an unguarded ExitGuard of the app loader.
        if (!ExitGuard.isGuarding()) {
            return false;
        }
        ExitGuard.install(new Refusal());
        return true;
    }

    /** The hook: a class, not a lambda, which would spin method handles at every start. */
    private static final class Refusal implements ObjIntConsumer<String> {
        @Override
        public void accept(String call, int status) {
            if (ProgramThreads.isCurrentProgram()) {
                throw ExitRequest.of(call, status);
            }
        }
    }
}
