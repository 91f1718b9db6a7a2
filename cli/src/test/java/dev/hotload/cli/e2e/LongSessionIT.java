package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A long session keeps memory flat, in every language: the program's classes alive after a full GC, and the
 * heap in use, do not grow from one hundred reloads to three hundred ({@code bench/run} measures a thousand).
 */
class LongSessionIT {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void classesAndHeapStayFlatAcrossReloads(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            saveUpTo(hotload, entry, lang, 1, 100);
            long classes = liveProgramClasses(hotload.pid(), loaderOf(lang));
            long heapKb = heapAfterGcKb(hotload.pid());
            saveUpTo(hotload, entry, lang, 101, 300);

            assertThat(liveProgramClasses(hotload.pid(), loaderOf(lang))).isLessThanOrEqualTo(classes);
            assertThat(heapAfterGcKb(hotload.pid())).isLessThan(heapKb + 16 * 1024);
        }
    }

    private static void saveUpTo(HotloadProcess hotload, Path entry, Lang lang, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            Files.writeString(entry, lang.program(i));
            hotload.awaitOut("Result: " + i, RELOAD);
        }
    }

    /** The class loader that holds the program's reloaded code: Jython's, or hotload's generations. */
    private static String loaderOf(Lang lang) {
        return lang == Lang.PYTHON ? "org.python.core.BytecodeLoader$Loader" : "dev.hotload.jvm.Generation";
    }

    /**
     * @return the classes held by loaders of type {@code loader} after a full GC, once the JVM has freed the
     *     data of the loaders that collection found dead (it lists them for a moment after)
     */
    private static long liveProgramClasses(long pid, String loader) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            long live = jcmd(pid, "GC.class_histogram").lines()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(columns -> columns.length == 4 && columns[3].equals(loader))
                    .mapToLong(columns -> Long.parseLong(columns[1])).sum();
            List<String[]> listed = jcmd(pid, "VM.classloader_stats").lines()
                    .filter(line -> line.trim().endsWith(loader))
                    .map(line -> line.trim().split("\\s+")).toList();
            if (listed.size() <= live || System.nanoTime() > deadline) {
                return listed.stream().mapToLong(columns -> Long.parseLong(columns[3])).sum();
            }
            Thread.sleep(500);
        }
    }

    private static long heapAfterGcKb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        long total = 0;
        while (used.find()) {
            total += Long.parseLong(used.group(1));
        }
        return total;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("jcmd %s: %s", command, output).isZero();
        return output;
    }
}
