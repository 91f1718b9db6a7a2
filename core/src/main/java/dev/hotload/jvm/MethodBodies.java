package dev.hotload.jvm;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The code of each method of a class, as text with its constants resolved, so that two compiles of a class can be
 * compared method by method (its line numbers left out: a line added above a method does not change it).
 */
final class MethodBodies {

    private final Map<String, String> byMethod;

    private MethodBodies(Map<String, String> byMethod) {
        this.byMethod = byMethod;
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
        Map<String, String> byMethod = new HashMap<>();
        texts.forEach((method, text) -> {
            StringBuilder joined = new StringBuilder();
            text.getText().forEach(joined::append);
            byMethod.put(method, joined.toString());
        });
        return new MethodBodies(byMethod);
    }

    /** @return the names of the methods whose code differs in {@code newer} (or that only one of the two has) */
    Set<String> changedIn(MethodBodies newer) {
        Set<String> changed = new TreeSet<>();
        Set<String> methods = new TreeSet<>(byMethod.keySet());
        methods.addAll(newer.byMethod.keySet());
        for (String method : methods) {
            if (!Objects.equals(byMethod.get(method), newer.byMethod.get(method))) {
                changed.add(method.substring(0, method.indexOf('(')));
            }
        }
        return changed;
    }
}
