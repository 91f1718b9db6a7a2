package dev.hotload.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites {@code java.lang.Runtime}'s class file so that {@code exit(int)} and {@code halt(int)} first call
 * {@link ExitGuard}: {@code iload_1; invokestatic ExitGuard.exit(I)V} before their own code. By hand, not with a
 * bytecode library: the agent has no dependencies, and this runs before {@code main}, on every start, where a
 * library's classes would cost more than the patch. Offsets that follow the four inserted bytes move with them:
 * the exception table, the first stack map frame, line and local variable tables. A class file with any other
 * attribute in those methods' code is refused (an {@link IllegalArgumentException}): the JVM then goes unguarded.
 */
final class RuntimePatch {

    private static final String GUARD = "dev/hotload/agent/ExitGuard";
    private static final int PREFIX = 4;
    private static final int ACC_STATIC = 0x0008;

    private final ByteBuffer in;
    private final DataOutputStream out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<Integer, String> utf8 = new HashMap<>();
    private int exitRef;
    private int haltRef;

    private RuntimePatch(byte[] classFile) {
        this.in = ByteBuffer.wrap(classFile);
        this.out = new DataOutputStream(bytes);
    }

    /** @return Runtime's class file with the guard's calls; throws IllegalArgumentException if it cannot be patched */
    static byte[] patch(byte[] runtime) {
        try {
            return new RuntimePatch(runtime).run();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot guard java.lang.Runtime: " + e, e);
        }
    }

    private byte[] run() throws IOException {
        copy(8); // magic, version
        constantPool();
        copy(6); // access, this, super
        copy(2 * copyU2()); // interfaces
        members(false);
        members(true);
        copy(in.remaining()); // the class's attributes
        return bytes.toByteArray();
    }

    /** Copies the constant pool, remembering its UTF-8 entries, and appends the guard's methods. */
    private void constantPool() throws IOException {
        int count = u2();
        int start = in.position();
        for (int index = 1; index < count; index++) {
            int tag = in.get() & 0xff;
            switch (tag) {
                case 1 -> {
                    int length = u2();
                    byte[] text = new byte[length];
                    in.get(text);
                    utf8.put(index, new String(text, java.nio.charset.StandardCharsets.UTF_8));
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4);
                case 5, 6 -> {
                    skip(8);
                    index++; // a long or double takes two entries
                }
                case 7, 8, 16, 19, 20 -> skip(2);
                case 15 -> skip(3);
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            }
        }
        int end = in.position();
        out.writeShort(count + 9);
        out.write(in.array(), start, end - start);
        int owner = count;
        utf8Entry(GUARD);                                   // count
        out.writeByte(7); out.writeShort(owner);            // count + 1: the class
        utf8Entry("(I)V");                                  // count + 2
        utf8Entry("exit");                                  // count + 3
        utf8Entry("halt");                                  // count + 4
        out.writeByte(12); out.writeShort(count + 3); out.writeShort(count + 2); // count + 5
        out.writeByte(12); out.writeShort(count + 4); out.writeShort(count + 2); // count + 6
        out.writeByte(10); out.writeShort(count + 1); out.writeShort(count + 5); // count + 7
        out.writeByte(10); out.writeShort(count + 1); out.writeShort(count + 6); // count + 8
        exitRef = count + 7;
        haltRef = count + 8;
    }

    private void utf8Entry(String text) throws IOException {
        out.writeByte(1);
        out.writeUTF(text);
    }

    /** Copies the fields or the methods, patching the code of exit(int) and halt(int). */
    private void members(boolean methods) throws IOException {
        int count = copyU2();
        for (int i = 0; i < count; i++) {
            int access = copyU2();
            String name = utf8.get(copyU2());
            String descriptor = utf8.get(copyU2());
            boolean guarded = methods && (access & ACC_STATIC) == 0 && "(I)V".equals(descriptor)
                    && ("exit".equals(name) || "halt".equals(name));
            int attributes = copyU2();
            for (int a = 0; a < attributes; a++) {
                int nameIndex = copyU2();
                int length = in.getInt();
                if (guarded && "Code".equals(utf8.get(nameIndex))) {
                    byte[] code = code("exit".equals(name) ? exitRef : haltRef, slice(length));
                    out.writeInt(code.length);
                    out.write(code);
                } else {
                    out.writeInt(length);
                    copy(length);
                }
            }
        }
    }

    /** @return a Code attribute's body with the guard's call first */
    private byte[] code(int guardRef, ByteBuffer code) throws IOException {
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        DataOutputStream to = new DataOutputStream(patched);
        to.writeShort(Math.max(1, code.getShort() & 0xffff)); // max stack: the status pushed for the call
        to.writeShort(code.getShort()); // max locals
        int length = code.getInt();
        to.writeInt(length + PREFIX);
        to.writeByte(0x1b); // iload_1
        to.writeByte(0xb8); // invokestatic
        to.writeShort(guardRef);
        to.write(code.array(), code.arrayOffset() + code.position(), length);
        code.position(code.position() + length);
        int handlers = code.getShort() & 0xffff;
        to.writeShort(handlers);
        for (int h = 0; h < handlers; h++) {
            to.writeShort((code.getShort() & 0xffff) + PREFIX); // start
            to.writeShort((code.getShort() & 0xffff) + PREFIX); // end
            to.writeShort((code.getShort() & 0xffff) + PREFIX); // handler
            to.writeShort(code.getShort()); // type
        }
        int attributes = code.getShort() & 0xffff;
        to.writeShort(attributes);
        for (int a = 0; a < attributes; a++) {
            int nameIndex = code.getShort() & 0xffff;
            int attributeLength = code.getInt();
            ByteBuffer body = code.slice();
            body.limit(attributeLength);
            code.position(code.position() + attributeLength);
            byte[] moved = moved(String.valueOf(utf8.get(nameIndex)), body);
            to.writeShort(nameIndex);
            to.writeInt(moved.length);
            to.write(moved);
        }
        return patched.toByteArray();
    }

    /** @return an attribute of the code, its offsets moved past the inserted call */
    private static byte[] moved(String name, ByteBuffer body) throws IOException {
        ByteArrayOutputStream moved = new ByteArrayOutputStream();
        DataOutputStream to = new DataOutputStream(moved);
        switch (name) {
            case "LineNumberTable" -> {
                int count = body.getShort() & 0xffff;
                to.writeShort(count);
                for (int i = 0; i < count; i++) {
                    int start = body.getShort() & 0xffff;
                    to.writeShort(start == 0 ? 0 : start + PREFIX); // the call counts as the first line
                    to.writeShort(body.getShort());
                }
            }
            case "LocalVariableTable", "LocalVariableTypeTable" -> {
                int count = body.getShort() & 0xffff;
                to.writeShort(count);
                for (int i = 0; i < count; i++) {
                    int start = body.getShort() & 0xffff;
                    int length = body.getShort() & 0xffff;
                    to.writeShort(start == 0 ? 0 : start + PREFIX);
                    to.writeShort(start == 0 ? length + PREFIX : length);
                    to.writeShort(body.getShort());
                    to.writeShort(body.getShort());
                    to.writeShort(body.getShort());
                }
            }
            case "StackMapTable" -> stackMapTable(body, to);
            default -> throw new IllegalArgumentException("unknown attribute " + name + " in Runtime's exit or halt");
        }
        return moved.toByteArray();
    }

    /** Only the first frame's offset is absolute: it moves; the others are relative to it and stay. */
    private static void stackMapTable(ByteBuffer body, DataOutputStream to) throws IOException {
        int count = body.getShort() & 0xffff;
        to.writeShort(count);
        if (count == 0) {
            return;
        }
        int type = body.get() & 0xff;
        if (type < 64) {
            sameFrame(type + PREFIX, to, 0, 251);
        } else if (type < 128) {
            sameFrame(type - 64 + PREFIX, to, 64, 247);
        } else if (type >= 247) {
            to.writeByte(type);
            to.writeShort((body.getShort() & 0xffff) + PREFIX);
        } else {
            throw new IllegalArgumentException("stack map frame type " + type);
        }
        to.write(body.array(), body.arrayOffset() + body.position(), body.remaining());
    }

    /** Writes a frame whose offset is in its type, or its extended form once the offset no longer fits. */
    private static void sameFrame(int offset, DataOutputStream to, int base, int extended) throws IOException {
        if (offset < 64) {
            to.writeByte(base + offset);
        } else {
            to.writeByte(extended);
            to.writeShort(offset);
        }
    }

    private ByteBuffer slice(int length) {
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        return slice;
    }

    private int u2() {
        return in.getShort() & 0xffff;
    }

    private int copyU2() throws IOException {
        int value = u2();
        out.writeShort(value);
        return value;
    }

    private void copy(int length) throws IOException {
        out.write(in.array(), in.position(), length);
        in.position(in.position() + length);
    }

    private void skip(int length) {
        in.position(in.position() + length);
    }
}
