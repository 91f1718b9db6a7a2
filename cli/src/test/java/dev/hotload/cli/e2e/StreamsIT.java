package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing the program does to its standard streams silences hotload or the next run: a run stopped while it
 * prints, streams set to null, closed, in every language; through a pipe, a file and a terminal.
 */
class StreamsIT {

    /** A loop that ignores its interrupt is stopped 2 s after the save that replaces it. */
    private static final Duration STOPPED = RELOAD.plusSeconds(2);

    /** The program: an endless loop that prints every 500 turns. */
    private static final String PRINTING_LOOP = "i = 0\nwhile True:\n    i += 1\n    if i % 500 == 0:\n"
            + "        print('tick %d' % i)\n";

    @TempDir
    Path dir;

    /** Where standard output and error go: what the JDK does to a closed descriptor differs by none of them. */
    enum Sink {
        PIPE("%s 2>&1 | cat > %s"),
        FILE("%s > %s 2>&1"),
        TERMINAL(null);

        private final String redirect;

        Sink(String redirect) {
            this.redirect = redirect;
        }

        /** @return the command that runs {@code hotload} with both streams to {@code log} through this sink */
        List<String> command(String hotload, Path log) {
            if (this == TERMINAL) {
                // script(1) gives hotload a pseudo-terminal and writes what it shows to the log, line by line.
                return List.of("/usr/bin/script", "-qfec", hotload, log.toString());
            }
            return List.of("bash", "-c", String.format(redirect, hotload, log));
        }
    }

    @ParameterizedTest
    @EnumSource(Sink.class)
    void aPythonLoopThatPrintsLeavesOutputAndStatusLinesHeardOnceReplaced(Sink sink) throws Exception {
        assumeTrue(sink != Sink.TERMINAL || Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives a terminal");
        Path entry = Files.writeString(dir.resolve("lib.py"), Lang.PYTHON.program(0));
        try (Log log = Log.start(dir, sink, "--no-clear lib.py")) {
            log.await("Result: 0", START);
            Files.writeString(entry, PRINTING_LOOP);
            log.await("tick", RELOAD);
            log.await("is still running after 500 ms", RELOAD);
            Files.writeString(entry, Lang.PYTHON.program(1));
            log.await("Result: 1", STOPPED);
            log.await("lib.py changed, reloaded", RELOAD);
            Files.writeString(entry, Lang.PYTHON.program(2));
            log.await("Result: 2", RELOAD);
            log.await("lib.py changed, reloaded", RELOAD);
            // Stopped in the middle of a print, the loop's last line is ended and written once, not again and
            // glued to the next run's first.
            assertThat(log.lines()).contains("Result: 1").noneMatch(line -> line.matches(".*tick \\d+.*tick.*"))
                    .noneMatch(line -> line.matches("tick \\d+Result.*"));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void streamsSetToNullAreGivenBackToTheNextRun(Lang lang) throws Exception {
        String broken = switch (lang) {
            case PYTHON -> "import sys\nfrom java.lang import System\nsys.stdout = None\nsys.stderr = None\n"
                    + "System.setOut(None)\nSystem.setErr(None)\n";
            case JAVA -> lang.statement("System.setOut(null); System.setErr(null);");
            case GROOVY -> lang.statement("System.setOut(null); System.setErr(null)");
        };
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, broken);
            awaitReloaded(hotload, lang);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            awaitReloaded(hotload, lang);
            // The broken run ended, and said so: not reported as running on, nor as hotload's NullPointerException.
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("still running"))
                    .noneMatch(line -> line.contains("NullPointerException"));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void closedStreamsAreOpenAgainForTheNextRunAndHotloadIsStillHeard(Lang lang) throws Exception {
        String closing = switch (lang) {
            case PYTHON -> "import sys\nfrom java.lang import System\nsys.stdout.close()\nsys.stderr.close()\n"
                    + "System.out.close()\nSystem.err.close()\n";
            case JAVA -> lang.statement("System.out.close(); System.err.close();");
            case GROOVY -> lang.statement("System.out.close(); System.err.close()");
        };
        String broken = switch (lang) {
            case PYTHON -> "x = (1 +\n";
            case JAVA -> "public class Lib { void f() { int x = 1 } }\n";
            case GROOVY -> "def x = (1 +\n";
        };
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, closing);
            awaitReloaded(hotload, lang);
            // hotload's own lines, compile errors included, go on after the program closed System.err.
            Files.writeString(entry, broken);
            hotload.awaitErr(lang == Lang.PYTHON ? "SyntaxError" : "error:", RELOAD);
            hotload.awaitErr(lang.entry + " changed, failed in", RELOAD);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            awaitReloaded(hotload, lang);
        }
    }

    private static void awaitReloaded(HotloadProcess hotload, Lang lang) throws InterruptedException {
        hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
    }

    /** hotload started through a sink, both its streams in one log file, read as it grows. */
    private static final class Log implements AutoCloseable {

        private final Process process;
        private final Path file;
        private long read;

        private Log(Process process, Path file) {
            this.process = process;
            this.file = file;
        }

        static Log start(Path dir, Sink sink, String args) throws IOException {
            Path log = dir.resolve("hotload.log");
            String hotload = HotloadProcess.home().resolve("bin/hotload") + " " + args;
            ProcessBuilder builder = new ProcessBuilder(sink.command(hotload, log)).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("sink.err").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("HOTLOAD_"));
            return new Log(builder.start(), log);
        }

        /** Waits for {@code text} after what the last await found, polling the file, until the deadline. */
        void await(String text, Duration timeout) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String unread = unread();
                int at = unread.indexOf(text);
                if (at >= 0) {
                    read += unread.substring(0, at + text.length()).getBytes(StandardCharsets.UTF_8).length;
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' in the log within " + timeout + "\n" + tail(unread));
                }
                Thread.sleep(20); // polling a file that grows; the deadline is the assertion
            }
        }

        /** @return every line of the log so far, without a terminal's carriage returns */
        List<String> lines() throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8).lines().map(line -> line.replace("\r", "")).toList();
        }

        /** @return the log from the end of the last text found: the program's ticks make it megabytes */
        private String unread() throws IOException {
            if (!Files.exists(file)) {
                return "";
            }
            try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
                byte[] bytes = new byte[(int) Math.max(0, log.length() - read)];
                log.seek(read);
                log.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }

        /** The log without the program's ticks, which may be megabytes. */
        private static String tail(String content) {
            return String.join("\n", content.lines().filter(line -> !line.matches("(tick \\d+)+")).toList());
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
