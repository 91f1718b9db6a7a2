package dev.hotload.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The hotload under measurement: its home, its jars, and {@code bin/hotload} started as a user starts it. */
record MeasuredHotload(Path home) {

    /** @return the jar in hotload's class path whose name starts with {@code prefix} */
    Path jar(String prefix) {
        try (Stream<Path> jars = Files.list(home.resolve("cli/target/lib"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("no build of hotload in " + home, e);
        }
    }

    /** @return {@code bin/hotload --no-clear arguments}, started in {@code dir} with nothing on standard input */
    Running start(Path dir, List<String> arguments) throws IOException {
        return start(dir, arguments, Map.of());
    }

    /**
     * @param environment added to bin/hotload's environment: {@code JAVA}, {@code HOTLOAD_JAVA_OPTS}, ...
     * @return {@code bin/hotload --no-clear arguments}, started in {@code dir} with nothing on standard input
     */
    Running start(Path dir, List<String> arguments, Map<String, String> environment) throws IOException {
        return startCommand(dir, command(arguments), environment);
    }

    /**
     * @return {@code bin/hotload --no-clear arguments} as {@link #start} starts it, its own lines (standard error)
     *     read among the program's: where they are what is measured, as a test run's summary is
     */
    Running startReadingItsLines(Path dir, List<String> arguments) throws IOException {
        return startCommand(dir, command(arguments), Map.of(), true);
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/hotload").toString(), "--no-clear"));
        command.addAll(arguments);
        return command;
    }

    /** @return {@code command}, a program to compare hotload with, started as {@link #start} starts hotload */
    static Running startCommand(Path dir, List<String> command) throws IOException {
        return startCommand(dir, command, Map.of());
    }

    private static Running startCommand(Path dir, List<String> command, Map<String, String> environment)
            throws IOException {
        return startCommand(dir, command, environment, false);
    }

    private static Running startCommand(Path dir, List<String> command, Map<String, String> environment,
            boolean withErrors) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(new File("/dev/null"));
        if (withErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        return new Running(builder.start(), start);
    }

    /** A running bin/hotload: its standard output's lines, each with the moment it was read. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final long started;
        private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        private record Line(String text, long readAt) {
        }

        private Running(Process process, long started) {
            this.process = process;
            this.started = started;
            Thread reader = new Thread(this::read, "bench-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        /** @return when the process was started, by {@link System#nanoTime()} */
        long started() {
            return started;
        }

        /** @return when the first line was read, by {@link System#nanoTime()} */
        long awaitFirst() throws InterruptedException {
            Line line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("no output within 60 s");
            }
            seen.add(line.text());
            return line.readAt();
        }

        /** @return when the line {@code wanted} was read, by {@link System#nanoTime()} */
        long await(String wanted) throws InterruptedException {
            return await(wanted::equals, wanted);
        }

        /** @return when a line containing {@code wanted} was read, by {@link System#nanoTime()} */
        long awaitContaining(String wanted) throws InterruptedException {
            return await(line -> line.contains(wanted), wanted);
        }

        private long await(Predicate<String> matches, String wanted) throws InterruptedException {
            while (true) {
                Line line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null) {
                    throw new IllegalStateException("no output '" + wanted + "' within 60 s; output so far: " + seen);
                }
                seen.add(line.text());
                if (matches.test(line.text())) {
                    return line.readAt();
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    // Maven (mvn hotload:run) starts its output with a colour reset that no terminal shows.
                    lines.add(new Line(line.replace("\u001B[0m", ""), System.nanoTime()));
                }
            } catch (IOException closed) {
                // The process ended.
            }
        }
    }
}
