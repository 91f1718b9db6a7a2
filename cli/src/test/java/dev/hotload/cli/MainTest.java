package dev.hotload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines end with one line on standard error and status 2, in process. */
class MainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureErr() {
        realErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(realErr);
    }

    @Test
    void aMissingEntryFile() {
        assertThat(Main.run(dir.resolve("gone.py").toString())).isEqualTo(2);
        assertThat(err()).startsWith("hotload: no such file: ").contains("gone.py");
    }

    @Test
    void aFolderAsEntry() {
        assertThat(Main.run(dir.toString())).isEqualTo(2);
        assertThat(err()).contains("is a folder");
    }

    @Test
    void anUnknownOption() {
        assertThat(Main.run("--nope")).isEqualTo(2);
        assertThat(err()).contains("--nope").contains("--help");
    }

    @Test
    void anUnknownOptionAfterTheEntrySaysWhereProgramArgumentsGo() throws Exception {
        Path entry = Files.writeString(dir.resolve("argv.py"), "");
        assertThat(Main.run("--once", entry.toString(), "--verbose")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotload: Unknown option: '--verbose' (see --help); arguments for the program go"
                + " after --: hotload " + entry + " -- --verbose" + System.lineSeparator());
    }

    @Test
    void aNonPositiveInterval() throws Exception {
        Path entry = Files.writeString(dir.resolve("lib.py"), "");
        assertThat(Main.run("--interval-ms", "0", entry.toString())).isEqualTo(2);
        assertThat(err()).contains("--interval-ms");
    }

    @Test
    void noEntryAndNoCommandSaysEitherIsNeeded() {
        assertThat(Main.run()).isEqualTo(2);
        assertThat(err()).startsWith("hotload: missing ENTRY").contains("--run CMD");
    }

    @Test
    void anOptionForAProgramWithCommandsAloneIsRefused() {
        assertThat(Main.run("--once", "--restart", "--run", "true")).isEqualTo(2);
        assertThat(err()).isEqualTo("hotload: --restart needs an ENTRY: the program to run; --run alone runs commands"
                + " only" + System.lineSeparator());
    }

    @Test
    void onceWithCommandsAloneExitsWithTheFailingCommandsStatusAndRunsNoneAfterIt() throws Exception {
        Path marks = dir.resolve("marks");
        assertThat(Main.run("--once", "--no-clear", "--run", "echo first >> '" + marks + "'", "--run", "exit 4",
                "--run", "echo never >> '" + marks + "'")).isEqualTo(4);
        assertThat(marks).hasContent("first");
        assertThat(err()).contains("hotload: command 'exit 4' exited with status 4 in ");
    }

    @Test
    void anUnknownJavaCompilerListsTheChoices() throws Exception {
        Path entry = Files.writeString(dir.resolve("Lib.java"), "class Lib { }");
        assertThat(Main.run("--once", "--compiler", "jikes", entry.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("hotload: no compiler 'jikes' for java (choose: ecj, javac)" + System.lineSeparator());
    }

    @Test
    void aLanguageOfOneCompilerRefusesAnyOther() throws Exception {
        Path groovy = Files.writeString(dir.resolve("lib.groovy"), "println 1");
        Path python = Files.writeString(dir.resolve("lib.py"), "print 1");

        assertThat(Main.run("--once", "--compiler", "javac", groovy.toString())).isEqualTo(2);
        assertThat(Main.run("--once", "--compiler", "ecj", python.toString())).isEqualTo(2);

        assertThat(err()).isEqualTo("hotload: no compiler 'javac' for groovy: it has one, groovyc (leave out --compiler)"
                + System.lineSeparator() + "hotload: no compiler 'ecj' for python: it has one, jython (leave out --compiler)"
                + System.lineSeparator());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
