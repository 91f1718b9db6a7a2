package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Polling ({@code --poll}, what containers, WSL and network file systems get) beside a tree of 10,000 files, big
 * enough that its scans are split: the entry is looked at every interval, the rest of the tree at the pace its
 * scans allow. How fast, and at what cost, with 50,000 files too, the benchmark suite measures
 * ({@code bench/run 40 20 poll}): a tree that big would cost this test suite a minute.
 */
class PollingIT {

    private static final int TREE = 10_000;
    private static final Pattern SLOW_PACE = Pattern.compile("every ([0-9.]+) (s|ms) all, as " + (TREE + 1) + " files take");

    @TempDir
    static Path tree;

    @TempDir
    Path dir;

    @BeforeAll
    static void bigTree() throws IOException {
        for (int i = 0; i < TREE; i++) {
            Path file = tree.resolve("part" + i / 100).resolve("data" + i + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "value " + i + "\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theEntryBesideTenThousandFilesIsLookedAtEveryIntervalAndItsSavesRun(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = poll(lang)) {
            assertThat(hotload.awaitErr("watching", START))
                    .contains("(polling every 20.0 ms the files being edited, every ")
                    .containsPattern(SLOW_PACE);
            hotload.awaitOut("Result: 0", START);
            for (int i = 1; i <= 3; i++) {
                Files.writeString(entry, lang.program(i));
                hotload.awaitOut("Result: " + i, RELOAD);
            }
            assertThat(hotload.stdoutLines()).containsExactly("Result: 0", "Result: 1", "Result: 2", "Result: 3");
        }
    }

    @Test
    void aSaveElsewhereInTheTreeShowsAtTheSlowPace() throws Exception {
        Lang lang = Lang.PYTHON;
        Files.writeString(dir.resolve(lang.entry), lang.program(0));
        Path data = tree.resolve("part77/data7712.txt");
        try (HotloadProcess hotload = poll(lang)) {
            Matcher pace = SLOW_PACE.matcher(hotload.awaitErr("watching", START));
            assertThat(pace.find()).isTrue();
            Duration slow = Duration.ofNanos((long) (Double.parseDouble(pace.group(1)) * (pace.group(2).equals("s") ? 1e9 : 1e6)));
            hotload.awaitOut("Result: 0", START);

            Files.writeString(data, "value changed\n");

            assertThat(hotload.awaitErr(" changed, ", slow.plus(RELOAD))).contains("data7712.txt changed, reloaded");
            hotload.awaitOut("Result: 0", RELOAD);
        }
    }

    private HotloadProcess poll(Lang lang) throws IOException {
        return HotloadProcess.hotload(dir, "--poll", "--no-clear", "--watch", tree.toString(), "--ext", ".txt", lang.entry);
    }
}
