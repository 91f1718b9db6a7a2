package dev.hotload.run;

import dev.hotload.agent.ExitGuard;
import dev.hotload.agent.HotloadAgent;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Guards {@code Runtime.exit} and {@code Runtime.halt} themselves, where {@code bin/hotload} started the JVM with
 * hotload's agent: each first calls {@link ExitGuard}, whose hook throws an {@link ExitRequest} on a
 * {@linkplain ProgramThreads program's thread}. So an exit that no rewritten call site shows (through reflection, a
 * method reference, Jython's {@code os._exit}) ends the run, not hotload; hotload's own exit and the JVM's end on
 * a signal (which does not go through {@code Runtime}) pass. Without the agent (the Python API in a host's JVM),
 * the rewriting of call sites ({@code ExitRewriter}, Groovy's {@code ExitCalls}) is all there is.
 */
public final class RuntimeExitGuard {

    private static final String GUARD = Type.getInternalName(ExitGuard.class);
    private static boolean installed;
    private static Thread installing;

    private RuntimeExitGuard() {
    }

    /**
     * Starts {@link #install} on a thread of its own: it takes a few tens of milliseconds (module graph, ASM),
     * which the start of a session hides; {@link #awaitInstalled} before a run starts.
     */
    static synchronized void installSoon() {
        if (installing == null) {
            installing = new Thread(RuntimeExitGuard::install, "hotload-exit-guard");
            installing.setDaemon(true);
            installing.start();
        }
    }

    /** Waits for {@link #installSoon} to be done, if it was called. */
    static void awaitInstalled() throws InterruptedException {
        Thread started;
        synchronized (RuntimeExitGuard.class) {
            started = installing;
        }
        if (started != null) {
            started.join();
        }
    }

    /**
     * Installs the guard, once per JVM.
     *
     * @return whether {@code Runtime.exit} and {@code Runtime.halt} are guarded: false without the agent
     */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        Instrumentation instrumentation = HotloadAgent.instrumentation();
        // Boot-loaded, or java.base could not call it: an agent jar merely on the class path is no agent.
        if (instrumentation == null || ExitGuard.class.getClassLoader() != null) {
            return false;
        }
        Module javaBase = Runtime.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(ExitGuard.class.getModule()), Map.of(), Map.of(), Set.of(),
                Map.of());
        // Made once now: refusing an exit must not have to load a class (the heap may be full by then).
        ExitRequest.of("Runtime.exit", 0);
        ExitGuard.install((call, status) -> {
            if (ProgramThreads.isProgram(Thread.currentThread())) {
                throw ExitRequest.of(call, status);
            }
        });
        try {
            retransformRuntime(instrumentation);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError notGuarded) {
            ExitGuard.install(null);
            return false;
        }
        installed = true;
        return true;
    }

    private static void retransformRuntime(Instrumentation instrumentation) throws UnmodifiableClassException {
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                return redefined == Runtime.class ? guarded(bytes) : null;
            }
        };
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(Runtime.class);
        } finally {
            instrumentation.removeTransformer(transformer);
        }
    }

    /** @return Runtime's class file with a call of the guard at the start of {@code exit(int)} and {@code halt(int)} */
    static byte[] guarded(byte[] runtime) {
        ClassReader reader = new ClassReader(runtime);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean guarded = "(I)V".equals(descriptor) && ("exit".equals(name) || "halt".equals(name));
                return guarded ? new GuardFirst(method, name) : method;
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Calls the guard with the status before the method's own code. */
    private static final class GuardFirst extends MethodVisitor {
        private final String name;

        GuardFirst(MethodVisitor method, String name) {
            super(Opcodes.ASM9, method);
            this.name = name;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ILOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(I)V", false);
        }
    }
}
