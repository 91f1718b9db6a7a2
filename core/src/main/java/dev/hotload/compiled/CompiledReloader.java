package dev.hotload.compiled;

import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.Session;
import dev.hotload.spi.TestFramework;
import dev.hotload.watch.PrintableName;
import dev.hotload.watch.WatchSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The reloader of a language that compiles to class files: its entry's source tree is the program, watched by
 * default, and its session is a {@link CompiledSession}. A language says what is its own in
 * {@link #session(Launch, SourceTree)}: its compiler, its libraries' loader, how it finds its entry.
 */
public abstract class CompiledReloader implements Reloader {

    private final String name;
    private final String extension;
    private final String description;

    /**
     * @param name the language's short name, e.g. {@code java}
     * @param extension its sources' extension, with its dot
     * @param description a few words for {@code --languages}, e.g. {@code java (.java): Java classes}
     */
    protected CompiledReloader(String name, String extension, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.extension = Objects.requireNonNull(extension, "extension");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> extensions() {
        return Set.of(extension);
    }

    @Override
    public final String description() {
        return description;
    }

    /**
     * @return the entry's source tree: its folder, or the folder its package declaration implies, and the launch's
     *     further source roots
     */
    @Override
    public final WatchSet defaultWatchSet(Launch launch) {
        return SourceTree.watchSetOf(launch, extension);
    }

    @Override
    public final Session open(Launch launch) throws LaunchException {
        return session(launch).build();
    }

    /** @return the session of {@code launch}, not built yet: tests adjust it (where errors go, how long it waits) */
    public final CompiledSession.Builder session(Launch launch) throws LaunchException {
        Launch.requireRegularFile(launch.entry());
        requireFolders(launch.sourceRoots());
        return session(launch, tree(launch.entry()).withRoots(launch.sourceRoots()));
    }

    private static void requireFolders(List<Path> roots) throws LaunchException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new LaunchException("--source-root '" + PrintableName.of(root) + "' is not a folder");
            }
        }
    }

    @Override
    public final Session openTests(Launch launch, boolean everyTest, Function<ClassLoader, TestFramework> jvmTests)
            throws LaunchException {
        CompiledSession.Builder builder = tests(launch);
        try {
            return builder.buildTests(jvmTests, everyTest);
        } catch (IllegalStateException noFramework) {
            throw new LaunchException("--test: " + noFramework.getMessage(), noFramework);
        }
    }

    /**
     * The tests of a program ({@code hotload --test}), not built yet ({@link CompiledSession.Builder#buildTests}):
     * {@code launch}'s source roots hold its main and test sources, and its entry names the project, not a file.
     */
    public final CompiledSession.Builder tests(Launch launch) throws LaunchException {
        requireFolders(launch.sourceRoots());
        return session(launch, new SourceTree(launch.sourceRoots(), "", extension));
    }

    /** @return the entry's own source tree (its root alone), or why the entry cannot be part of one */
    protected SourceTree tree(Path entry) throws LaunchException {
        return SourceTree.of(entry, extension);
    }

    /**
     * @param launch the entry and its options
     * @param tree the entry's source tree
     * @return the language's session: its compiler, libraries and entry finder, and any option of its own
     * @throws LaunchException if the language cannot run this entry at all
     */
    protected abstract CompiledSession.Builder session(Launch launch, SourceTree tree) throws LaunchException;
}
