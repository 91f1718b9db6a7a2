package dev.hotload.java;

import dev.hotload.jvm.SourceTree;
import dev.hotload.jvm.ClassStore;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps the program's classes up to date with its sources: a save recompiles the changed sources and those
 * that depend on them, never the whole tree, and the classes of every other source are reused.
 *
 * <p>Sources that failed to compile stay due: the next save compiles them again, whatever it changed.
 */
final class IncrementalBuild {

    private final SourceTree tree;
    private final WarmCompiler compiler;
    private final ClassStore store = new ClassStore();
    private final Set<Path> known = new HashSet<>();
    private final Set<Path> due = new HashSet<>();
    private boolean scanned;

    IncrementalBuild(SourceTree tree, WarmCompiler compiler) {
        this.tree = tree;
        this.compiler = compiler;
    }

    /**
     * Brings the classes up to date after {@code changes}; on the first call, compiles the whole tree.
     *
     * @return the recompiled sources, or javac's errors (then the last good classes stay)
     * @throws UnreadableSource if a source to compile cannot be read (it stays due)
     */
    BuildResult update(ChangeSet changes) throws IOException {
        note(changes);
        return rebuild();
    }

    /**
     * Compiles what is due: the sources changed since the last good build, and those that depend on them.
     *
     * @return the recompiled sources, or javac's errors (then the last good classes stay)
     * @throws UnreadableSource if a source to compile cannot be read (it stays due)
     */
    BuildResult rebuild() throws IOException {
        if (due.isEmpty()) {
            return new BuildResult(Set.of(), List.of());
        }
        Set<Path> targets = new HashSet<>(due);
        targets.addAll(store.graph().dependentsOf(due));
        Map<String, Map<String, Object>> constantsBefore = store.constantsOf(targets);
        BuildResult result = compile(targets);
        if (!result.isOk() || store.constantsOf(targets).equals(constantsBefore)) {
            return result;
        }
        // A changed constant was copied into classes that need not name its class: recompile the rest too.
        Set<Path> rest = new HashSet<>(known);
        rest.removeAll(targets);
        due.addAll(rest);
        BuildResult second = compile(rest);
        Set<Path> all = new TreeSet<>(result.recompiled());
        all.addAll(second.recompiled());
        return new BuildResult(all, second.errors());
    }

    /** @return the class files of the last good build, by binary name */
    Map<String, byte[]> classes() {
        return store.bytes();
    }

    /** Takes {@code changes} as due for the next {@link #rebuild()}; on the first call, the whole tree. */
    void note(ChangeSet changes) {
        if (!scanned) {
            scanned = true;
            known.addAll(tree.sources());
            due.addAll(known);
            return;
        }
        for (FileChange change : changes.changes()) {
            Path path = change.path();
            if (!tree.contains(path)) {
                continue;
            }
            if (Files.isRegularFile(path)) {
                known.add(path);
            } else {
                known.remove(path);
            }
            due.add(path);
        }
    }

    /** Compiles those of {@code targets} that exist; a deleted target's classes go. */
    private BuildResult compile(Set<Path> targets) throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        for (Path target : new TreeSet<>(targets)) {
            if (!known.contains(target)) {
                continue;
            }
            try {
                sources.add(SourceFile.read(target));
            } catch (NoSuchFileException deletedMeanwhile) {
                known.remove(target);
            } catch (IOException unreadable) {
                throw new UnreadableSource(target, unreadable);
            }
        }
        CompileResult compiled = sources.isEmpty()
                ? new CompileResult(List.of(), List.of())
                : compiler.compile(sources, store.bytesExcept(targets));
        if (!compiled.isOk()) {
            return new BuildResult(Set.of(), compiled.errors());
        }
        store.replace(targets, compiled.classes());
        due.removeAll(targets);
        return new BuildResult(sources.stream().map(SourceFile::path).collect(Collectors.toSet()), List.of());
    }
}
