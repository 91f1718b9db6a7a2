package dev.hotload.jvm;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The code of each method of a class, as text with its constants resolved, so that two compiles of a class can be
 * compared method by method (line numbers left out: a line added above a method does not change it); and the
 * source lines each method spans, so that a frame of a stack trace can be told from an overload's.
 */
final class MethodBodies {

    /**
     * A method of the class.
     *
     * @param name its name
     * @param descriptor its parameters and result
     * @param firstLine the first source line of its code, or -1 if the class has no line numbers
     * @param lastLine the last
     */
    record Method(String name, String descriptor, int firstLine, int lastLine) {

        /** @return whether {@code frame}, of this method's class, may be in this method (not in an overload of it) */
        boolean holds(StackTraceElement frame) {
            return frame.getMethodName().equals(name)
                    && (frame.getLineNumber() < 0 || firstLine < 0
                            || frame.getLineNumber() >= firstLine && frame.getLineNumber() <= lastLine);
        }
    }

    private final Map<String, String> bodies;
    private final Map<String, Method> methods;

    private MethodBodies(Map<String, String> bodies, Map<String, Method> methods) {
        this.bodies = bodies;
        this.methods = methods;
    }

    /** @return the bodies of the methods of the class in {@code bytes} */
    static MethodBodies of(byte[] bytes) {
        Map<String, Textifier> texts = new HashMap<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Textifier text = new Textifier();
                texts.put(name + descriptor, text);
                return new TraceMethodVisitor(text);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Map<String, String> bodies = new HashMap<>();
        texts.forEach((method, text) -> {
            StringBuilder joined = new StringBuilder();
            text.getText().forEach(joined::append);
            bodies.put(method, joined.toString());
        });
        return new MethodBodies(bodies, lines(bytes));
    }

    /** @return the methods whose code differs in {@code newer}, or that only this version has: as this one has them */
    Set<Method> changedIn(MethodBodies newer) {
        Set<Method> changed = new TreeSet<>((a, b) -> (a.name() + a.descriptor()).compareTo(b.name() + b.descriptor()));
        methods.forEach((key, method) -> {
            if (!Objects.equals(bodies.get(key), newer.bodies.get(key))) {
                changed.add(method);
            }
        });
        return changed;
    }

    /** @return whether some method's code differs in {@code newer}, or some method was added or removed */
    boolean differFrom(MethodBodies newer) {
        return !bodies.equals(newer.bodies);
    }

    private static Map<String, Method> lines(byte[] bytes) {
        Map<String, Method> methods = new HashMap<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.put(name + descriptor, new Method(name, descriptor, -1, -1));
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        Method known = methods.get(name + descriptor);
                        int first = known.firstLine() < 0 ? line : Math.min(known.firstLine(), line);
                        methods.put(name + descriptor, new Method(name, descriptor, first, Math.max(known.lastLine(), line)));
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return methods;
    }
}
