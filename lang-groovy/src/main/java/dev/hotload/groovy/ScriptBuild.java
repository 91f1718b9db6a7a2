package dev.hotload.groovy;

import dev.hotload.jvm.ClassStore;
import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.SourceTree;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a script's classes, and those of the sources it uses, up to date with their files. The program is the
 * entry and every source of the tree that its compile pulled in (a {@code Helper.groovy} beside it, a package
 * of classes); other files of the tree are not compiled. A save recompiles the changed sources of the program
 * and those that use them; the classes of every other source are reused.
 *
 * <p>Sources that failed to compile stay due: the next save compiles them again, whatever it changed.
 */
final class ScriptBuild {

    private static final String SCRIPT = "groovy.lang.Script";

    private final SourceTree tree;
    private final Path entry;
    private final GroovyCompiler compiler;
    private final ClassStore store = new ClassStore();
    private final Set<Path> program = new HashSet<>();
    private final Set<Path> due = new HashSet<>();
    private boolean started;

    ScriptBuild(SourceTree tree, Path entry, GroovyCompiler compiler) {
        this.tree = tree;
        this.entry = entry;
        this.compiler = compiler;
    }

    /**
     * Brings the classes up to date after {@code changes}; on the first call, compiles the entry and what it uses.
     *
     * @return the sources compiled, or the errors (then the last good classes stay)
     */
    CompileResult update(ChangeSet changes) {
        note(changes);
        if (due.isEmpty()) {
            return CompileResult.ok(Map.of(), List.of());
        }
        Set<Path> targets = new HashSet<>(due);
        targets.addAll(store.graph().dependentsOf(due));
        Map<String, Map<String, Object>> constantsBefore = store.constantsOf(targets);
        CompileResult result = compile(targets);
        if (result.isOk() && !store.constantsOf(targets).equals(constantsBefore)) {
            // A changed constant may have been copied into classes that need not name its class.
            Set<Path> rest = new HashSet<>(program);
            rest.removeAll(targets);
            return rest.isEmpty() ? result : compile(rest);
        }
        return result;
    }

    /** @return the class files of the last good build, by binary name */
    Map<String, byte[]> classes() {
        return store.bytes();
    }

    /**
     * @return the class the entry file compiled to: its script class, or the class named like the file; empty
     *     when its file is gone. Groovy names a script after its file, made a valid name ({@code my-tool} is
     *     {@code my_tool}), so it is found by what it is, not by name.
     */
    Optional<String> entryClass() {
        List<CompiledClass> fromEntry = store.all().stream().filter(compiled -> compiled.source().equals(entry)).toList();
        return fromEntry.stream()
                .filter(compiled -> compiled.info().supertypes().contains(SCRIPT))
                .map(CompiledClass::name)
                .findFirst()
                .or(() -> fromEntry.stream().map(CompiledClass::name).filter(tree.entryClass()::equals).findFirst());
    }

    private void note(ChangeSet changes) {
        if (!started) {
            started = true;
            due.add(entry);
            return;
        }
        for (FileChange change : changes.changes()) {
            Path path = change.path();
            if (program.contains(path) || path.equals(entry)) {
                due.add(path);
            }
        }
    }

    /** Compiles those of {@code targets} that exist; a deleted target's classes go. */
    private CompileResult compile(Set<Path> targets) {
        List<SourceText> present = new ArrayList<>();
        List<CompileError> unreadable = new ArrayList<>();
        for (Path target : new TreeSet<>(targets)) {
            if (!Files.isRegularFile(target)) {
                continue; // deleted, or replaced by a folder: its classes go
            }
            try {
                present.add(SourceText.read(target));
            } catch (NoSuchFileException deletedMeanwhile) {
                // As above.
            } catch (IOException e) {
                unreadable.add(CompileError.unreadable(target, e));
            }
        }
        if (!unreadable.isEmpty()) {
            return CompileResult.failed(Map.of(), unreadable);
        }
        Set<Path> others = new HashSet<>(program);
        others.removeAll(targets);
        CompileResult result = present.isEmpty()
                ? CompileResult.ok(Map.of(), List.of())
                : compiler.compile(present, store.bytesExcept(targets), others);
        if (!result.isOk()) {
            return result;
        }
        Set<Path> replaced = new HashSet<>(targets);
        replaced.addAll(result.sources().keySet());
        store.replace(replaced, result.classes());
        program.removeAll(targets);
        program.addAll(result.sources().keySet());
        due.clear();
        return result;
    }
}
