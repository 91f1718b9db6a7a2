package dev.hotload.java;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Where snippets live: JShell compiles them in its package {@code REPL}, but they run in the package of the
 * program's entry (most often the unnamed one), defined by the program's own class loader, so that a snippet
 * reaches the program's package-private classes and members as code of that package does. Java cannot name a
 * class of the unnamed package from a named one, so the compiler is shown the entry's package as {@code REPL}
 * (its classes renamed), and each snippet class is renamed back to the entry's package before it is defined.
 */
final class SnippetPackage {

    /** JShell's package, slashed. */
    static final String COMPILED = "REPL/";

    /** The entry's package, slashed with a slash at its end, or empty for the unnamed package. */
    private final String home;

    /** @param entryClass the program's entry class, by binary name */
    SnippetPackage(String entryClass) {
        int dot = entryClass.lastIndexOf('.');
        home = dot < 0 ? "" : entryClass.substring(0, dot + 1).replace('.', '/');
    }

    /** @return the program's classes as the snippets' compiler sees them: those of the entry's package in REPL */
    Map<String, byte[]> compilerView(Map<String, byte[]> program) {
        UnaryOperator<String> toCompiled = name -> isHome(name) && program.containsKey(dotted(name))
                ? COMPILED + name.substring(home.length()) : name;
        Map<String, byte[]> view = new HashMap<>();
        program.forEach((name, bytes) -> view.put(dotted(toCompiled.apply(slashed(name))), rename(bytes, toCompiled)));
        return view;
    }

    /** @return a snippet's class file as it runs: every name in REPL moved to the entry's package */
    byte[] runtime(byte[] snippet) {
        return rename(snippet, name -> name.startsWith(COMPILED) ? home + name.substring(COMPILED.length()) : name);
    }

    /** @return the name a snippet class, named as JShell names it ({@code REPL.$JShell$3}), runs under */
    String runtimeName(String compiledName) {
        String slashed = slashed(compiledName);
        return slashed.startsWith(COMPILED) ? dotted(home + slashed.substring(COMPILED.length())) : compiledName;
    }

    /** @return a runtime class name as JShell knows it, for a class in the entry's package; else the name as it is */
    String compiledName(String runtimeName) {
        String slashed = slashed(runtimeName);
        return isHome(slashed) ? dotted(COMPILED + slashed.substring(home.length())) : runtimeName;
    }

    private boolean isHome(String slashed) {
        return slashed.startsWith(home) && slashed.indexOf('/', home.length()) < 0;
    }

    private static byte[] rename(byte[] bytes, UnaryOperator<String> names) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                return names.apply(internalName);
            }
        }), 0);
        return writer.toByteArray();
    }

    private static String slashed(String name) {
        return name.replace('.', '/');
    }

    private static String dotted(String name) {
        return name.replace('/', '.');
    }
}
