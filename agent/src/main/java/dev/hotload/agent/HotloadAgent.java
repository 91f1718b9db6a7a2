package dev.hotload.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent {@code bin/hotload} starts the JVM with ({@code -javaagent}): it keeps the JVM's {@link Instrumentation}
 * for core, and guards {@code Runtime.exit} and {@code halt} ({@link ExitGuard}). Loaded by the boot loader (the
 * jar's {@code Boot-Class-Path}), so that there is one of it, whoever asks, and java.base can call it.
 */
public final class HotloadAgent {

    private static volatile Instrumentation instrumentation;

    private HotloadAgent() {
    }

    /** Called by the JVM before {@code main}: keeps {@code inst}, and guards the JVM's exits (a few milliseconds). */
    public static void premain(String options, Instrumentation inst) {
        instrumentation = inst;
        ExitGuard.guardRuntime(inst);
    }

    /** @return the JVM's instrumentation, or null when the JVM was started without this agent */
    public static Instrumentation instrumentation() {
        return instrumentation;
    }
}
