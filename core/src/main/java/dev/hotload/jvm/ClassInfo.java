package dev.hotload.jvm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a compiled class tells about its dependencies, read from its class file.
 *
 * @param name binary name, e.g. {@code shapes.Circle}
 * @param supertypes the superclass and interfaces, binary names
 * @param references every other class named in the constant pool (class entries and type descriptors)
 * @param constants the values of its compile-time constants by field name: other classes copy them in, so a
 *     change of value reaches them with no reference in their constant pools
 */
public record ClassInfo(String name, List<String> supertypes, Set<String> references, Map<String, Object> constants) {

    private static final int CLASS = 7;
    private static final int UTF8 = 1;
    /** Object types inside descriptors and signatures: {@code Lshapes/Circle;} or {@code Ljava/util/List<}. */
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    public ClassInfo {
        supertypes = List.copyOf(supertypes);
        references = Set.copyOf(references);
        constants = Map.copyOf(constants);
    }

    /** @return the dependencies of the class in {@code bytes} */
    public static ClassInfo read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        String name = binary(reader.getClassName());
        Set<String> references = references(reader, bytes);
        references.remove(name);
        return new ClassInfo(name, supertypes(reader), references, constants(reader));
    }

    private static Set<String> references(ClassReader reader, byte[] bytes) {
        Set<String> references = new HashSet<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0) {
                continue; // the unused second slot of a long or a double
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CLASS) {
                String internalName = reader.readUTF8(offset, buffer);
                if (internalName.startsWith("[")) {
                    addObjectTypes(internalName, references);
                } else {
                    references.add(binary(internalName));
                }
            } else if (tag == UTF8) {
                // Types that appear only in descriptors (a parameter's, a field's) have no class entry.
                addObjectTypes(new String(bytes, offset + 2, reader.readUnsignedShort(offset), StandardCharsets.UTF_8),
                        references);
            }
        }
        return references;
    }

    private static List<String> supertypes(ClassReader reader) {
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(binary(reader.getSuperName()));
        }
        for (String implemented : reader.getInterfaces()) {
            supertypes.add(binary(implemented));
        }
        return supertypes;
    }

    private static Map<String, Object> constants(ClassReader reader) {
        Map<String, Object> constants = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
                if (value != null) {
                    constants.put(field, value);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return constants;
    }

    private static void addObjectTypes(String descriptor, Set<String> references) {
        Matcher types = OBJECT_TYPE.matcher(descriptor);
        while (types.find()) {
            references.add(binary(types.group(1)));
        }
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}
