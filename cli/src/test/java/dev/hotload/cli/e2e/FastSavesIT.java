package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saves a script makes, rather than an editor: bursts of in-place saves, saves that keep the file's size and
 * modification time, a file unreadable for a while. Each save's content runs once, whole, and the last runs last.
 */
class FastSavesIT {

    private static final int BURST = 200;

    @TempDir
    Path dir;

    /** How fast a script saves. */
    enum Pace {
        AS_FAST_AS_IT_CAN(0),
        FIVE_MS_APART(5_000_000L);

        final long pauseNanos;

        Pace(long pauseNanos) {
            this.pauseNanos = pauseNanos;
        }
    }

    /** How hotload watches. */
    enum Watching {
        FILE_EVENTS(List.of()),
        POLLING(List.of("--poll"));

        final List<String> options;

        Watching(List<String> options) {
            this.options = options;
        }
    }

    static Stream<Arguments> languagesAndPaces() {
        return Stream.of(Lang.values()).flatMap(lang -> Stream.of(Pace.values()).map(pace -> Arguments.of(lang, pace)));
    }

    static Stream<Arguments> languagesAndWatchers() {
        return Stream.of(Lang.values())
                .flatMap(lang -> Stream.of(Watching.values()).map(watching -> Arguments.of(lang, watching)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("languagesAndPaces")
    void aBurstOfSavesRunsOnlyWholeSavesInOrderEachOnceAndTheLastOneLast(Lang lang, Pace pace) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            for (int i = 1; i <= BURST; i++) {
                Files.writeString(entry, lang.program(i)); // truncates, then writes: in place
                LockSupport.parkNanos(pace.pauseNanos);
            }
            hotload.awaitOut("Result: " + BURST, RELOAD);
            hotload.interrupt();
            hotload.awaitExit(RELOAD);

            List<Integer> results = results(hotload);
            assertThat(results).as(hotload.transcript()).startsWith(0).endsWith(BURST).isSorted().doesNotHaveDuplicates();
            // A run of an empty or half-written file prints no result, but has a status line all the same.
            assertThat(statusLines(hotload)).as(hotload.transcript()).hasSize(results.size() - 1)
                    .allMatch(line -> line.contains(" changed, reloaded in "));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("languagesAndWatchers")
    void aSaveThatKeepsTheSizeAndSetsTheTimeBackRunsOnce(Lang lang, Watching watching) throws Exception {
        // As rsync -t, cp -p and touch -d leave it: the content is new, the size and modification time are not.
        FileTime kept = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Path entry = Files.setLastModifiedTime(Files.writeString(dir.resolve(lang.entry), lang.program(1)), kept);
        try (HotloadProcess hotload = hotload(watching, Map.of(), lang)) {
            hotload.awaitOut("Result: 1", START);
            for (int i = 2; i <= 3; i++) {
                Files.setLastModifiedTime(Files.writeString(entry, lang.program(i)), kept);
                hotload.awaitOut("Result: " + i, RELOAD);
            }
            // The loop runs one save after another: once this one shows, any second run of the saves above has.
            Files.writeString(entry, lang.program(4));
            hotload.awaitOut("Result: 4", RELOAD);

            assertThat(hotload.stdoutLines()).containsExactly("Result: 1", "Result: 2", "Result: 3", "Result: 4");
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aSourceThatCannotBeReadSaysSoAndRunsOnceReadableAgain(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = hotload(Watching.FILE_EVENTS, withoutRootsReadAnything(), lang)) {
            hotload.awaitOut("Result: 0", START);

            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("-w-------"));
            assertThat(hotload.awaitErr("cannot read", RELOAD)).isEqualTo("hotload: cannot read " + lang.entry
                    + ": permission denied");
            Files.writeString(entry, lang.program(1)); // saved while unreadable
            hotload.awaitErr("cannot read " + lang.entry + ": permission denied", RELOAD);
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-r--r--"));
            hotload.awaitOut("Result: 1", RELOAD);

            assertThat(hotload.stdoutLines()).containsExactly("Result: 0", "Result: 1");
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("Error") || line.contains("at "));
        }
    }

    private HotloadProcess hotload(Watching watching, Map<String, String> env, Lang lang) throws IOException {
        List<String> args = new ArrayList<>(watching.options);
        args.addAll(List.of("--no-clear", lang.entry));
        return HotloadProcess.start(dir, "", env, "hotload", args.toArray(String[]::new));
    }

    /**
     * @return an environment in which bin/hotload's JVM cannot read what its owner may not: root reads any file
     *     (CAP_DAC_OVERRIDE), so as root the JVM starts without that capability, as a user's would
     */
    private Map<String, String> withoutRootsReadAnything() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Map.of();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path wrapper = Files.writeString(dir.resolve("java-as-a-user"), "#!/bin/sh\nexec setpriv --inh-caps=-all"
                + " --bounding-set=-dac_override,-dac_read_search " + java + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return Map.of("JAVA", wrapper.toString());
    }

    private static List<Integer> results(HotloadProcess hotload) {
        List<Integer> results = new ArrayList<>();
        for (String line : hotload.stdoutLines()) {
            assertThat(line).as(hotload.transcript()).startsWith("Result: ");
            results.add(Integer.parseInt(line.substring("Result: ".length())));
        }
        return results;
    }

    private static List<String> statusLines(HotloadProcess hotload) {
        return hotload.stderrLines().stream().filter(line -> line.contains(" changed, ") || line.contains("error")
                || line.contains("no class")).toList();
    }
}
