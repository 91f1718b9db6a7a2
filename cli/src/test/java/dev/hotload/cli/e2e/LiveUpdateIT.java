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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user editing a Java or Groovy program that is running (a server, a loop): a save that changes method bodies
 * only reaches the running program in place, with its state; any other save restarts it, saying why.
 */
class LiveUpdateIT {

    private static final String TICKER = """
            public class Ticker {
                static int ticks;

                public static void main(String[] args) throws InterruptedException {
                    while (true) {
                        System.out.println("tick " + (++ticks) + " " + version());
                        Thread.sleep(50);
                    }
                }

                static String version() {
                    return "v1";
                }
            }
            """;

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aServersCounterSurvivesAMethodBodyEditAndStartsOverWhenAFieldIsAdded() throws Exception {
        Path server = copyExample("java/live/CounterServer.java");
        int port = freePort();
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, server.toString(), "--", String.valueOf(port))) {
            hotload.awaitOut("serving http://127.0.0.1:" + port, START);
            assertThat(get(port)).isEqualTo("visit 1: hello from version 1\n");
            assertThat(get(port)).isEqualTo("visit 2: hello from version 1\n");

            edit(server, "version 1", "version 2");
            assertThat(hotload.awaitErr("CounterServer.java changed", RELOAD))
                    .startsWith("hotload: CounterServer.java changed, redefined 1 class in place in ");
            assertThat(get(port)).isEqualTo("visit 3: hello from version 2\n");

            edit(server, "private static int visits;", "private static int visits;\n    private static int errors;");
            assertThat(hotload.awaitErr("CounterServer.java changed", RELOAD))
                    .contains("restarted (CounterServer: field errors added)");
            hotload.awaitOut("serving http://127.0.0.1:" + port, RELOAD);
            assertThat(get(port)).isEqualTo("visit 1: hello from version 2\n");
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("Address already in use"));
        }
    }

    @Test
    void aLoopRunsTheNewMethodOnItsNextTickAndKeepsCounting() throws Exception {
        Path ticker = write("Ticker.java", TICKER);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, ticker.toString())) {
            hotload.awaitOut("tick 3 v1", START);
            edit(ticker, "\"v1\"", "\"v2\"");
            hotload.awaitErr("Ticker.java changed, redefined 1 class in place", RELOAD);
            String first = hotload.awaitOut(" v2", RELOAD);
            assertThat(ticks(first)).isGreaterThan(3);
            List<String> out = hotload.stdoutLines();
            // At most one tick was under way when the class was redefined: the next one ran the new code.
            assertThat(out.subList(out.indexOf(first), out.size())).allMatch(line -> line.endsWith(" v2"));
        }
    }

    @Test
    void withRestartEverySaveRunsMainAgainWithFreshStatics() throws Exception {
        Path ticker = write("Ticker.java", TICKER);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--restart", ticker.toString())) {
            hotload.awaitOut("tick 3 v1", START);
            edit(ticker, "\"v1\"", "\"v2\"");
            hotload.awaitOut("tick 1 v2", RELOAD);
            assertThat(hotload.awaitErr("Ticker.java changed", RELOAD)).contains("reloaded in").doesNotContain("redefined");
        }
    }

    @Test
    void aProgramThatHasEndedRunsAgainFromFreshStaticsWhateverWasEdited() throws Exception {
        String once = """
                public class Once {
                    static int runs;

                    public static void main(String[] args) {
                        System.out.println("run " + (++runs) + " of " + name());
                    }

                    static String name() {
                        return "one";
                    }
                }
                """;
        Path entry = write("Once.java", once);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, entry.toString())) {
            hotload.awaitOut("run 1 of one", START);
            edit(entry, "\"one\"", "\"two\"");
            hotload.awaitOut("run 1 of two", RELOAD);
            assertThat(hotload.awaitErr("Once.java changed", RELOAD)).contains("reloaded in");
        }
    }

    @Test
    void aCompileErrorLeavesTheRunningCodeAsItWasAndTheNextGoodSaveIsRedefined() throws Exception {
        Path ticker = write("Ticker.java", TICKER);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, ticker.toString())) {
            hotload.awaitOut("tick 3 v1", START);
            edit(ticker, "return \"v1\";", "return \"v2\"");
            hotload.awaitErr("(compile error)", RELOAD);
            String after = hotload.awaitOut(" v1", RELOAD);
            assertThat(ticks(after)).isGreaterThan(3);
            edit(ticker, "return \"v2\"", "return \"v3\";");
            hotload.awaitErr("redefined 1 class in place", RELOAD);
            hotload.awaitOut(" v3", RELOAD);
            assertThat(hotload.stdoutLines()).noneMatch(line -> line.startsWith("tick 1 v3"));
        }
    }

    @Test
    void aMainLoopThatWasEditedIsRestartedForItWouldNeverSeeTheChange() throws Exception {
        Path ticker = write("Ticker.java", TICKER);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, ticker.toString())) {
            hotload.awaitOut("tick 3 v1", START);
            edit(ticker, "\"tick \"", "\"tock \"");
            hotload.awaitOut("tock 1 v1", RELOAD);
            assertThat(hotload.awaitErr("Ticker.java changed", RELOAD))
                    .contains("restarted (Ticker.main is running and would not see the change)");
        }
    }

    @Test
    void anonymousClassesThatMovedAreRestartedNotRedefinedUnderEachOthersNames() throws Exception {
        write("Handlers.java", """
                public class Handlers {
                    static Runnable hello() { return new Runnable() { public void run() { System.out.println("hello"); } }; }
                    static Runnable bye() { return new Runnable() { public void run() { System.out.println("bye"); } }; }
                }
                """);
        Path app = write("App.java", """
                public class App {
                    public static void main(String[] args) {
                        Runnable hello = Handlers.hello();
                        Runnable bye = Handlers.bye();
                        new Thread(() -> {
                            for (int tick = 1; ; tick++) {
                                hello.run();
                                bye.run();
                                System.out.println("tick " + tick);
                                try {
                                    Thread.sleep(50);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        }, "ticker").start();
                    }
                }
                """);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, app.toString())) {
            hotload.awaitOut("tick 2", START);
            // A "move method" refactoring: the two methods swap places, and javac numbers their classes anew.
            Path handlers = dir.resolve("Handlers.java");
            String text = Files.readString(handlers);
            String[] lines = text.split("\n");
            edit(handlers, lines[1] + "\n" + lines[2], lines[2] + "\n" + lines[1]);
            assertThat(hotload.awaitErr("Handlers.java changed", RELOAD))
                    .contains("restarted (2 lambdas, anonymous classes or closures changed");
            hotload.awaitOut("tick 1", RELOAD);
            List<String> out = hotload.stdoutLines();
            int restart = out.lastIndexOf("tick 1");
            assertThat(out.subList(restart - 2, restart)).containsExactly("hello", "bye");
        }
    }

    @Test
    void aMethodBusyThreadsCallAllTheTimeIsRedefinedAndItsLoopsRestartedWhenTheyChange() throws Exception {
        write("Work.java", """
                public class Work {
                    static String tick() {
                        return "work v1";
                    }
                }
                """);
        Path app = write("App.java", """
                public class App {
                    static volatile String last = "";

                    public static void main(String[] args) {
                        for (int i = 0; i < 2; i++) {
                            new Thread(() -> {
                                while (!Thread.currentThread().isInterrupted()) {
                                    String now = Work.tick();
                                    if (!now.equals(last)) {
                                        last = now;
                                        System.out.println(now);
                                    }
                                }
                            }, "busy-" + i).start();
                        }
                    }
                }
                """);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, app.toString())) {
            hotload.awaitOut("work v1", START);
            for (int version = 2; version <= 4; version++) {
                edit(dir.resolve("Work.java"), "work v" + (version - 1), "work v" + version);
                // Always on the busy threads' stacks, but never for long: the next call runs the new body.
                assertThat(hotload.awaitErr("Work.java changed", RELOAD)).contains("redefined 1 class in place");
                hotload.awaitOut("work v" + version, RELOAD);
            }
            edit(app, "String now = Work.tick();", "String now = Work.tick() + \"!\";");
            // javac's lambdas name their method (a lambda in App.main), ECJ's do not.
            assertThat(hotload.awaitErr("App.java changed", RELOAD)).contains("restarted (a lambda in App")
                    .contains(" changed, and thread busy-");
            hotload.awaitOut("work v4!", RELOAD);
        }
    }

    @Test
    void aProgramWhoseOnlyLeftThreadIsAnEarlierRunsRunsMainAgainOnTheNextSave() throws Exception {
        write("Work.java", "public class Work { static String f() { return \"f1\"; } }\n");
        String app = """
                import java.net.InetAddress;
                import java.net.ServerSocket;

                public class App {
                    public static void main(String[] args) throws Exception {
                        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                        // Blocked in accept, it ignores both an interrupt and a stop: hotload cannot end it.
                        new Thread(() -> {
                            try {
                                socket.accept();
                            } catch (Exception e) {
                                return;
                            }
                        }, "acceptor").start();
                        System.out.println("main: " + Work.f());
                    }
                }
                """;
        Path entry = write("App.java", app);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, entry.toString())) {
            hotload.awaitOut("main: f1", START);
            edit(entry, "new Thread(", "if (false) new Thread(");
            hotload.awaitErr("could not stop 1 thread the previous run left running: acceptor", RELOAD);
            hotload.awaitOut("main: f1", RELOAD);
            // The last run has ended: the thread an earlier one left does not make it a running program.
            edit(dir.resolve("Work.java"), "f1", "f2");
            hotload.awaitOut("main: f2", RELOAD);
            assertThat(hotload.awaitErr("Work.java changed", RELOAD)).contains("reloaded in");
        }
    }

    @Test
    void aGroovyScriptsHelperObjectPicksUpAChangedMethodAndAFieldAddedRestartsIt() throws Exception {
        Path script = copyExample("groovy/live/counter.groovy");
        Path counter = copyExample("groovy/live/Counter.groovy");
        edit(script, "Thread.sleep(1000)", "Thread.sleep(50)");
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, script.toString())) {
            hotload.awaitOut("count 3, version 1", START);
            // Saved without a final newline, as most editors do.
            Files.writeString(counter, Files.readString(counter).replace("version 1", "version 2").stripTrailing());
            hotload.awaitErr("Counter.groovy changed, redefined", RELOAD);
            String first = hotload.awaitOut("version 2", RELOAD);
            assertThat(ticks(first)).isGreaterThan(3);

            edit(counter, "int count", "int count\n    int skipped");
            assertThat(hotload.awaitErr("Counter.groovy changed", RELOAD)).contains("restarted (Counter: field skipped added)");
            hotload.awaitOut("count 1, version 2", RELOAD);
        }
    }

    private static int ticks(String line) {
        return Integer.parseInt(line.split("[ ,]")[1]);
    }

    private String get(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Saves {@code file} with {@code from} replaced, through a rename, as many editors save. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Path saved = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), text.replace(from, to));
        Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path copyExample(String name) throws IOException {
        Path copy = dir.resolve(Path.of(name).getFileName());
        return Files.copy(HotloadProcess.home().resolve("examples").resolve(name), copy);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
