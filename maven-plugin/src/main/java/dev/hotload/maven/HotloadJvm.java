package dev.hotload.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * hotload in a JVM of its own, as {@code bin/hotload} starts it ({@code jvm.options}, the agent), on the jars this
 * plugin was resolved with: Maven's class loaders and heap stay out of the program's JVM. Both share the terminal;
 * Ctrl-C reaches both, and Maven waits for hotload's end before its own.
 */
final class HotloadJvm {

    /** How long Maven's end waits for hotload's, which ends within a second of Ctrl-C, before stopping it. */
    private static final long END_WAIT_MILLIS = 1500;

    private final Path java;
    private final List<Path> jars;
    private final Optional<Path> agent;

    /**
     * @param java the {@code java} to start
     * @param jars hotload's jars and their dependencies
     * @param agent hotload's agent jar, one of {@code jars}, if found
     */
    HotloadJvm(Path java, List<Path> jars, Optional<Path> agent) {
        this.java = Objects.requireNonNull(java, "java");
        this.jars = List.copyOf(jars);
        this.agent = agent;
    }

    /**
     * @param jvmOptions the user's options for hotload's JVM, after hotload's own
     * @param launched when the user's command started, for hotload's "started in"
     * @param arguments hotload's command line
     * @return the command that starts hotload
     */
    List<String> command(List<String> jvmOptions, Instant launched, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(sharedOptions());
        agent.ifPresent(jar -> command.add("-javaagent:" + jar));
        command.addAll(jvmOptions);
        command.add("-Dhotload.launched=" + launched.getEpochSecond() + "." + String.format("%06d", launched.getNano() / 1000));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()));
        command.add("dev.hotload.cli.Main");
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs {@code command} in {@code folder} on this process's terminal and waits for its end.
     *
     * @return its exit status
     */
    static int run(List<String> command, Path folder) throws IOException, InterruptedException {
        Process hotload = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
        // Maven ends on Ctrl-C too, and at once: it waits for hotload's last words, and stops a hotload that Maven's
        // own end (SIGTERM to Maven alone) did not reach.
        Thread waitForHotload = new Thread(() -> {
            try {
                if (!hotload.waitFor(END_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    hotload.destroy();
                    if (!hotload.waitFor(END_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        hotload.destroyForcibly();
                    }
                }
            } catch (InterruptedException ending) {
                hotload.destroyForcibly();
            }
        }, "hotload-end");
        Runtime.getRuntime().addShutdownHook(waitForHotload);
        try {
            return hotload.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(waitForHotload);
            } catch (IllegalStateException alreadyEnding) {
                // Maven is ending: the hook runs, and hotload has ended.
            }
        }
    }

    /** @return the options of {@code jvm.options}, which {@code bin/hotload} reads too */
    static List<String> sharedOptions() {
        InputStream file = HotloadJvm.class.getResourceAsStream("jvm.options");
        if (file == null) {
            throw new IllegalStateException("jvm.options is missing from the plugin's jar");
        }
        List<String> options = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    options.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options;
    }
}
