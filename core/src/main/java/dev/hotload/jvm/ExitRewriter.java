package dev.hotload.jvm;

import dev.hotload.run.ExitRequest;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites calls of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in a reloaded class into
 * calls of {@link ExitRequest}, which throw: a program that exits ends its run, never the hotload session. The
 * Security Manager that once caught such calls is deprecated for removal; rewriting works on every JDK.
 *
 * <p>Calls made through reflection or method handles are not seen.
 */
public final class ExitRewriter {

    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String TARGET = Type.getInternalName(ExitRequest.class);
    private static final String RUNTIME_CALL = "(L" + RUNTIME + ";I)V";

    private ExitRewriter() {
    }

    /** @return the class with its exit calls rewritten; {@code bytes} itself when it makes none */
    public static byte[] rewrite(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        if (!mayExit(reader)) {
            return bytes;
        }
        // Given the reader, the writer copies every method it is not asked to change as it was.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new ExitCalls(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A quick look at the constant pool: most classes name neither System nor Runtime, nor exit or halt. */
    private static boolean mayExit(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        boolean namesType = false;
        boolean namesMethod = false;
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            int tag = offset == 0 ? 0 : reader.readByte(offset - 1);
            if (tag == CONSTANT_CLASS) {
                String name = reader.readUTF8(offset, buffer);
                namesType |= SYSTEM.equals(name) || RUNTIME.equals(name);
            } else if (tag == CONSTANT_NAME_AND_TYPE) {
                String name = reader.readUTF8(offset, buffer);
                namesMethod |= "exit".equals(name) || "halt".equals(name);
            }
        }
        return namesType && namesMethod;
    }

    /** Replaces the three calls, each with a static call that takes the same arguments. */
    private static final class ExitCalls extends MethodVisitor {

        ExitCalls(MethodVisitor delegate) {
            super(Opcodes.ASM9, delegate);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && SYSTEM.equals(owner) && "exit".equals(name) && "(I)V".equals(descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, "systemExit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && RUNTIME.equals(owner) && "(I)V".equals(descriptor)
                    && ("exit".equals(name) || "halt".equals(name))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, "exit".equals(name) ? "runtimeExit" : "runtimeHalt",
                        RUNTIME_CALL, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
