package dev.hotload.maven.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.cli.e2e.HotloadProcess;
import dev.hotload.testsupport.NestedMaven;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mvn hotload:run} as a user runs it, in a copy of {@code examples/maven} (two modules, Guava): Maven in a
 * process of its own, with a local repository that holds this build's plugin, edits in either module and in a
 * resource, and Ctrl-C.
 */
class MavenRunIT {

    /** Maven's start, hotload's JVM's, and a first compile of both modules: slow on a loaded machine. */
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RELOAD = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Path project;

    @BeforeEach
    void copyTheExample() throws IOException {
        project = NestedMaven.copy(HotloadProcess.home().resolve("examples/maven"), dir.resolve("greeter"));
    }

    @Test
    void aSaveInEitherModuleOrInAResourceRunsTheAppAgainAndCtrlCEndsMavenAndHotload() throws Exception {
        try (HotloadProcess maven = mvn(project, "hotload:run")) {
            maven.awaitOut("Hello, Ada and Grace!", START);
            maven.awaitOut("Motto: Save early, save often.", RELOAD);

            // core, the module app depends on: compiled from its sources, not taken from a jar.
            edit("core/src/main/java/com/acme/core/Greeting.java", "\"Hello, \"", "\"Hi, \"");
            maven.awaitOut("Hi, Ada and Grace!", RELOAD);
            edit("app/src/main/java/com/acme/app/App.java", "\"Grace\")", "\"Grace\", \"Linus\")");
            maven.awaitOut("Hi, Ada and Grace and Linus!", RELOAD);
            // A resource: read as saved, without a final newline as most editors save it.
            Files.writeString(project.resolve("app/src/main/resources/motto.txt"), "Ship it.");
            maven.awaitOut("Motto: Ship it.", RELOAD);

            maven.interruptGroup();
            assertThat(maven.awaitExit(RELOAD)).isEqualTo(130);
            assertThat(maven.transcript()).doesNotContain("[ERROR]").doesNotContain("Exception");
        }
    }

    @Test
    void aProjectThatDoesNotCompileAtStartShowsTheErrorsAndRunsOnceFixed() throws Exception {
        edit("core/src/main/java/com/acme/core/Greeting.java", "\"Hello, \" +", "\"Hello, \" + +");
        try (HotloadProcess maven = mvn(project, "hotload:run")) {
            maven.awaitErr("Greeting.java:", START);
            edit("core/src/main/java/com/acme/core/Greeting.java", "\"Hello, \" + +", "\"Hello, \" +");
            maven.awaitOut("Hello, Ada and Grace!", RELOAD);
        }
    }

    @Test
    void aProjectMadeFromTheQuickstartArchetypeRunsItsOneMainClass() throws Exception {
        // What mvn archetype:generate -DarchetypeArtifactId=maven-archetype-quickstart makes, with the plugin declared.
        Path app = dir.resolve("my-app");
        Files.createDirectories(app.resolve("src/main/java/com/mycompany/app"));
        Files.createDirectories(app.resolve("src/test/java/com/mycompany/app"));
        Files.writeString(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.mycompany.app</groupId>
                  <artifactId>my-app</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <build><plugins><plugin>
                    <groupId>dev.hotload</groupId><artifactId>hotload-maven-plugin</artifactId><version>0.1.0-SNAPSHOT</version>
                  </plugin></plugins></build>
                </project>
                """);
        Path main = app.resolve("src/main/java/com/mycompany/app/App.java");
        Files.writeString(main, """
                package com.mycompany.app;

                /**
                 * Hello world!
                 */
                public class App {
                    public static void main(String[] args) {
                        System.out.println("Hello World!");
                    }
                }
                """);
        Files.writeString(app.resolve("src/test/java/com/mycompany/app/AppTest.java"),
                "package com.mycompany.app;\npublic class AppTest { public static void main(String[] args) { } }\n");
        try (HotloadProcess maven = mvn(app, "hotload:run", "-Dhotload.args=a b")) {
            maven.awaitOut("Hello World!", START);
            Files.writeString(main, Files.readString(main).replace("\"Hello World!\"", "\"Hello \" + String.join(\"+\", args)"));
            maven.awaitOut("Hello a+b", RELOAD);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-Dhotload.main=com.acme.Nope | no source of com.acme.Nope",
            "-Dhotload.entry=pom.xml      | is in no source root",
            "-Dhotload.entry=Missing.java | no such file",
            "-N                           | is a pom project",
            "-Dhotload.scope=compile      | choose runtime",
    })
    void badInputIsOneLineNamingWhatToPassAndStatus2(String option, String words) throws Exception {
        try (HotloadProcess maven = mvn(project, option, "hotload:run")) {
            assertThat(maven.awaitExit(START)).isEqualTo(2);
            // Maven starts its standard error with a colour reset, which a terminal does not show.
            List<String> said = maven.stderrLines().stream().map(line -> line.replaceAll("\u001B\\[[0-9;]*m", ""))
                    .filter(line -> line.startsWith("hotload: ")).toList();
            assertThat(said).hasSize(1);
            assertThat(said.get(0)).contains(words);
            assertThat(maven.transcript()).doesNotContain("[ERROR]").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = project.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    /**
     * Starts Maven in {@code folder} on the tests' own local repository, which holds this build's plugin, with the
     * build's local repository as its one remote; in a process group of its own, so that a Ctrl-C reaches Maven and
     * hotload both, as a terminal's does.
     */
    @Test
    void withHotloadTestTheModulesTestsRunOnEverySaveThoseItCanAffect() throws Exception {
        Path tests = NestedMaven.copy(HotloadProcess.home().resolve("examples/tests"), dir.resolve("tests"));
        // A project that does not declare the plugin: called by its whole name.
        try (HotloadProcess maven = mvn(tests, System.getProperty("hotload.it.plugin") + ":run", "-Dhotload.test")) {
            maven.awaitErr("testing all 4 test classes", START);
            maven.awaitErr("8 tests passed in", START);

            Path calc = tests.resolve("src/main/java/calc/Calc.java");
            Files.writeString(calc, Files.readString(calc).replace("a * b", "a * b * 1"));
            assertThat(maven.awaitErr("hotload: testing", RELOAD)).endsWith("testing CalcTest, ParserTest");
            assertThat(maven.awaitErr("Calc.java changed", RELOAD)).contains("6 tests passed in");

            maven.interruptGroup();
            assertThat(maven.awaitExit(RELOAD)).isEqualTo(130);
        }
    }

    private HotloadProcess mvn(Path folder, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(NestedMaven.command(dir, Path.of(System.getProperty("hotload.it.repository")),
                Path.of(System.getProperty("hotload.it.mirror"))));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLOAD_") || name.equals("MAVEN_OPTS"));
        return HotloadProcess.start(builder);
    }
}
