package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways editors save, in every language: each save runs the saved content exactly once. After the save
 * under test, a plain save of the next version follows: the loop runs one save after another, so whatever
 * the first caused has shown by the time the second's output does.
 */
class EditorSavesIT {

    /** Shorter than the time a file may look missing or empty before hotload reports it so (50 ms). */
    private static final long EDITOR_PAUSE_NANOS = 15_000_000L;
    /**
     * Longer than a warm compile of a small file, so that a compile of the first half ends before the rest is
     * written; shorter than the 50 ms a compile error waits for the rest of its save.
     */
    private static final long HALF_WRITE_PAUSE_NANOS = 35_000_000L;

    @TempDir
    Path dir;

    /** How an editor writes {@code content} over {@code file}. */
    enum Save {
        IN_PLACE {
            @Override
            void apply(Path file, String content) throws IOException {
                Files.writeString(file, content);
            }
        },
        /** VS Code's and IntelliJ's default: no line end after the last line. */
        WITHOUT_FINAL_LINE_END {
            @Override
            void apply(Path file, String content) throws IOException {
                Files.writeString(file, content.stripTrailing());
            }
        },
        TRUNCATE_THEN_WRITE {
            @Override
            void apply(Path file, String content) throws IOException {
                Files.write(file, new byte[0]);
                pause();
                Files.writeString(file, content);
            }
        },
        /** JetBrains IDEs' safe write; many tools do the same with another temporary name. */
        TEMPORARY_THEN_RENAME {
            @Override
            void apply(Path file, String content) throws IOException {
                Path temporary = Files.writeString(file.resolveSibling(file.getFileName() + "___jb_tmp___"), content);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        },
        /** vim's default: test the folder with 4913, rename the original to a backup, write anew, drop the backup. */
        VIM {
            @Override
            void apply(Path file, String content) throws IOException {
                Files.delete(Files.writeString(file.resolveSibling("4913"), ""));
                Path backup = Files.move(file, file.resolveSibling(file.getFileName() + "~"));
                pause();
                Files.writeString(file, content);
                Files.delete(backup);
            }
        },
        DELETE_THEN_CREATE {
            @Override
            void apply(Path file, String content) throws IOException {
                Files.delete(file);
                pause();
                Files.writeString(file, content);
            }
        },
        /**
         * A write caught half-way, cut inside the printed text so that what is there first does not compile. (A
         * half that happened to be valid code would run: a file two looks agree on is complete, whatever its
         * last byte.)
         */
        HALF_THEN_THE_REST {
            @Override
            void apply(Path file, String content) throws IOException {
                byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
                int half = content.indexOf("Result") + "Res".length();
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(bytes, 0, half);
                    out.flush();
                    LockSupport.parkNanos(HALF_WRITE_PAUSE_NANOS);
                    out.write(bytes, half, bytes.length - half);
                }
            }
        };

        abstract void apply(Path file, String content) throws IOException;

        private static void pause() {
            LockSupport.parkNanos(EDITOR_PAUSE_NANOS);
        }
    }

    static Stream<Arguments> languagesAndSaves() {
        List<Arguments> cases = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            for (Save save : Save.values()) {
                cases.add(Arguments.of(lang, save));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("languagesAndSaves")
    void eachSaveRunsTheSavedContentExactlyOnce(Lang lang, Save save) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            save.apply(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            Files.writeString(entry, lang.program(2));
            hotload.awaitOut("Result: 2", RELOAD);

            // Standard error is read apart from standard output: the two status lines are awaited there.
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).contains("reloaded in");
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).contains("reloaded in");

            assertThat(hotload.stdoutLines()).containsExactly("Result: 0", "Result: 1", "Result: 2");
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("error") || line.contains("failed"));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void tenSavesInOneSecondRunEachOneOnceInOrder(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            List<String> expected = new ArrayList<>(List.of("Result: 0"));
            for (int i = 1; i <= 10; i++) {
                Files.writeString(entry, lang.program(i));
                hotload.awaitOut("Result: " + i, RELOAD);
                expected.add("Result: " + i);
            }
            assertThat(hotload.stdoutLines()).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theEntryReplacedByAFolderAndBackRunsAgain(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.delete(entry);
            Files.createDirectory(entry);
            hotload.awaitErr("to come back", RELOAD);
            Files.delete(entry);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            assertThat(hotload.stdoutLines()).containsExactly("Result: 0", "Result: 1");
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void temporaryAndBackupFilesNeverTriggerARun(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            for (String leftover : List.of(lang.entry + "~", "." + lang.entry + ".swp", "4913", "#" + lang.entry + "#",
                    ".#" + lang.entry, lang.entry + "___jb_tmp___", lang.entry + "___jb_old___")) {
                Files.writeString(dir.resolve(leftover), lang.program(99));
            }
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            // The first run after the leftovers is the save's: it names the entry, and nothing else.
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).startsWith("hotload: " + lang.entry + " changed, reloaded");
            assertThat(hotload.stdoutLines()).containsExactly("Result: 0", "Result: 1");
        }
    }
}
