package dev.hotload.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What the agent's guard makes of java.lang.Runtime; its effect in a JVM is shown by the system tests (ExitsIT). */
class RuntimeExitGuardTest {

    @Test
    void exitAndHaltCallTheGuardFirstAndNothingElseChanges() throws Exception {
        byte[] original;
        try (InputStream in = Runtime.class.getResourceAsStream("Runtime.class")) {
            original = in.readAllBytes();
        }

        Map<String, String> guarded = firstCalls(RuntimeExitGuard.guarded(original));
        Map<String, String> before = firstCalls(original);

        assertThat(guarded.get("exit(I)V")).isEqualTo("dev/hotload/agent/ExitGuard.exit(I)V");
        assertThat(guarded.get("halt(I)V")).isEqualTo("dev/hotload/agent/ExitGuard.halt(I)V");
        assertThat(guarded.keySet()).containsExactlyElementsOf(before.keySet());
        before.keySet().stream().filter(method -> !method.equals("exit(I)V") && !method.equals("halt(I)V"))
                .forEach(method -> assertThat(guarded.get(method)).as(method).isEqualTo(before.get(method)));
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
        }, 0);
        return calls;
    }
}
