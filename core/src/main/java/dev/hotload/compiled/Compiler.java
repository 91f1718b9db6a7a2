package dev.hotload.compiled;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A language's compiler, kept warm between saves: all a language that compiles to class files must write,
 * with its reloader. The {@link IncrementalBuild} decides what to compile; the compiler compiles it in
 * memory, against the program's other classes, which it must read from their class files (never load them:
 * a loaded class belongs to a generation, and would keep it alive).
 *
 * <p>Not shared between threads: each thread that compiles (a warm-up, say) makes its own.
 */
public interface Compiler extends AutoCloseable {

    /**
     * Compiles {@code sources} against the libraries and the program's other classes.
     *
     * @param sources what to compile, as read for this compile
     * @param earlier the class files of the program's sources that are not recompiled, by binary name
     * @param earlierSources those sources: a compiler that finds sources by itself (Groovy's, by class name)
     *     must not compile them again
     * @return the classes, each with the source it came from, or the errors; never null
     */
    Compilation compile(List<SourceText> sources, Map<String, byte[]> earlier, Set<Path> earlierSources);

    /** @return how this language's errors name their place: javac's {@code Lib.java:3:}, or with a column */
    default CompileErrors.Header errorHeader() {
        return CompileErrors.Header.LINE_AND_COLUMN;
    }

    /** Releases what the compiler holds open (jars, file managers). */
    @Override
    void close();
}
