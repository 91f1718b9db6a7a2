package dev.hotload.cli;

import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Reloader;
import dev.hotload.watch.WatchSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides what to watch, in the order the user would expect: {@code --watch} paths; else file names piped on
 * standard input; else the language's default (the entry's folder tree). The entry itself is always watched.
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
            return builder.build().plusFile(launch.entry());
        }
        List<Path> files = piped.get();
        for (Path file : files) {
            // Else a typo in a hand-typed list would watch nothing there, silently, for the whole session.
            if (!Files.exists(file)) {
                throw new LaunchException("no such file to watch: '" + file + "' (named on standard input)");
            }
        }
        if (!files.isEmpty()) {
            return WatchSet.ofFiles(files).plusFile(launch.entry());
        }
        WatchSet fallback = reloader.defaultWatchSet(launch);
        if (!extensions.isEmpty()) {
            fallback = WatchSet.builder().folders(fallback.folders()).files(fallback.files())
                    .extensions(extensions).build();
        }
        return fallback.plusFile(launch.entry());
    }
}
