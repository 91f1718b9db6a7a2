package dev.hotload.cli;

import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Reloader;
import dev.hotload.watch.WatchSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what to watch, in the order the user would expect: {@code --watch} paths; else file names piped on
 * standard input; else the language's default (the entry's folder tree), or, with commands and no entry, the
 * working folder's tree, as watchexec does. The entry itself is always watched.
 */
final class WatchSetChoice {

    private WatchSetChoice() {
    }

    /**
     * @param watchPaths the {@code --watch} options, files or folders
     * @param extensions the {@code --ext} options; the language's extensions if empty
     * @param piped the file names from standard input, read only when needed; empty if none
     */
    static WatchSet choose(List<Path> watchPaths, List<String> extensions, Supplier<List<Path>> piped,
                           Reloader reloader, Launch launch) throws LaunchException {
        List<String> folderExtensions = extensions.isEmpty() ? List.copyOf(reloader.extensions()) : extensions;
        WatchSet chosen = chosen(watchPaths, folderExtensions, piped).orElseGet(() -> {
            WatchSet fallback = reloader.defaultWatchSet(launch);
            return extensions.isEmpty() ? fallback
                    : WatchSet.builder().folders(fallback.folders()).files(fallback.files()).extensions(extensions).build();
        });
        return chosen.plusFile(launch.entry());
    }

    /**
     * What {@code hotload --run CMD} watches with no entry.
     *
     * @param extensions the {@code --ext} options; every file if empty, as nothing says which files matter
     * @param workingFolder watched, its whole tree, when neither {@code --watch} nor standard input says otherwise
     */
    static WatchSet forCommands(List<Path> watchPaths, List<String> extensions, Supplier<List<Path>> piped,
                                Path workingFolder) throws LaunchException {
        return chosen(watchPaths, extensions, piped).orElseGet(() -> WatchSet.ofTree(workingFolder, extensions));
    }

    /** @return the {@code --watch} paths, else the piped files; empty if there are neither */
    private static Optional<WatchSet> chosen(List<Path> watchPaths, Collection<String> folderExtensions,
                                             Supplier<List<Path>> piped) throws LaunchException {
        if (!watchPaths.isEmpty()) {
            WatchSet.Builder builder = WatchSet.builder().extensions(folderExtensions);
            for (Path path : watchPaths) {
                if (Files.isDirectory(path)) {
                    builder.folder(path);
                } else if (Files.exists(path)) {
                    builder.file(path);
                } else {
                    throw new LaunchException("no such file or folder to watch: '" + path + "'");
                }
            }
            return Optional.of(builder.build());
        }
        List<Path> files = piped.get();
        for (Path file : files) {
            // Else a typo in a hand-typed list would watch nothing there, silently, for the whole session.
            if (!Files.exists(file)) {
                throw new LaunchException("no such file to watch: '" + file + "' (named on standard input)");
            }
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(WatchSet.ofFiles(files));
    }
}
