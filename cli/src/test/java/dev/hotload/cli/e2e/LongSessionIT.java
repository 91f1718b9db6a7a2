package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.testsupport.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A long session keeps memory flat, in every language: the program's classes alive after a full GC, and the
 * heap in use, do not grow from sixty reloads to three times as many ({@code bench/run} measures a thousand).
 */
class LongSessionIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void classesAndHeapStayFlatAcrossReloads(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            String loader = lang.language.programLoader();
            saveUpTo(hotload, entry, lang, 1, 60);
            long classes = Probes.liveClasses(hotload.pid(), loader);
            long heapKb = Probes.heapAfterGcKb(hotload.pid());
            saveUpTo(hotload, entry, lang, 61, 180);

            assertThat(Probes.liveClasses(hotload.pid(), loader)).isLessThanOrEqualTo(classes);
            assertThat(Probes.heapAfterGcKb(hotload.pid())).isLessThan(heapKb + 16 * 1024);
        }
    }

    private static void saveUpTo(HotloadProcess hotload, Path entry, Lang lang, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            Files.writeString(entry, lang.program(i));
            hotload.awaitOut("Result: " + i, RELOAD);
        }
    }
}
