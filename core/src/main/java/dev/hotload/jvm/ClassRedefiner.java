package dev.hotload.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.hotload.agent.HotloadAgent;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * The JVM's class redefinition ({@link Instrumentation#redefineClasses}): loaded classes get new class files, and
 * every object, static field and thread is kept; the next call of a method runs its new body. All or none of a
 * call's classes are redefined. A standard JVM accepts new method bodies only; a JVM with enhanced class
 * redefinition (the JetBrains Runtime with {@code -XX:+AllowEnhancedClassRedefinition}) accepts new fields,
 * methods and supertypes too.
 */
public interface ClassRedefiner {

    /**
     * Redefines every class of {@code definitions}, or none.
     *
     * @throws ClassNotFoundException, UnmodifiableClassException, or an unchecked error (UnsupportedOperationException,
     *     ClassFormatError, VerifyError, LinkageError): the JVM's refusal, with its reason
     */
    void redefine(List<ClassDefinition> definitions) throws ClassNotFoundException, UnmodifiableClassException;

    /** @return whether the JVM redefines more than method bodies (fields and methods added or removed) */
    boolean allowsNewShapes();

    /**
     * @return the JVM's class redefinition, through hotload's agent; empty where the JVM was started without it
     *     ({@code bin/hotload} starts it with), or cannot redefine
     */
    static Optional<ClassRedefiner> ofAgent() {
        Instrumentation instrumentation = HotloadAgent.instrumentation();
        if (instrumentation == null || !instrumentation.isRedefineClassesSupported()) {
            return Optional.empty();
        }
        return Optional.of(new ClassRedefiner() {
            /** Read once, when first needed: the management beans cost some 30 ms to start. */
            private Boolean enhanced;

            @Override
            public void redefine(List<ClassDefinition> definitions)
                    throws ClassNotFoundException, UnmodifiableClassException {
                instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            }

            @Override
            public synchronized boolean allowsNewShapes() {
                if (enhanced == null) {
                    enhanced = isEnhanced();
                }
                return enhanced;
            }
        });
    }

    /** @return whether this JVM was started with enhanced class redefinition on; detected, never required */
    private static boolean isEnhanced() {
        try {
            VMOption option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("AllowEnhancedClassRedefinition");
            return Boolean.parseBoolean(option.getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException | NullPointerException notThisJvm) {
            return false; // a JVM without the option, or without the bean
        }
    }
}
