package dev.hotload.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The hand-made patch of Runtime's class file: on the JDK's own Runtime, read back by ASM; and on a class with
 * branches, loops and handlers in its exit and halt, loaded through the JVM's verifier and run. The agent's effect
 * in a whole JVM is shown by the system tests (ExitsIT).
 */
class RuntimePatchTest {

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void removeHook() {
        ExitGuard.install(null);
    }

    @Test
    void theJdksExitAndHaltCallTheGuardFirstAndNoOtherMethodChanges() throws Exception {
        byte[] original = bytesOf(Runtime.class);

        Map<String, String> patched = firstCalls(RuntimePatch.patch(original));
        Map<String, String> before = firstCalls(original);

        assertThat(patched.get("exit(I)V")).isEqualTo("dev/hotload/agent/ExitGuard.exit(I)V");
        assertThat(patched.get("halt(I)V")).isEqualTo("dev/hotload/agent/ExitGuard.halt(I)V");
        assertThat(patched.keySet()).containsExactlyElementsOf(before.keySet());
        before.keySet().stream().filter(method -> !method.equals("exit(I)V") && !method.equals("halt(I)V"))
                .forEach(method -> assertThat(patched.get(method)).as(method).isEqualTo(before.get(method)));
    }

    @Test
    void patchedMethodsPassTheVerifierAndCallTheHookBeforeTheirOwnCode() throws Exception {
        ExitGuard.install((call, status) -> calls.add(call + " " + status));
        Object exits = patchedExits();

        exits.getClass().getMethod("exit", int.class).invoke(exits, 3);
        exits.getClass().getMethod("exit", int.class).invoke(exits, 500);
        exits.getClass().getMethod("halt", int.class).invoke(exits, 2);

        assertThat(calls).containsExactly("Runtime.exit 3", "exit 3", "Runtime.exit 500", "caught", "Runtime.halt 2",
                "before the loop", "halt", "halt");
    }

    @Test
    void aHookThatThrowsStopsTheMethodBeforeItsCode() throws Exception {
        ExitGuard.install((call, status) -> {
            throw new IllegalStateException("refused " + status);
        });
        Object exits = patchedExits();

        assertThatThrownBy(() -> exits.getClass().getMethod("exit", int.class).invoke(exits, 7))
                .isInstanceOf(InvocationTargetException.class)
                .cause().hasMessage("refused 7");
        assertThat(calls).isEmpty();
    }

    @Test
    void aClassFileItCannotReadIsRefused() {
        assertThatThrownBy(() -> RuntimePatch.patch(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot guard java.lang.Runtime");
    }

    /** @return an {@link Exits} whose class is defined, patched, by a loader of its own, and so verified */
    private Object patchedExits() throws Exception {
        byte[] patched = RuntimePatch.patch(bytesOf(Exits.class));
        ClassLoader loader = new ClassLoader(RuntimePatchTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Exits.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, patched, 0, patched.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        Class<?> type = loader.loadClass(Exits.class.getName());
        return type.getConstructor(List.class).newInstance(calls);
    }

    /** A class shaped like Runtime where it matters: instance methods exit(int) and halt(int), with stack maps. */
    public static final class Exits {
        private final List<String> log;

        public Exits(List<String> log) {
            this.log = log;
        }

        public void exit(int status) {
            try {
                if (status > 100) {
                    throw new IllegalArgumentException("too big");
                }
                log.add("exit " + status);
            } catch (IllegalArgumentException e) {
                log.add("caught");
            }
        }

        public void halt(int status) {
            log.add("before the loop");
            for (int i = 0; i < status; i++) {
                log.add("halt");
            }
        }
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** @return each method's first method call, "none" for a method that makes none */
    private static Map<String, String> firstCalls(byte[] bytes) {
        Map<String, String> calls = new LinkedHashMap<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                calls.put(name + descriptor, "none");
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String called, String desc, boolean itf) {
                        calls.merge(name + descriptor, owner + "." + called + desc,
                                (first, next) -> first.equals("none") ? next : first);
                    }
                };
            }
        }, ClassReader.EXPAND_FRAMES);
        return calls;
    }
}
