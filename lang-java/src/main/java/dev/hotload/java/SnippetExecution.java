package dev.hotload.java;

import dev.hotload.run.ExitRequest;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.OptionalInt;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution in this JVM ({@link LocalExecutionControl}: each snippet on a thread of its own, awaited),
 * over the program's classes ({@link SnippetClasses}), and what hotload needs of it besides: a snippet's exit
 * request is kept for the prompt to end hotload with; an interrupt of the waiting thread stops the snippet; and
 * JDK 17's execution, which sets the JVM's default uncaught-exception handler, gets it back after each snippet.
 */
final class SnippetExecution extends LocalExecutionControl {

    /** JDK 22+'s flag, checked by the snippets' code at each loop and call: a class of the snippets'. */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    private final SnippetClasses classes;
    private volatile int exit = -1;
    private volatile boolean interrupted;

    private SnippetExecution(SnippetClasses classes) {
        super(classes);
        this.classes = classes;
    }

    /** @return an execution of snippets defined by {@code classes} */
    static SnippetExecution over(SnippetClasses classes) {
        return new SnippetExecution(classes);
    }

    /** @return JShell's way to this execution: one JShell, one execution */
    ExecutionControlProvider provider() {
        SnippetExecution execution = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "hotload";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return execution;
            }
        };
    }

    /** @return the status the last snippet asked to exit with, if it did, forgetting it */
    OptionalInt takeExit() {
        int status = exit;
        exit = -1;
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** @return whether the last snippet was stopped by an interrupt of the thread awaiting it, forgetting it */
    boolean takeInterrupted() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        setCancel(false);
        try {
            return super.invoke(doit);
        } catch (InvocationTargetException e) {
            ExitRequest.causing(e).ifPresent(request -> exit = request.status());
            throw e;
        } catch (InterruptedException e) {
            // Ctrl-C at the prompt interrupts the thread that awaits the snippet, not the snippet's.
            interrupted = true;
            stop();
            throw new StoppedException();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(handler);
        }
    }

    /**
     * JDK 17 stops the snippet's threads ({@code Thread.stop}); JDK 22+ sets a flag the snippets' code checks, and
     * interrupts them. The flag JShell knows is its first class's: after a reload, the snippets check their own.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        setCancel(true);
        super.stop();
    }

    private void setCancel(boolean stop) {
        classes.latest(CANCEL_CLASS).ifPresent(cancel -> {
            try {
                Field allStop = cancel.getDeclaredField("allStop");
                allStop.setAccessible(true);
                allStop.setBoolean(null, stop);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not JShell's class of JDK 22+: nothing to set.
            }
        });
    }
}
