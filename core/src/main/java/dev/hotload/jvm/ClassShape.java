package dev.hotload.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;

/**
 * What a class is apart from its method bodies: what the JVM's class redefinition must find unchanged (its
 * supertypes, modifiers, fields, methods, and the attributes that tie it to other classes). Two versions of a
 * class with the same shape differ only in method bodies (and constants), which the running JVM can swap in place.
 *
 * @param name binary name
 * @param access the class's modifiers
 * @param superName the superclass's internal name, or null for {@code Object}
 * @param interfaces the interfaces' internal names, in order
 * @param fields its fields, in order: the JVM lays out a class's fields in their order
 * @param methods its methods, constructors and static initializer
 * @param ties the nest host and members, permitted subclasses and record components, each as a line
 */
public record ClassShape(String name, int access, String superName, List<String> interfaces, List<Member> fields,
                         Set<Member> methods, Set<String> ties) {

    /**
     * A field or a method, as the JVM matches it.
     *
     * @param name its name
     * @param descriptor its type: a field's, or a method's parameters and result
     * @param access its modifiers
     */
    public record Member(String name, String descriptor, int access) implements Comparable<Member> {

        /** @return what identifies the member in source: a field's name; a method's name and parameters */
        String identity() {
            int parameters = descriptor.indexOf(')');
            return parameters < 0 ? name : name + descriptor.substring(0, parameters + 1);
        }

        /** @return as a user reads it: {@code count}, {@code greet(String)} */
        String shown() {
            if (descriptor.indexOf(')') < 0) {
                return name;
            }
            List<String> parameters = new ArrayList<>();
            for (Type type : Type.getArgumentTypes(descriptor)) {
                String className = type.getClassName();
                parameters.add(className.substring(className.lastIndexOf('.') + 1));
            }
            return name + "(" + String.join(", ", parameters) + ")";
        }

        @Override
        public int compareTo(Member other) {
            return (name + descriptor + access).compareTo(other.name + other.descriptor + other.access);
        }
    }

    public ClassShape {
        interfaces = List.copyOf(interfaces);
        fields = List.copyOf(fields);
        methods = Set.copyOf(methods);
        ties = Set.copyOf(ties);
    }

    /** @return the shape of the class in {@code bytes}; its method bodies are not read */
    public static ClassShape of(byte[] bytes) {
        Reader reader = new Reader();
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassShape(reader.name.replace('/', '.'), reader.access, reader.superName, reader.interfaces,
                reader.fields, reader.methods, reader.ties);
    }

    /**
     * @param newer the same class, compiled again
     * @return what changed besides method bodies, in a few words ({@code Greeter: field count added}); empty if
     *     nothing did
     */
    public Optional<String> changeTo(ClassShape newer) {
        String simple = SourceNames.ofClass(name);
        if (!Objects.equals(superName, newer.superName)) {
            return Optional.of(simple + ": superclass changed");
        }
        if (!interfaces.equals(newer.interfaces)) {
            return Optional.of(simple + ": interfaces changed");
        }
        if (access != newer.access) {
            return Optional.of(simple + ": class modifiers changed");
        }
        Optional<String> members = memberChange("field", Set.copyOf(fields), Set.copyOf(newer.fields))
                .or(() -> memberChange("method", methods, newer.methods));
        if (members.isPresent()) {
            return Optional.of(simple + ": " + members.get());
        }
        if (!fields.equals(newer.fields)) {
            return Optional.of(simple + ": fields reordered");
        }
        if (!ties.equals(newer.ties)) {
            return Optional.of(simple + ": nested classes, permitted subclasses or record components changed");
        }
        return Optional.empty();
    }

    /** @return the first member added, removed or changed, said as a user would: {@code method greet(String) added} */
    private static Optional<String> memberChange(String kind, Set<Member> before, Set<Member> after) {
        Set<Member> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<Member> removed = new TreeSet<>(before);
        removed.removeAll(after);
        for (Member member : added) {
            Optional<Member> old = removed.stream().filter(gone -> gone.identity().equals(member.identity())).findFirst();
            if (old.isPresent()) {
                String what = old.get().descriptor().equals(member.descriptor()) ? "modifiers" : "type";
                return Optional.of(kind + " " + member.shown() + ": " + what + " changed");
            }
        }
        if (!added.isEmpty()) {
            return Optional.of(describe(kind, added.iterator().next(), "added"));
        }
        if (!removed.isEmpty()) {
            return Optional.of(describe(kind, removed.iterator().next(), "removed"));
        }
        return Optional.empty();
    }

    private static String describe(String kind, Member member, String how) {
        // javac's name for a lambda's body: the user wrote a lambda, not a method.
        return SourceNames.isNumberedMethod(member.name()) ? "a lambda " + how : kind + " " + member.shown() + " " + how;
    }

    /** Reads the shape. */
    private static final class Reader extends ClassVisitor {
        private String name;
        private int access;
        private String superName;
        private List<String> interfaces = List.of();
        private final List<Member> fields = new ArrayList<>();
        private final Set<Member> methods = new TreeSet<>();
        private final Set<String> ties = new TreeSet<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            // ACC_SUPER is the compiler's, not the user's; the JVM does not compare it.
            this.access = access & ~Opcodes.ACC_SUPER;
            this.superName = superName;
            this.interfaces = List.of(interfaces == null ? new String[0] : interfaces);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fields.add(new Member(name, descriptor, access));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            methods.add(new Member(name, descriptor, access));
            return null;
        }

        @Override
        public void visitNestHost(String nestHost) {
            ties.add("nest host " + nestHost);
        }

        @Override
        public void visitNestMember(String nestMember) {
            ties.add("nest member " + nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            ties.add("permits " + permittedSubclass);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            ties.add("record component " + name + " " + descriptor);
            return null;
        }
    }
}
