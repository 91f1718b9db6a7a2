package dev.hotload.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The installed languages, and which one runs a given entry. */
public final class ReloaderRegistry {

    private final List<Reloader> reloaders;

    private ReloaderRegistry(List<Reloader> reloaders) throws LaunchException {
        this.reloaders = List.copyOf(reloaders);
        checkNoClashes();
    }

    /**
     * Finds every reloader on the class path of {@code loader} with {@link ServiceLoader}.
     *
     * @throws LaunchException if two reloaders claim the same name or extension
     */
    public static ReloaderRegistry discover(ClassLoader loader) throws LaunchException {
        List<Reloader> found = new ArrayList<>();
        ServiceLoader.load(Reloader.class, loader).forEach(found::add);
        return new ReloaderRegistry(found);
    }

    /**
     * A registry of exactly these reloaders, with discovery off: for embedders and tests.
     *
     * @throws LaunchException if two reloaders claim the same name or extension
     */
    public static ReloaderRegistry of(Collection<? extends Reloader> reloaders) throws LaunchException {
        return new ReloaderRegistry(new ArrayList<>(reloaders));
    }

    /** @return the installed reloaders, in discovery order */
    public List<Reloader> reloaders() {
        return reloaders;
    }

    /** @return the installed languages' names, sorted, as messages list them: {@code groovy, java, python} */
    public String names() {
        return reloaders.isEmpty() ? "none" : String.join(", ", reloaders.stream().map(Reloader::name).sorted().toList());
    }

    /**
     * Picks the reloader for an entry: the one named by {@code lang} if given, else the one claiming the
     * entry's extension.
     *
     * @throws LaunchException naming the installed languages, if none fits
     */
    public Reloader forEntry(Path entry, Optional<String> lang) throws LaunchException {
        if (reloaders.isEmpty()) {
            throw new LaunchException("no language is installed: put a jar with a dev.hotload.spi.Reloader "
                    + "service (such as hotload-lang-python) on the class path");
        }
        if (lang.isPresent()) {
            return byName(lang.get()).orElseThrow(() -> new LaunchException(
                    "no language named '" + lang.get() + "' (installed: " + names() + ")"));
        }
        String fileName = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return reloaders.stream()
                .filter(reloader -> reloader.extensions().stream().anyMatch(fileName::endsWith))
                .findFirst()
                .orElseThrow(() -> new LaunchException("no language for '" + entry.getFileName()
                        + "'; installed: " + namesAndExtensions() + "; use --lang NAME to choose one"));
    }

    private Optional<Reloader> byName(String name) {
        return reloaders.stream().filter(reloader -> reloader.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Names and extensions only: descriptions have commas of their own, and a run of them reads as one. */
    private String namesAndExtensions() {
        return String.join(", ", reloaders.stream().sorted(Comparator.comparing(Reloader::name))
                .map(reloader -> reloader.name() + " (" + String.join(", ", reloader.extensions().stream().sorted().toList()) + ")")
                .toList());
    }

    /**
     * @return a line per installed reloader, by name: its description, its version and where it was loaded from;
     *     so that a user with two builds or a third-party jar on the class path can tell which one runs
     */
    public List<String> listing() {
        return reloaders.stream().sorted(Comparator.comparing(Reloader::name))
                .map(reloader -> reloader.description() + " (" + version(reloader) + ", " + location(reloader) + ")")
                .toList();
    }

    /** @return the version in the manifest of the reloader's jar: its Implementation-Version */
    static String version(Reloader reloader) {
        String version = reloader.getClass().getPackage().getImplementationVersion();
        return version == null ? "no version" : "version " + version;
    }

    /** @return the jar or folder the reloader's class came from */
    static String location(Reloader reloader) {
        var source = reloader.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "built in" : source.getLocation().getPath();
    }

    private void checkNoClashes() throws LaunchException {
        Map<String, Reloader> byName = new HashMap<>();
        Map<String, Reloader> byExtension = new HashMap<>();
        for (Reloader reloader : reloaders) {
            Reloader twin = byName.putIfAbsent(reloader.name().toLowerCase(Locale.ROOT), reloader);
            if (twin != null) {
                throw clash("name '" + reloader.name() + "'", twin, reloader);
            }
            for (String extension : reloader.extensions()) {
                Reloader other = byExtension.putIfAbsent(extension.toLowerCase(Locale.ROOT), reloader);
                if (other != null) {
                    throw clash("extension '" + extension + "'", other, reloader);
                }
            }
        }
    }

    private static LaunchException clash(String what, Reloader first, Reloader second) {
        return new LaunchException("two reloaders claim the " + what + ": " + origin(first) + " and "
                + origin(second) + "; remove one from the class path");
    }

    private static String origin(Reloader reloader) {
        var source = reloader.getClass().getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "" : " in " + source.getLocation().getPath();
        return reloader.getClass().getName() + where;
    }
}
