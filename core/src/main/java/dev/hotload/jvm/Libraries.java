package dev.hotload.jvm;

import dev.hotload.spi.LaunchException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --classpath} libraries: loaded once, by the parent of every generation, and kept across reloads. */
public final class Libraries {

    private Libraries() {
    }

    /**
     * @param classpath jars and folders
     * @param parent what the libraries see above them: an {@link ApiLoader}
     * @return their class loader
     * @throws LaunchException if one of them does not exist
     */
    public static URLClassLoader load(List<Path> classpath, ClassLoader parent) throws LaunchException {
        List<URL> urls = new ArrayList<>();
        for (Path library : classpath) {
            if (!Files.exists(library)) {
                throw new LaunchException("no such library: '" + library + "' (--classpath)");
            }
            try {
                urls.add(library.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new LaunchException("cannot use the library '" + library + "': " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** Closes the libraries' jars when hotload stops; a failure is told on {@code err}, and nothing else. */
    public static void close(URLClassLoader libraries, PrintStream err) {
        try {
            libraries.close();
        } catch (IOException e) {
            err.println("hotload: could not close the libraries: " + e.getMessage());
        }
    }
}
