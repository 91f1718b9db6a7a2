package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the tree and the program can hold that hotload must not trip on: files the user ignores (never a run),
 * special files (never opened), an entry
 * that is a link out of the tree (watched through it), names with control characters (printed escaped), and
 * threads a run leaves behind (stopped with the code they run, or named).
 */
class TreeAndThreadsIT {

    /** A thread that ignores its interrupt is stopped 2 s after the save that replaces its run. */
    private static final Duration STOPPED = RELOAD.plusSeconds(2);

    @TempDir
    Path dir;

    // --- ignored files -----------------------------------------------------------------------------------------

    @Test
    void whatTheGitignoreAnIgnoreGlobOrBuildOutputNamesNeverTriggersARunUnlessIgnoreFilesAreOff() throws Exception {
        Path entry = Files.writeString(dir.resolve("main.py"), Lang.PYTHON.program(0));
        Files.writeString(dir.resolve(".gitignore"), "gen/\n*_pb.py\n");
        List<Path> ignored = List.of(dir.resolve("gen/out.py"), dir.resolve("msg_pb.py"), dir.resolve("build/lib/copy.py"),
                dir.resolve("scratch/try.py"), dir.resolve(".git/hook.py"));
        for (Path file : ignored) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x = 0\n");
        }
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--ignore", "scratch/", "main.py")) {
            hotload.awaitOut("Result: 0", START);
            for (Path file : ignored) {
                Files.writeString(file, "x = 1\n");
            }
            Files.writeString(entry, Lang.PYTHON.program(1));
            // Saved before the entry: had they been watched, they would be named here, or in a line before.
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).contains("hotload: main.py changed, ");
            hotload.awaitOut("Result: 1", RELOAD);
        }
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-ignore-files", "main.py")) {
            hotload.awaitOut("Result: 1", START);
            Files.writeString(dir.resolve("gen/out.py"), "x = 2\n");
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).contains("hotload: out.py changed, ");
        }
    }

    // --- special files -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Lang.class)
    @EnabledOnOs(OS.LINUX)
    void aFifoNamedLikeASourceIsNeverOpened(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        mkfifo(dir.resolve(lang == Lang.PYTHON ? "other.py" : lang == Lang.JAVA ? "Other.java" : "Other.groovy"));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            // Made while watching: a file event names it.
            mkfifo(dir.resolve(lang == Lang.PYTHON ? "late.py" : lang == Lang.JAVA ? "Late.java" : "Late.groovy"));
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    @EnabledOnOs(OS.LINUX)
    void anEntryThatIsAFifoIsRefusedAsAMissingOneIs(Lang lang) throws Exception {
        mkfifo(dir.resolve(lang.entry));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).containsExactly("hotload: '" + lang.entry + "' is a FIFO (named pipe),"
                    + " not a regular file: hotload reads only regular files; name the source file to run");
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    @EnabledOnOs(OS.LINUX)
    void anEntryReplacedByAFifoWaitsForAFileAgain(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            // Renamed over it, so that no look finds the entry merely missing in between.
            Path fifo = dir.resolve("fifo.tmp");
            mkfifo(fifo);
            Files.move(fifo, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            hotload.awaitErr("(entry is a FIFO (named pipe)); waiting for the next save", RELOAD);
            Files.delete(entry);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
        }
    }

    // --- an entry that is a link -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anEntryLinkedOutOfTheTreeReloadsWhenItsTargetIsSavedAndFollowsTheLinkWhenRepointed(Lang lang)
            throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve(lang.entry), lang.program(0));
        Path other = Files.writeString(Files.createDirectories(dir.resolve("other")).resolve(lang.entry), lang.program(2));
        Path project = Files.createDirectories(dir.resolve("project"));
        Path entry = Files.createSymbolicLink(project.resolve(lang.entry), Path.of("../real", lang.entry));
        try (HotloadProcess hotload = HotloadProcess.hotload(project, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);

            Files.writeString(real, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);

            // Pointed elsewhere, as a switch between versions does: atomically, by renaming a new link over it.
            Path swap = Files.createSymbolicLink(project.resolve("swap.tmp"), other);
            Files.move(swap, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            hotload.awaitOut("Result: 2", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);

            Files.writeString(other, lang.program(3));
            hotload.awaitOut("Result: 3", RELOAD);
        }
    }

    // --- names with control characters -------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aFileNameWithANewlineCannotForgeALineOfHotloads(Lang lang) throws Exception {
        String forged = "odd\nhotload: forged" + lang.entry.substring(lang.entry.lastIndexOf('.'));
        String escaped = forged.replace("\n", "\\n");
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        Path odd = Files.writeString(dir.resolve(forged), oddSource(lang, "x = 1"));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);

            Files.writeString(odd, oddSource(lang, "x = 2"));
            hotload.awaitErr("hotload: " + escaped + " changed,", RELOAD);
            if (lang == Lang.JAVA) {
                // Java compiles the whole tree, this file too, and names it in its errors.
                Files.writeString(odd, oddSource(lang, "x = "));
                hotload.awaitErr(escaped + ":", RELOAD);
                hotload.awaitErr("hotload: " + escaped + " changed, failed in", RELOAD);
                Files.writeString(odd, oddSource(lang, "x = 3"));
                hotload.awaitErr("hotload: " + escaped + " changed,", RELOAD);
            }
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            hotload.awaitErr(lang.entry + " changed, reloaded", RELOAD);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.startsWith("hotload: forged"));
        }
    }

    /** A trace names the file in its frames: Jython's traceback, the JVM's frames of a Groovy script. */
    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"PYTHON", "GROOVY"})
    void aFileNameWithANewlineCannotForgeALineInATrace(Lang lang) throws Exception {
        String forged = "odd\nhotload: forged" + lang.entry.substring(lang.entry.lastIndexOf('.'));
        Files.writeString(dir.resolve(forged), lang == Lang.PYTHON ? "raise ValueError('boom')\n"
                : "throw new IllegalStateException('boom')\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", forged)) {
            assertThat(hotload.awaitExit(START)).isEqualTo(1);
            assertThat(hotload.stderrLines()).anyMatch(line -> line.contains("boom"))
                    .anyMatch(line -> line.contains("odd\\nhotload: forged"))
                    .noneMatch(line -> line.startsWith("hotload: forged"));
        }
    }

    // --- threads a run leaves behind ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"JAVA", "GROOVY"})
    void aThreadThatNeverEndsIsStoppedWithTheRunThatStartedIt(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), startsTicker(lang, 0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0 tickers: 1", START);
            for (int n = 1; n <= 3; n++) {
                Files.writeString(entry, startsTicker(lang, n));
                // One thread per save, were the old ones left: 2, 3, 4.
                hotload.awaitOut("Result: " + n + " tickers: 1", STOPPED);
                hotload.awaitErr("hotload: stopped 1 thread the previous run left running, which ignored the"
                        + " interrupt: ticker-" + (n - 1), RELOAD);
                // Its ticker still ran: the program was running, and its entry changed, so it is restarted.
                assertThat(hotload.awaitErr(lang.entry + " changed, ", RELOAD)).contains("restarted (")
                        .contains("changed, and it runs only at the start");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = {"JAVA", "GROOVY"})
    void aPoolKeptAcrossReloadsKeepsItsThreads(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), usesKeptPool(lang, 0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0 from kept-pool", START);
            for (int n = 1; n <= 2; n++) {
                Files.writeString(entry, usesKeptPool(lang, n));
                hotload.awaitOut("Result: " + n + " from kept-pool", RELOAD);
                // The first save finds the pool's thread, which the first run started, running: the program ran, and
                // its entry changed, so it is restarted. From then on the pool is an earlier run's, kept: each run
                // that ends has ended, and the next save reloads.
                assertThat(hotload.awaitErr(lang.entry + " changed, ", RELOAD))
                        .contains(n == 1 ? "changed, and it runs only at the start" : "reloaded in");
            }
            assertThat(hotload.stderrLines()).filteredOn(line -> line.contains("kept-pool"))
                    .as("named once, when first left running").containsExactly("hotload: kept running what the"
                            + " previous run started outside the program's code (a kept pool or server): kept-pool");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Lang.class, names = "PYTHON")
    void pythonThreadsOfEarlierRunsAreNamedOnceAndLeftRunning(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), pythonThreads(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0 keeper alive: True", START);
            Files.writeString(entry, pythonThreads(1));
            hotload.awaitErr("hotload: threads started by earlier runs still run (a module's globals outlive a save,"
                    + " so hotload stops none): keeper, ticker-0", RELOAD);
            hotload.awaitOut("Result: 1 keeper alive: True", RELOAD);
            Files.writeString(entry, pythonThreads(2));
            hotload.awaitErr("hotload: threads started by earlier runs still run (a module's globals outlive a save,"
                    + " so hotload stops none): ticker-1", RELOAD);
            hotload.awaitOut("Result: 2 keeper alive: True", RELOAD);
            // loop() is patched in place; the threads already in it go on in the frame they run
            hotload.awaitErr(lang.entry + " changed, patched in place (1 function) in", RELOAD);
        }
    }

    /** A program that starts a thread that never ends, ignoring interrupts, and counts such threads. */
    private static String startsTicker(Lang lang, int n) {
        String loop = "while (true) { try { Thread.sleep(20); } catch (InterruptedException ignored) { } }";
        return switch (lang) {
            case JAVA -> "public class Lib {\n    public static void main(String[] args) {\n"
                    + "        Thread ticker = new Thread(() -> { " + loop + " }, \"ticker-" + n + "\");\n"
                    + "        ticker.setDaemon(false);\n        ticker.start();\n"
                    + "        long tickers = Thread.getAllStackTraces().keySet().stream()"
                    + ".filter(t -> t.getName().startsWith(\"ticker\")).count();\n"
                    + "        System.out.println(\"Result: " + n + " tickers: \" + tickers);\n    }\n}\n";
            case GROOVY -> "def ticker = new Thread({ " + loop + " } as Runnable, 'ticker-" + n + "')\n"
                    + "ticker.daemon = false\nticker.start()\n"
                    + "def tickers = Thread.allStackTraces.keySet().count { it.name.startsWith('ticker') }\n"
                    + "println \"Result: " + n + " tickers: $tickers\"\n";
            case PYTHON -> throw new IllegalArgumentException("no Python here");
        };
    }

    /** A program that keeps a pool with {@code Hotload.keep}, and runs a task in it. */
    private static String usesKeptPool(Lang lang, int n) {
        return switch (lang) {
            case JAVA -> "import java.util.concurrent.*;\npublic class Lib {\n"
                    + "    public static void main(String[] args) throws Exception {\n"
                    + "        ExecutorService pool = dev.hotload.Hotload.keep(\"pool\",\n"
                    + "                () -> Executors.newSingleThreadExecutor(task -> new Thread(task, \"kept-pool\")));\n"
                    + "        String where = pool.submit(() -> Thread.currentThread().getName()).get();\n"
                    + "        System.out.println(\"Result: " + n + " from \" + where);\n    }\n}\n";
            case GROOVY -> "import java.util.concurrent.*\n"
                    + "def pool = dev.hotload.Hotload.keep('pool') {\n"
                    + "    Executors.newSingleThreadExecutor({ task -> new Thread(task, 'kept-pool') } as ThreadFactory)\n}\n"
                    + "def where = pool.submit({ Thread.currentThread().name } as Callable).get()\n"
                    + "println \"Result: " + n + " from $where\"\n";
            case PYTHON -> throw new IllegalArgumentException("no Python here");
        };
    }

    /** A module that keeps one thread with the NameError idiom, and starts another on every run. */
    private static String pythonThreads(int n) {
        return "import threading, time\n"
                + "def loop():\n    while True:\n        time.sleep(0.05)\n"
                + "try:\n    keeper\nexcept NameError:\n"
                + "    keeper = threading.Thread(target=loop, name='keeper')\n    keeper.daemon = True\n    keeper.start()\n"
                + "ticker = threading.Thread(target=loop, name='ticker-" + n + "')\nticker.daemon = True\nticker.start()\n"
                + "print('Result: " + n + " keeper alive: %s' % keeper.is_alive())\n";
    }

    /** A source that is not the entry, whose name the status line shows. */
    private static String oddSource(Lang lang, String assignment) {
        return switch (lang) {
            case PYTHON -> assignment + "\n";
            case JAVA -> "class Odd { int " + assignment + "; }\n";
            case GROOVY -> "class Odd { int " + assignment + " }\n";
        };
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
    }
}
