package dev.hotload.spi;

import dev.hotload.watch.FileKind;
import dev.hotload.watch.PrintableName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked to run: the entry file and how to run it. The same for every language.
 *
 * @param entry the entry file, absolute and normalized
 * @param args arguments for the user's program (what follows {@code --})
 * @param entrypoint a function to call after each reload, or empty
 * @param recursive whether changed modules that the entry uses are reloaded before it
 * @param classpath libraries (jars, folders) loaded once and kept across reloads
 * @param sourceRoots further source roots of a compiled program, compiled and watched with the entry's own (a
 *     Maven module's sibling that it depends on)
 * @param once whether the entry runs once ({@code --once}): then its run is awaited to the end, however long
 * @param restart whether every save restarts the program as a plain reload does ({@code --restart}): no function
 *     patched, no class redefined in place
 * @param compiler the compiler the user named ({@code --compiler}), or empty for the language's default: a name
 *     only the language knows, which it checks with {@link #compilerAmong}
 */
public record Launch(Path entry, List<String> args, Optional<String> entrypoint, boolean recursive, List<Path> classpath,
                     List<Path> sourceRoots, boolean once, boolean restart, Optional<String> compiler) {

    public Launch {
        entry = entry.toAbsolutePath().normalize();
        args = List.copyOf(args);
        Objects.requireNonNull(entrypoint, "entrypoint");
        Objects.requireNonNull(compiler, "compiler");
        classpath = classpath.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        sourceRoots = sourceRoots.stream().map(path -> path.toAbsolutePath().normalize()).toList();
    }

    /** @return a builder for a launch of {@code entry} */
    public static Builder of(Path entry) {
        return new Builder(entry);
    }

    /**
     * Refuses an entry that is not a regular file, in words that say what it is instead. A FIFO, a socket or a
     * device is never opened: reading a FIFO waits for a writer that may never come.
     *
     * @param entry the entry as the user named it
     * @throws LaunchException if it is missing, a folder, or a special file
     */
    public static void requireRegularFile(Path entry) throws LaunchException {
        FileKind kind = FileKind.of(entry);
        switch (kind) {
            case REGULAR -> {
            }
            case MISSING -> throw new LaunchException("no such file: '" + entry + "'");
            case FOLDER -> throw new LaunchException("'" + entry + "' is a folder; name the file to run");
            default -> throw new LaunchException("'" + entry + "' is " + kind.description()
                    + ", not a regular file: hotload reads only regular files; name the source file to run");
        }
    }

    /**
     * The compiler to use, of a language's own: every language checks the user's choice here, so that a name it
     * does not know is refused in the same words (a language with one compiler refuses any other name).
     *
     * @param language the language's name, as messages show it: {@code java}
     * @param names the language's compilers, its default first
     * @return the compiler the user named, or the default
     * @throws LaunchException if the user named another
     */
    public String compilerAmong(String language, List<String> names) throws LaunchException {
        String chosen = compiler.orElse(names.get(0));
        if (names.contains(chosen)) {
            return chosen;
        }
        throw new LaunchException("no compiler '" + PrintableName.of(chosen) + "' for " + language + (names.size() == 1
                ? ": it has one, " + names.get(0) + " (leave out --compiler)"
                : " (choose: " + String.join(", ", names) + ")"));
    }

    /** @return this launch, with {@code name} as the compiler the user named */
    public Launch withCompiler(String name) {
        return new Launch(entry, args, entrypoint, recursive, classpath, sourceRoots, once, restart,
                Optional.of(name));
    }

    /** @return the entry's file name, as messages show it */
    public String entryName() {
        return PrintableName.of(entry.getFileName());
    }

    /** Collects the options of a launch; all but the entry are optional. */
    public static final class Builder {
        private final Path entry;
        private final List<String> args = new ArrayList<>();
        private String entrypoint;
        private boolean recursive;
        private final List<Path> classpath = new ArrayList<>();
        private final List<Path> sourceRoots = new ArrayList<>();
        private boolean once;
        private boolean restart;
        private String compiler;

        private Builder(Path entry) {
            this.entry = Objects.requireNonNull(entry, "entry");
        }

        public Builder args(List<String> values) {
            args.addAll(values);
            return this;
        }

        public Builder entrypoint(String name) {
            entrypoint = name;
            return this;
        }

        public Builder recursive(boolean value) {
            recursive = value;
            return this;
        }

        public Builder classpath(List<Path> values) {
            classpath.addAll(values);
            return this;
        }

        public Builder sourceRoots(List<Path> values) {
            sourceRoots.addAll(values);
            return this;
        }

        public Builder once(boolean value) {
            once = value;
            return this;
        }

        public Builder restart(boolean value) {
            restart = value;
            return this;
        }

        public Builder compiler(String name) {
            compiler = name;
            return this;
        }

        public Launch build() {
            return new Launch(entry, args, Optional.ofNullable(entrypoint), recursive, classpath, sourceRoots, once,
                    restart,
                    Optional.ofNullable(compiler));
        }
    }
}
