package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: help, version, and clear errors for bad input. */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void helpNamesTheOptionsAndTheEnvironment() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--help")) {
            assertThat(hotload.awaitExit(START)).isZero();
            assertThat(String.join("\n", hotload.stdoutLines()))
                    .contains("--watch", "--ext", "--no-clear", "--entrypoint", "--recursive", "--interval-ms",
                            "--once", "--lang", "--run", "HOTLOAD_NO_CLEAR", "HOTLOAD_RECURSIVE", "Exit status", "143");
            assertThat(hotload.stderrLines()).as("picocli's warnings, say").isEmpty();
        }
    }

    @Test
    void everyFileTheHelpsExamplesNameExists() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--help")) {
            assertThat(hotload.awaitExit(START)).isZero();
            List<String> named = hotload.stdoutLines().stream()
                    .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
                    .filter(word -> word.startsWith("examples/"))
                    // A path at the end of a quoted command: --run 'sh examples/shell/hello.sh'
                    .map(word -> word.replaceAll("[;'\"]+$", ""))
                    .toList();
            assertThat(named).isNotEmpty().allMatch(path -> Files.exists(HotloadProcess.home().resolve(path)));
        }
    }

    @Test
    void versionIsPrinted() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--version")) {
            assertThat(hotload.awaitExit(START)).isZero();
            assertThat(hotload.stdoutLines().get(0)).matches("hotload \\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void aMissingEntryIsAOneLineErrorWithStatus2() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "nothere.py")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).containsExactly("hotload: no such file: 'nothere.py'");
        }
    }

    @Test
    void anUnknownExtensionNamesTheInstalledLanguages() throws Exception {
        Files.writeString(dir.resolve("notes.xyz"), "text");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "notes.xyz")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).singleElement().asString()
                    .isEqualTo("hotload: no language for 'notes.xyz'; installed: groovy (.groovy), java (.java),"
                            + " python (.py); use --lang NAME to choose one");
        }
    }

    @Test
    void aPipedNameThatDoesNotExistIsAOneLineError() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "print(1)\n");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "lib.py\nmymaht.py\n", java.util.Map.of(), "hotload", "lib.py")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).containsExactly("hotload: no such file to watch: '"
                    + dir.toRealPath().resolve("mymaht.py") + "' (named on standard input)");
        }
    }

    @Test
    void aProgramsOptionAfterTheEntryIsShownWhereItGoes() throws Exception {
        Files.writeString(dir.resolve("argv.py"), "print(1)\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--once", "argv.py", "--verbose")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).containsExactly("hotload: Unknown option: '--verbose' (see --help);"
                    + " arguments for the program go after --: hotload argv.py -- --verbose");
        }
    }

    @Test
    void anUnknownLanguageNameIsAnError() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "print(1)\n");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--lang", "cobol", "lib.py")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).singleElement().asString().contains("cobol").contains("python");
        }
    }

    @Test
    void aBadOptionIsAnErrorNotATrace() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--bogus", "lib.py")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).singleElement().asString().contains("--bogus");
        }
    }

    @Test
    void theInstalledLanguagesAreListed() throws Exception {
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--languages")) {
            assertThat(hotload.awaitExit(START)).isZero();
            // Each with the version and the jar it came from: two builds on a class path are told apart.
            String from = " \\(version \\d+\\.\\d+\\.\\d+\\S*, /\\S+/cli/target/lib/hotload-lang-";
            assertThat(hotload.stdoutLines()).satisfiesExactly(
                    line -> assertThat(line).matches("groovy \\(\\.groovy\\): Groovy scripts" + from + "groovy-\\S+\\.jar\\)"),
                    line -> assertThat(line).matches("java \\(\\.java\\): Java classes, compiled in process" + from
                            + "java-\\S+\\.jar\\)"),
                    line -> assertThat(line).matches("python \\(\\.py\\): Jython 2\\.7 modules" + from + "python-\\S+\\.jar\\)"));
        }
    }
}
