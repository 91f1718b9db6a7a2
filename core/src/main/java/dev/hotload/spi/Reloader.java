package dev.hotload.spi;

import dev.hotload.watch.WatchSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A language hotload can reload. Implementations are found with {@link java.util.ServiceLoader}: a jar on the
 * class path that lists its class in {@code META-INF/services/dev.hotload.spi.Reloader} adds a language,
 * with no change to hotload itself. They need a public no-argument constructor and must be cheap to create:
 * every installed reloader is created at start, but only the chosen one is {@linkplain #open opened}.
 */
public interface Reloader {

    /** @return the language's short name, used by {@code --lang} and in messages, e.g. {@code python}; never null */
    String name();

    /** @return the entry file extensions this reloader runs, with their dot, e.g. {@code .py}; never empty */
    Set<String> extensions();

    /**
     * Loads what the entry needs once (the interpreter, libraries, the entry itself) and returns the session
     * that runs it on every change. Nothing of the user's code runs yet.
     *
     * @param launch the entry and its options
     * @return the session, never null
     * @throws LaunchException if the entry cannot be run at all (the session never starts)
     */
    Session open(Launch launch) throws LaunchException;

    /**
     * The tests of a project, run on every save ({@code hotload --test}): those the save can affect, or all of them.
     * None by default.
     *
     * @param launch the project: its folder as the entry, its source roots, its libraries
     * @param everyTest whether every save runs every test
     * @param jvmTests the test framework of the JVM's languages, loaded over a program's libraries; for a language
     *     that compiles to classes
     * @return the session, which runs the tests instead of an entry
     * @throws LaunchException if this language has no tests on save, or the project cannot be tested
     */
    default Session openTests(Launch launch, boolean everyTest, Function<ClassLoader, TestFramework> jvmTests)
            throws LaunchException {
        throw new LaunchException("--test: " + name() + " has no tests on save");
    }

    /**
     * @param launch the entry and its options
     * @return what to watch when the user names nothing: by default the entry's folder tree, files with this
     *     reloader's extensions
     */
    default WatchSet defaultWatchSet(Launch launch) {
        return WatchSet.ofTree(launch.entry().getParent(), extensions());
    }

    /**
     * @return a few words saying what this reloader runs, for {@code --languages}: {@code python (.py): Jython 2.7
     *     modules}; never null. By default its class, so that a reloader that says no more is still told apart.
     */
    default String description() {
        return name() + " (" + String.join(", ", extensions().stream().sorted().toList()) + "): " + getClass().getName();
    }
}
