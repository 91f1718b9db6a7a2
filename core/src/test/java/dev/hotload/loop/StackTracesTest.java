package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StackTracesTest {

    @Test
    void cutsTheTraceWhereItEntersHotload() {
        Throwable error = withFrames(new ArithmeticException("/ by zero"),
                frame("com.example.Lib", "divide", "Lib.java", 3),
                frame("com.example.Main", "main", "Main.java", 7),
                frame("dev.hotload.loop.ReloadLoop", "runStep", "ReloadLoop.java", 171),
                frame("dev.hotload.loop.ReloadLoop", "run", "ReloadLoop.java", 66),
                frame("java.lang.Thread", "run", "Thread.java", 833));

        assertThat(printed(error)).isEqualTo("""
                java.lang.ArithmeticException: / by zero
                \tat com.example.Lib.divide(Lib.java:3)
                \tat com.example.Main.main(Main.java:7)
                \t... 3 frames of hotload and the JVM
                """);
    }

    @Test
    void recursionIsToldOnceWithHowManyTimesItRepeated() {
        StackTraceElement[] frames = new StackTraceElement[1 + 2 * 500 + 2];
        frames[0] = frame("com.example.Lib", "leaf", "Lib.java", 1);
        for (int i = 0; i < 500; i++) {
            frames[1 + 2 * i] = frame("com.example.Lib", "even", "Lib.java", 2);
            frames[2 + 2 * i] = frame("com.example.Lib", "odd", "Lib.java", 3);
        }
        frames[1001] = frame("com.example.Main", "main", "Main.java", 7);
        frames[1002] = frame("com.example.Main", "main", "Main.java", 7);
        Throwable error = new StackOverflowError();
        error.setStackTrace(frames);

        assertThat(printed(error)).isEqualTo("""
                java.lang.StackOverflowError
                	at com.example.Lib.leaf(Lib.java:1)
                	at com.example.Lib.even(Lib.java:2)
                	at com.example.Lib.odd(Lib.java:3)
                	... the 2 frames above repeated 499 more times
                	at com.example.Main.main(Main.java:7)
                	at com.example.Main.main(Main.java:7)
                """);
    }

    @Test
    void cutsEachCauseTheSameWay() {
        Throwable cause = withFrames(new IllegalStateException("no config"),
                frame("com.example.Config", "load", "Config.java", 12),
                frame("dev.hotload.loop.ReloadLoop", "runStep", "ReloadLoop.java", 171));
        Throwable error = withFrames(new RuntimeException("start failed", cause),
                frame("com.example.Main", "main", "Main.java", 7),
                frame("dev.hotload.loop.ReloadLoop", "runStep", "ReloadLoop.java", 171));

        assertThat(printed(error)).isEqualTo("""
                java.lang.RuntimeException: start failed
                \tat com.example.Main.main(Main.java:7)
                \t... 1 frames of hotload and the JVM
                Caused by: java.lang.IllegalStateException: no config
                \tat com.example.Config.load(Config.java:12)
                \t... 1 frames of hotload and the JVM
                """);
    }

    @Test
    void keepsATraceThatStartsInHotloadWhole() {
        // hotload's own bug: every frame matters, also those past the JDK's own (a stream, a lambda).
        Throwable error = withFrames(new NullPointerException("entry"),
                frame("dev.hotload.spi.ReloaderRegistry", "lambda$forEntry$1", "ReloaderRegistry.java", 70),
                frame("java.util.stream.ReferencePipeline$2$1", "accept", "ReferencePipeline.java", 178),
                frame("dev.hotload.spi.ReloaderRegistry", "forEntry", "ReloaderRegistry.java", 71),
                frame("dev.hotload.cli.HotloadCommand", "call", "HotloadCommand.java", 139));

        assertThat(printed(error)).isEqualTo("""
                java.lang.NullPointerException: entry
                \tat dev.hotload.spi.ReloaderRegistry.lambda$forEntry$1(ReloaderRegistry.java:70)
                \tat java.util.stream.ReferencePipeline$2$1.accept(ReferencePipeline.java:178)
                \tat dev.hotload.spi.ReloaderRegistry.forEntry(ReloaderRegistry.java:71)
                \tat dev.hotload.cli.HotloadCommand.call(HotloadCommand.java:139)
                """);
    }

    @Test
    void keepsATraceWithoutHotloadWhole() {
        Throwable error = withFrames(new IllegalArgumentException("x"),
                frame("com.example.Lib", "check", "Lib.java", 5),
                frame("java.lang.Thread", "run", "Thread.java", 833));

        assertThat(printed(error)).isEqualTo("""
                java.lang.IllegalArgumentException: x
                \tat com.example.Lib.check(Lib.java:5)
                \tat java.lang.Thread.run(Thread.java:833)
                """);
    }

    @Test
    void causesThatFormALoopAreToldOnceAsTheJdkTellsThem() {
        Exception a = withFrames(new IllegalStateException("a"), frame("com.example.Lib", "a", "Lib.java", 1));
        Exception b = withFrames(new IllegalArgumentException("b", a), frame("com.example.Lib", "b", "Lib.java", 2));
        a.initCause(b);

        assertThat(printed(a)).isEqualTo("""
                java.lang.IllegalStateException: a
                \tat com.example.Lib.a(Lib.java:1)
                Caused by: java.lang.IllegalArgumentException: b
                \tat com.example.Lib.b(Lib.java:2)
                Caused by: [CIRCULAR REFERENCE: java.lang.IllegalStateException: a]
                """);
    }

    @Test
    void suppressedExceptionsAreShownIndentedAndTheirLoopsToldOnce() {
        Exception main = withFrames(new IllegalStateException("main"), frame("com.example.Lib", "run", "Lib.java", 1));
        Exception closing = withFrames(new IllegalArgumentException("close"), frame("com.example.Res", "close", "Res.java", 9));
        main.addSuppressed(closing);
        closing.addSuppressed(main);

        assertThat(printed(main)).isEqualTo("""
                java.lang.IllegalStateException: main
                \tat com.example.Lib.run(Lib.java:1)
                \tSuppressed: java.lang.IllegalArgumentException: close
                \t\tat com.example.Res.close(Res.java:9)
                \t\tSuppressed: [CIRCULAR REFERENCE: java.lang.IllegalStateException: main]
                """);
    }

    @Test
    void anExceptionWhoseToStringThrowsIsShownByItsClassWithItsFrames() {
        Throwable error = withFrames(new RuntimeException() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for you");
            }
        }, frame("com.example.Lib", "fail", "Lib.java", 4));

        assertThat(printed(error)).isEqualTo(error.getClass().getName() + """
                 (its toString() threw java.lang.IllegalStateException)
                \tat com.example.Lib.fail(Lib.java:4)
                """);
    }

    @Test
    void aGetCauseThatThrowsEndsTheChainWithALineThatSaysSo() {
        Throwable error = withFrames(new RuntimeException("outer") {
            @Override
            public synchronized Throwable getCause() {
                throw new UnsupportedOperationException();
            }
        }, frame("com.example.Lib", "fail", "Lib.java", 4));

        assertThat(printed(error)).endsWith("""
                \tat com.example.Lib.fail(Lib.java:4)
                Caused by: (its getCause() threw java.lang.UnsupportedOperationException)
                """);
    }

    @Test
    void onlyTheFramesALanguageShowsArePrinted() {
        Throwable error = withFrames(new IllegalStateException("x"),
                frame("script1", "run", "script1.groovy", 3),
                frame("org.codehaus.groovy.runtime.InvokerHelper", "invokeMethod", "InvokerHelper.java", 100),
                frame("script1", "main", "script1.groovy", 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StackTraces.print(error, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                frame -> !frame.getClassName().startsWith("org.codehaus."));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                java.lang.IllegalStateException: x
                \tat script1.run(script1.groovy:3)
                \tat script1.main(script1.groovy:1)
                """);
    }

    private static <T extends Throwable> T withFrames(T error, StackTraceElement... frames) {
        error.setStackTrace(frames);
        return error;
    }

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }

    private static String printed(Throwable error) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StackTraces.print(error, out);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
