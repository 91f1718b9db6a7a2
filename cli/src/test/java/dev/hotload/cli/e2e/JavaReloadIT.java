package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user working on Java classes with {@code bin/hotload}: save, and see the new output; the same with either
 * compiler. (The other system tests run Java with the default compiler.)
 */
@ParameterizedClass
@ValueSource(strings = {"ecj", "javac"})
class JavaReloadIT {

    @Parameter
    String compiler;

    private static final String LIB = """
            public class Lib {
                public static void main(String[] args) {
                    int x = 3;
                    System.out.println("Result: " + (x * x + 4 * 4));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSavedClassRunsAgainInTheSameJvm() throws Exception {
        write("Lib.java", LIB);
        try (HotloadProcess hotload = hotload("Lib.java")) {
            hotload.awaitOut("Result: 25", START);
            assertThat(hotload.awaitErr("watching", START)).contains(dir.toRealPath().toString(), ".java");
            write("Lib.java", LIB.replace("x = 3", "x = 4"));
            hotload.awaitOut("Result: 32", RELOAD);
            assertThat(hotload.awaitErr("Lib.java changed, reloaded in", RELOAD)).startsWith("hotload: ");
        }
    }

    @Test
    void aCompileErrorPrintsLikeJavacAndTheNextGoodSaveRuns() throws Exception {
        write("Lib.java", LIB);
        try (HotloadProcess hotload = hotload("Lib.java")) {
            hotload.awaitOut("Result: 25", START);
            write("Lib.java", LIB.replace("int x = 3;", "int x = 3"));
            hotload.awaitErr("Lib.java:3: error: ';' expected", RELOAD);
            hotload.awaitErr("^", RELOAD);
            hotload.awaitErr("failed in", RELOAD);
            write("Lib.java", LIB.replace("x = 3", "x = 5"));
            hotload.awaitOut("Result: 41", RELOAD);
            assertThat(String.join("\n", hotload.stderrLines())).contains("(compile error)").doesNotContain("at dev.hotload");
        }
    }

    @Test
    void systemExitEndsTheRunNotTheSession() throws Exception {
        write("Lib.java", "public class Lib { public static void main(String[] a) { System.out.println(\"before exit\"); System.exit(3); } }");
        try (HotloadProcess hotload = hotload("Lib.java")) {
            hotload.awaitOut("before exit", START);
            hotload.awaitErr("exited with status 3", RELOAD);
            write("Lib.java", LIB);
            hotload.awaitOut("Result: 25", RELOAD);
        }
    }

    @Test
    void anExceptionPrintsTheProgramsFramesOnly() throws Exception {
        write("Lib.java", "public class Lib {\n  public static void main(String[] a) {\n    Object o = null;\n    o.hashCode();\n  }\n}\n");
        try (HotloadProcess hotload = hotload("Lib.java")) {
            hotload.awaitErr("Exception in thread \"main\" java.lang.NullPointerException", START);
            hotload.awaitErr("at Lib.main(Lib.java:4)", RELOAD);
            // "failed in ...", or "main failed (...)" from a first run that outlasted 500 ms on a busy machine.
            hotload.awaitErr("failed", RELOAD);
            assertThat(String.join("\n", hotload.stderrLines())).doesNotContain("at dev.hotload", "reflect");
        }
    }

    @Test
    void onceRunsOnceAndExitsWithTheRunsStatus() throws Exception {
        write("ok/Ok.java", LIB.replace("Lib", "Ok"));
        write("fails/Fails.java", "public class Fails { public static void main(String[] a) { throw new IllegalStateException(); } }");
        write("exits/Exits.java", "public class Exits { public static void main(String[] a) { System.exit(7); } }");
        write("broken/Broken.java", "public class Broken {");
        assertThat(runOnce("ok/Ok.java")).isZero();
        assertThat(runOnce("fails/Fails.java")).isEqualTo(1);
        assertThat(runOnce("exits/Exits.java")).isEqualTo(7);
        assertThat(runOnce("broken/Broken.java")).isEqualTo(1);
    }

    @Test
    void argumentsAfterTheDoubleDashReachMain() throws Exception {
        Path hello = copyExample("hello/Hello.java");
        try (HotloadProcess hotload = hotload("--once", hello.toString(), "--", "hotload user")) {
            hotload.awaitOut("Hello, hotload user!", START);
            assertThat(hotload.awaitExit(RELOAD)).isZero();
        }
    }

    @Test
    void aPackagesSourceTreeIsWatchedAndAnEditedHelperIsRecompiled() throws Exception {
        Path main = copyExample("shapes/src/shapes/Main.java");
        Path circle = copyExample("shapes/src/shapes/Circle.java");
        try (HotloadProcess hotload = hotload(main.toString())) {
            hotload.awaitOut("A circle of radius 2.0 has area 12.57", START);
            Files.writeString(circle, Files.readString(circle).replace("Math.PI * radius * radius", "radius * radius"));
            hotload.awaitOut("A circle of radius 2.0 has area 4.00", RELOAD);
            assertThat(hotload.awaitErr("changed", RELOAD)).contains("Circle.java changed, reloaded");
        }
    }

    @Test
    void stateKeptWithHotloadKeepSurvivesReloads() throws Exception {
        String source = """
                import dev.hotload.Hotload;
                public class Counter {
                    public static void main(String[] a) {
                        Integer constant = Hotload.keep("constant", () -> { System.out.println("computing..."); return 42; });
                        Hotload.onUnload(() -> System.out.println("unloading RUN"));
                        System.out.println("constant " + constant + ", run RUN");
                    }
                }
                """;
        write("Counter.java", source.replace("RUN", "A"));
        try (HotloadProcess hotload = hotload("Counter.java")) {
            hotload.awaitOut("constant 42, run A", START);
            write("Counter.java", source.replace("RUN", "B"));
            hotload.awaitOut("unloading A", RELOAD);
            hotload.awaitOut("constant 42, run B", RELOAD);
            assertThat(hotload.stdoutLines()).filteredOn("computing..."::equals).hasSize(1);
        }
    }

    @Test
    void aMainThatNeverReturnsIsStoppedAndReplacedOnSave() throws Exception {
        String source = """
                public class Ticker {
                    public static void main(String[] a) throws InterruptedException {
                        System.out.println("ticker VERSION started");
                        while (true) {
                            Thread.sleep(20);
                        }
                    }
                }
                """;
        write("Ticker.java", source.replace("VERSION", "one"));
        try (HotloadProcess hotload = hotload("Ticker.java")) {
            hotload.awaitOut("ticker one started", START);
            hotload.awaitErr("still running", START);
            write("Ticker.java", source.replace("VERSION", "two"));
            hotload.awaitOut("ticker two started", RELOAD);
            // The save's status line comes after anything the stop of the first run printed. Its main is the loop
            // that changed, so it cannot be redefined in place: it is restarted.
            hotload.awaitErr("Ticker.java changed, restarted (Ticker.main is running and would not see the change)",
                    RELOAD);
            assertThat(String.join("\n", hotload.stderrLines())).doesNotContain("did not end", "InterruptedException");
        }
    }

    @Test
    void theHttpExampleKeepsItsPortAndAnswersWithTheNewCodeAfterASave() throws Exception {
        Path server = copyExample("http/Server.java");
        int port = freePort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicInteger requests = new AtomicInteger();
        try (HotloadProcess hotload = hotload(server.toString(), "--", String.valueOf(port))) {
            hotload.awaitOut("serving http://127.0.0.1:" + port, START);
            assertThat(get(client, port, requests)).isEqualTo("Hello from hotload, version 1\n");
            Files.writeString(server, Files.readString(server).replace("version 1", "version 2"));
            await().atMost(RELOAD).pollInterval(Duration.ofMillis(50))
                    .until(() -> get(client, port, requests), "Hello from hotload, version 2\n"::equals);
            assertThat(requests).hasValueLessThan(250);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("Address already in use"));
        }
    }

    @Test
    void anEntryInTheWrongFolderForItsPackageIsRefusedInOneLine() throws Exception {
        write("Main.java", "package shapes; public class Main { }");
        try (HotloadProcess hotload = hotload("Main.java")) {
            assertThat(hotload.awaitExit(START)).isEqualTo(2);
            assertThat(hotload.stderrLines()).containsExactly(
                    "hotload: Main.java declares 'package shapes' but is not in a folder shapes: move it there,"
                            + " under its source root");
        }
    }

    private static String get(HttpClient client, int port, AtomicInteger requests) throws IOException, InterruptedException {
        requests.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @return hotload started in the test's folder with {@code args}, compiling with the compiler under test */
    private HotloadProcess hotload(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--compiler", compiler));
        all.addAll(List.of(args));
        return HotloadProcess.hotload(dir, all.toArray(String[]::new));
    }

    private int runOnce(String entry) throws Exception {
        try (HotloadProcess hotload = hotload("--once", entry)) {
            return hotload.awaitExit(START);
        }
    }

    /** @return the copy, in this test's folder, of an example from examples/java */
    private Path copyExample(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.getParent());
        return Files.copy(HotloadProcess.home().resolve("examples/java").resolve(name), copy);
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
