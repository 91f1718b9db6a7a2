package dev.hotload.compiled;

import dev.hotload.jvm.ClassStore;
import dev.hotload.jvm.CompiledClass;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a program's classes up to date with its sources, for any {@link Compiler}: a save recompiles the
 * changed sources and those that depend on them (read from the compiled classes, see
 * {@link dev.hotload.jvm.DependencyGraph}), never the whole program, and the classes of every other source are
 * reused. A changed compile-time constant recompiles the whole program: compilers copy constants in, with no
 * reference left to their class. A deleted source's classes go.
 *
 * <p>Sources that failed to compile stay due: the next save compiles them again, whatever it changed.
 */
public final class IncrementalBuild {

    /** Which sources make the program. */
    public enum Program {
        /** Every source under the tree's root: javac must see every class of the program. */
        WHOLE_TREE,
        /**
         * The entry, and the sources of the tree that its compile pulls in by name (a helper beside a script):
         * a folder of Groovy scripts is not one program.
         */
        ENTRY_AND_WHAT_IT_USES
    }

    private final WatchSet treeFiles;
    private final Path entry;
    private final Compiler compiler;
    private final Program scope;
    private final ClassStore store = new ClassStore();
    private final Set<Path> program = new HashSet<>();
    private final Set<Path> due = new HashSet<>();
    private boolean started;

    /**
     * @param tree where the program's sources are
     * @param entry the entry's source, absolute
     * @param compiler compiles what is due
     * @param scope which sources make the program
     */
    public IncrementalBuild(SourceTree tree, Path entry, Compiler compiler, Program scope) {
        this.treeFiles = tree.files();
        this.entry = entry;
        this.compiler = compiler;
        this.scope = scope;
    }

    /** @return the build of every source under {@code tree}'s roots, which has no entry: a program's tests */
    public static IncrementalBuild ofTree(SourceTree tree, Compiler compiler) {
        return new IncrementalBuild(tree, tree.root(), compiler, Program.WHOLE_TREE);
    }

    /**
     * Brings the classes up to date after {@code changes}; on the first call, compiles the program.
     *
     * @return the recompiled sources, or the errors (then the last good classes stay)
     */
    public BuildResult update(ChangeSet changes) {
        note(changes);
        return rebuild();
    }

    /** Takes {@code changes} to the program's sources as due for the next {@link #rebuild()}; on the first call, the program. */
    public void note(ChangeSet changes) {
        if (!started) {
            started = true;
            due.addAll(scope == Program.WHOLE_TREE ? treeFiles.existingFiles() : List.of(entry));
            return;
        }
        for (FileChange change : changes.changes()) {
            if (concerns(change.path())) {
                due.add(change.path());
            }
        }
    }

    /**
     * Compiles what is due: the sources changed since the last good build, and those that depend on them.
     *
     * @return the recompiled sources, or the errors (then the last good classes stay)
     */
    public BuildResult rebuild() {
        if (due.isEmpty()) {
            return BuildResult.ok(Set.of());
        }
        Set<Path> targets = new HashSet<>(due);
        targets.addAll(store.graph().dependentsOf(due));
        Map<String, Map<String, Object>> constantsBefore = store.constantsOf(targets);
        BuildResult first = compile(targets);
        if (!first.isOk() || store.constantsOf(targets).equals(constantsBefore)) {
            return first;
        }
        Set<Path> rest = new HashSet<>(program);
        rest.removeAll(targets);
        due.addAll(rest);
        return first.then(compile(rest));
    }

    /** @return the class files of the last good build, by binary name */
    public Map<String, byte[]> classes() {
        return store.bytes();
    }

    /** @return every class of the last good build, with its source */
    public Collection<CompiledClass> compiled() {
        return store.all();
    }

    /** @return the sources that use one of {@code sources}, directly or through others, in the last good build */
    public Set<Path> allUsersOf(Collection<Path> sources) {
        return store.graph().allDependentsOf(sources);
    }

    /** @return the classes the last good build compiled from {@code source} */
    public List<CompiledClass> classesOf(Path source) {
        return store.all().stream().filter(compiled -> compiled.source().equals(source)).toList();
    }

    private boolean concerns(Path path) {
        return program.contains(path) || path.equals(entry) || scope == Program.WHOLE_TREE && treeFiles.watches(path);
    }

    /** Compiles those of {@code targets} that exist; a deleted target's classes go. */
    private BuildResult compile(Set<Path> targets) {
        List<SourceText> sources = new ArrayList<>();
        List<CompileError> unreadable = new ArrayList<>();
        for (Path target : new TreeSet<>(targets)) {
            if (!Files.isRegularFile(target)) {
                continue; // deleted, or replaced by a folder: its classes go
            }
            try {
                sources.add(SourceText.read(target));
            } catch (NoSuchFileException deletedMeanwhile) {
                // As above.
            } catch (IOException e) {
                unreadable.add(CompileError.unreadable(target, e));
            }
        }
        if (!unreadable.isEmpty()) {
            return BuildResult.unreadable(unreadable);
        }
        Set<Path> others = new HashSet<>(program);
        others.removeAll(targets);
        Compilation compiled = sources.isEmpty()
                ? Compilation.ok(Set.of(), List.of())
                : compiler.compile(sources, store.bytesExcept(targets), others);
        if (!compiled.isOk()) {
            return BuildResult.failed(compiled.errors());
        }
        Set<Path> replaced = new HashSet<>(targets);
        replaced.addAll(compiled.sources());
        store.replace(replaced, compiled.classes());
        program.removeAll(targets);
        program.addAll(compiled.sources());
        due.removeAll(replaced);
        return BuildResult.ok(compiled.sources());
    }
}
