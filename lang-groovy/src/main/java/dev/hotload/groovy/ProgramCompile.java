package dev.hotload.groovy;

import dev.hotload.compiled.CompileError;
import dev.hotload.compiled.SourceText;
import dev.hotload.compiled.SourceTree;
import dev.hotload.watch.SavedFiles;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.SourceUnit;

/**
 * One compile of some of the program's sources: the unit, the sources it holds, and what it sees of the rest
 * of the program (the class files of the sources it does not recompile).
 */
final class ProgramCompile {

    private final CompilationUnit unit;
    private final SourceTree tree;
    private final WatchSet treeFiles;
    private final Map<String, byte[]> unchanged;
    private final Set<Path> program;
    private final Map<Path, SourceText> sources = new HashMap<>();
    private final List<CompileError> unreadable = new ArrayList<>();

    /**
     * @param unit the compilation unit, empty
     * @param tree where the program's sources are
     * @param treeFiles the tree's sources, as {@link SourceTree#files()} says
     * @param unchanged the class files of the program's sources that this compile does not recompile
     * @param program every source already part of the program: those not compiled here are not added
     */
    ProgramCompile(CompilationUnit unit, SourceTree tree, WatchSet treeFiles, Map<String, byte[]> unchanged,
                   Set<Path> program) {
        this.unit = unit;
        this.tree = tree;
        this.treeFiles = treeFiles;
        this.unchanged = Map.copyOf(unchanged);
        this.program = Set.copyOf(program);
    }

    /** Adds a source to compile. */
    void add(SourceText source) {
        sources.put(source.path(), source);
        unit.addSource(source.path().toString(), source.content());
    }

    /** @return the class file of a class this compile does not recompile, or null */
    byte[] compiledClass(String name) {
        return unchanged.get(name);
    }

    /**
     * @param className a name the compiler looks up
     * @return the source unit of the program's file for that class, now part of this compile; null if the
     *     program has no such file, or its classes are compiled already
     */
    SourceUnit addSourceOf(String className) {
        if (className.indexOf('$') >= 0 || className.startsWith("java.")) {
            return null;
        }
        Path file = tree.sourceOf(className).normalize();
        if (sources.containsKey(file) || program.contains(file) || !treeFiles.watches(file) || !Files.isRegularFile(file)) {
            return null;
        }
        return addSource(file);
    }

    /** @return the sources compiled, by path, as they were read */
    Map<Path, SourceText> sources() {
        return Map.copyOf(sources);
    }

    /** @return the sources that could not be read, as errors */
    List<CompileError> unreadable() {
        return List.copyOf(unreadable);
    }

    private SourceUnit addSource(Path file) {
        try {
            SourceText text = SourceText.read(file);
            sources.put(file, text);
            return unit.addSource(file.toString(), text.content());
        } catch (IOException e) {
            // Among the compiler's errors, where the file name comes first: "Util.groovy: error: cannot read it: ...".
            unreadable.add(CompileError.in(file, "cannot read it: " + SavedFiles.reason(e)));
            return null;
        }
    }
}
