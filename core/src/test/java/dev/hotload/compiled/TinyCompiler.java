package dev.hotload.compiled;

import dev.hotload.jvm.CompiledClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A compiler of a language of one-line statements, for testing the build without javac: a source
 * {@code Name.tiny} compiles to class {@code Name}, whose lines say what the class file holds.
 * <ul>
 * <li>{@code uses B}: a field of type {@code B} (a reference in the constant pool). Like Groovy's compiler, it
 * compiles {@code B.tiny} too when B is neither served compiled nor part of the program.</li>
 * <li>{@code const SIZE 10}: a compile-time constant.</li>
 * <li>{@code field count}: a field that is no constant.</li>
 * <li>{@code copies SIZE 10}: a constant copied in from another class: as javac does, into the code, with no
 * trace in the constant pool of the class it came from.</li>
 * <li>{@code broken}: an error on that line.</li>
 * </ul>
 * It records what each compile was asked to compile.
 */
final class TinyCompiler implements Compiler {

    final List<Set<String>> asked = new ArrayList<>();
    private final Path root;

    TinyCompiler(Path root) {
        this.root = root;
    }

    @Override
    public Compilation compile(List<SourceText> sources, Map<String, byte[]> earlier, Set<Path> earlierSources) {
        Map<Path, SourceText> todo = new LinkedHashMap<>();
        sources.forEach(source -> todo.put(source.path(), source));
        asked.add(names(todo.keySet()));
        List<CompiledClass> classes = new ArrayList<>();
        List<CompileError> errors = new ArrayList<>();
        Set<Path> done = new HashSet<>();
        while (done.size() < todo.size()) {
            SourceText source = todo.values().stream().filter(s -> !done.contains(s.path())).findFirst().orElseThrow();
            done.add(source.path());
            String name = nameOf(source.path());
            ClassWriter writer = new ClassWriter(0);
            writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
            String[] lines = source.content().split("\n");
            for (int number = 1; number <= lines.length; number++) {
                String[] words = lines[number - 1].trim().split(" ");
                switch (words[0]) {
                    case "uses" -> {
                        writer.visitField(Opcodes.ACC_PUBLIC, "a" + words[1], "L" + words[1] + ";", null, null).visitEnd();
                        Path used = root.resolve(words[1] + ".tiny");
                        if (!earlier.containsKey(words[1]) && !earlierSources.contains(used) && Files.isRegularFile(used)) {
                            todo.putIfAbsent(used, read(used));
                        }
                    }
                    case "const" -> writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL,
                            words[1], "I", null, Integer.valueOf(words[2])).visitEnd();
                    case "field" -> writer.visitField(Opcodes.ACC_PUBLIC, words[1], "I", null, null).visitEnd();
                    case "broken" -> errors.add(CompileError.at(source, number, 1, "broken here"));
                    default -> { }
                }
            }
            writer.visitEnd();
            classes.add(CompiledClass.of(source.path(), writer.toByteArray()));
        }
        return errors.isEmpty() ? Compilation.ok(todo.keySet(), classes) : Compilation.failed(todo.keySet(), errors);
    }

    @Override
    public void close() {
    }

    static Set<String> names(Set<Path> paths) {
        Set<String> names = new HashSet<>();
        paths.forEach(path -> names.add(nameOf(path)));
        return names;
    }

    private static String nameOf(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".tiny".length());
    }

    private static SourceText read(Path file) {
        try {
            return SourceText.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
