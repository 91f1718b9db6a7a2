package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * bin/hotload maps its classes from the class data made for the java that runs it (bin/lib/cds-archive.sh): the
 * class-data archive, and on JDK 24 and later the AOT cache; the program's output and hotload's lines are as
 * without. The JVM's class loading log tells where hotload's classes came from.
 */
@Isolated
class ClassDataIT {

    /** A JDK with an AOT cache; where it is absent, its test is skipped. */
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    @Test
    void theArchiveOfTheJavaOnThePathIsMapped() throws Exception {
        assumeTrue(Files.isRegularFile(classData(Map.of(), "jsa")), "no class-data archive made for this java");
        assertMapped(Map.of());
    }

    @Test
    void onJdk25TheAotCacheIsMappedAndTheArchiveWhenAskedFor() throws Exception {
        Path java = JDK_25.resolve("bin/java");
        assumeTrue(Files.isExecutable(java), "no JDK 25 at " + JDK_25);
        Map<String, String> env = Map.of("JAVA", java.toString());
        makeClassData(env);
        assertThat(classData(env, "aot")).isRegularFile();
        assertMapped(env);
        assertMapped(Map.of("JAVA", java.toString(), "HOTLOAD_CLASS_DATA", "archive"));
    }

    @Test
    void anUnknownClassDataSettingIsOneLineWithStatus2() throws Exception {
        Files.writeString(dir.resolve("lib.py"), "print('Result: 1')\n");
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", Map.of("HOTLOAD_CLASS_DATA", "fast"), "hotload", "lib.py")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).containsExactly("hotload: HOTLOAD_CLASS_DATA must be archive, aot or off, not 'fast'");
        }
    }

    /** Runs a Java program once under {@code env} and asserts its output, and hotload's main class from class data. */
    private void assertMapped(Map<String, String> env) throws Exception {
        Files.writeString(dir.resolve("Lib.java"), "public class Lib { public static void main(String[] a) {"
                + " System.out.println(\"Result: 1\"); } }\n");
        Path log = dir.resolve("classes.log");
        Files.deleteIfExists(log);
        Map<String, String> logged = new HashMap<>(env);
        logged.put("HOTLOAD_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", logged, "hotload", "--once", "Lib.java")) {
            assertThat(hotload.awaitExit(START)).isZero();
            assertThat(hotload.stdoutLines()).containsExactly("Result: 1");
            assertThat(hotload.stderrLines()).as("the JVM's warnings, say").singleElement().asString().startsWith("hotload: ran in ");
        }
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains(" dev.hotload.cli.Main source: shared objects file"));
    }

    /** Makes the class data of the JDK that {@code env} names, as the build makes the default java's. */
    private static void makeClassData(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(HotloadProcess.home().resolve("bin/lib/cds-archive.sh").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("cds-archive.sh ends").isTrue();
    }

    /** @return the class data bin/hotload would take under {@code env}, of one kind: jsa or aot */
    private static Path classData(Map<String, String> env, String kind) throws IOException, InterruptedException {
        Path home = HotloadProcess.home();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". bin/lib/classpath.sh && hotload_java_version")
                .directory(home.toFile());
        builder.environment().put("HOTLOAD_HOME", home.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return home.resolve("cli/target").resolve("hotload-" + version + "." + kind);
    }
}
