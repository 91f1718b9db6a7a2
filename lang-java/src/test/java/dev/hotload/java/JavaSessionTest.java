package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotload.compiled.CompiledReloader;
import dev.hotload.compiled.CompiledSessionHarness;
import dev.hotload.jvm.ClassRedefiner;
import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.watch.ChangeSet;
import java.lang.instrument.ClassDefinition;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Java program run in process: a generation per save, state kept, errors and exits as outcomes; the same with
 * either compiler.
 */
@ParameterizedClass
@EnumSource(JavaCompilerKind.class)
class JavaSessionTest extends CompiledSessionHarness {

    @Parameter
    JavaCompilerKind kind;

    @Override
    protected CompiledReloader reloader() {
        return new JavaReloader();
    }

    @Override
    protected Launch launched(Launch launch) {
        return launch.withCompiler(kind.compilerName());
    }

    @Test
    void runsMainThenEachSaveRunsTheSavedVersion() throws Exception {
        Path lib = write("Lib.java", "class Lib { public static void main(String[] args) { System.out.println(\"Result: \" + 3 * 3); } }");
        open(Launch.of(lib));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.ok());
        write("Lib.java", "class Lib { public static void main(String[] args) { System.out.println(\"Result: \" + 4 * 4); } }");
        assertThat(save(lib)).isEqualTo(Outcome.ok());

        assertThat(out()).isEqualTo("Result: 9\nResult: 16\n");
    }

    @Test
    void aFurtherSourceRootIsCompiledWithTheEntrysAndItsSaveReloadsTheEntry() throws Exception {
        // Two modules of a Maven project: app's Main uses core's Greeting, from core's source root.
        write("core/src/main/java/com/acme/core/Greeting.java",
                "package com.acme.core; public class Greeting { public static String of(String n) { return \"hi \" + n; } }");
        write("core/src/main/resources/greeting.txt", "from core's resources");
        Path main = write("app/src/main/java/com/acme/app/Main.java", """
                package com.acme.app;
                import com.acme.core.Greeting;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println(Greeting.of("app"));
                        System.out.println(new String(Main.class.getResourceAsStream("/greeting.txt").readAllBytes()));
                    }
                }
                """);
        open(Launch.of(main).sourceRoots(List.of(dir.resolve("core/src/main/java"))).classpath(List.of(dir.resolve("core/src/main/resources"))));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.ok());
        Path greeting = write("core/src/main/java/com/acme/core/Greeting.java",
                "package com.acme.core; public class Greeting { public static String of(String n) { return \"hello \" + n; } }");
        assertThat(save(greeting)).isEqualTo(Outcome.ok());
        Path resource = write("core/src/main/resources/greeting.txt", "changed");
        assertThat(save(resource)).isEqualTo(Outcome.ok());

        assertThat(out()).isEqualTo("hi app\nfrom core's resources\nhello app\nfrom core's resources\nhello app\nchanged\n");
    }

    @Test
    void java17sLanguageRunsAlikeAndAChangedConstantReachesItsUsers() throws Exception {
        write("Shape.java", """
                sealed interface Shape permits Shape.Square, Shape.Circle {
                    record Square(int side) implements Shape { }
                    record Circle(int radius) implements Shape { }
                }
                """);
        write("Limits.java", "class Limits { static final int MAX = 10; }");
        Path main = write("Main.java", """
                import java.util.*;
                import java.util.function.*;
                import java.util.stream.*;
                public class Main {
                    static <T extends Comparable<? super T>> Optional<T> largest(Collection<? extends T> items) {
                        return items.stream().map(item -> (T) item).max(Comparator.naturalOrder());
                    }
                    static int area(Shape shape) {
                        if (shape instanceof Shape.Square square) {
                            return square.side() * square.side();
                        }
                        return shape instanceof Shape.Circle c ? 3 * c.radius() * c.radius() : 0;
                    }
                    class Inner { int twice(int n) { return 2 * n; } }
                    public static void main(String[] args) {
                        List<Shape> shapes = List.of(new Shape.Square(2), new Shape.Circle(1));
                        Map<Boolean, List<Integer>> areas = shapes.stream().map(Main::area)
                                .collect(Collectors.partitioningBy(a -> a > 3));
                        Supplier<String> anonymous = new Supplier<>() {
                            @Override public String get() { return "anonymous"; }
                        };
                        String kind = switch (shapes.size()) { case 2 -> "two"; default -> "other"; };
                        var text = String.join(" ", "text", "joined");
                        System.out.println(areas + " " + largest(List.of(3, 9, 4)).orElseThrow() + " "
                                + new Main().new Inner().twice(Limits.MAX) + " " + anonymous.get() + " " + kind + " " + text
                                + " " + shapes.get(0));
                    }
                }
                """);
        open(Launch.of(main));
        session.run(ChangeSet.initial());
        write("Limits.java", "class Limits { static final int MAX = 20; }");
        save(dir.resolve("Limits.java"));

        assertThat(out()).isEqualTo("{false=[3], true=[4]} 9 20 anonymous two text joined Square[side=2]\n"
                + "{false=[3], true=[4]} 9 40 anonymous two text joined Square[side=2]\n");
        assertThat(session.lastBuild().recompiled()).extracting(this::name).contains("Limits.java", "Main.java");
    }

    @Test
    void aSwitchPatternIsAPreviewOfJava17AndRefused() throws Exception {
        Path main = write("Main.java", """
                public class Main {
                    public static void main(String[] args) {
                        Object o = 3;
                        System.out.println(switch (o) { case Integer i -> "int " + i; default -> "other"; });
                    }
                }
                """);
        open(Launch.of(main));

        Outcome outcome = session.run(ChangeSet.initial());

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(outcome.diagnostics()).contains("Main.java:4: error: ").contains(switch (kind) {
            case JAVAC -> "patterns in switch statements are a preview feature";
            case ECJ -> "'Pattern Matching in Switch' is only available with source level 21 and above";
        });
    }

    @Test
    void argumentsReachMainAndEntrypointCallsANamedMethod() throws Exception {
        Path app = write("App.java", """
                public class App {
                    public static void main(String[] args) { System.out.println("args " + String.join(",", args)); }
                    public static void render() { System.out.println("rendered"); }
                }
                """);
        open(Launch.of(app).args(List.of("--verbose", "two words")).build());
        session.run(ChangeSet.initial());
        session.close();
        open(Launch.of(app).entrypoint("render").build());
        session.run(ChangeSet.initial());

        assertThat(out()).isEqualTo("args --verbose,two words\nrendered\n");
    }

    @Test
    void aPackagedEntryCompilesItsSourceTreeAndRunsWithItsPackagedHelpers() throws Exception {
        write("src/shapes/Square.java", "package shapes; record Square(int side) { int area() { return side * side; } }");
        Path main = write("src/shapes/Main.java", """
                package shapes;
                public class Main {
                    public static void main(String[] args) { System.out.println("area " + new Square(3).area()); }
                }
                """);
        open(Launch.of(main));
        session.run(ChangeSet.initial());
        write("src/shapes/Square.java", "package shapes; record Square(int side) { int area() { return side * side * 2; } }");
        save(dir.resolve("src/shapes/Square.java"));

        assertThat(out()).isEqualTo("area 9\narea 18\n");
        assertThat(session.lastBuild().recompiled()).extracting(this::name).containsExactly("Main.java", "Square.java");
    }

    @Test
    void aCompileErrorReadsLikeJavacKeepsTheLastGoodGenerationAndTheNextGoodSaveRuns() throws Exception {
        Path lib = write("Lib.java", "class Lib {\n    public static void main(String[] args) {\n        System.out.println(\"good\");\n    }\n}\n");
        open(Launch.of(lib));
        session.run(ChangeSet.initial());
        ClassLoader good = session.generation();
        write("Lib.java", "class Lib {\n    public static void main(String[] args) {\n        int x = 3\n    }\n}\n");

        Outcome broken = save(lib);
        assertThat(broken.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(broken.detail()).isEqualTo("compile error");
        assertThat(broken.diagnostics()).endsWith("""
                Lib.java:3: error: ';' expected
                        int x = 3
                                 ^
                1 error
                """);
        assertThat(err()).isEmpty();
        assertThat(session.generation()).isSameAs(good);

        write("Lib.java", "class Lib { public static void main(String[] args) { System.out.println(\"fixed\"); } }");
        assertThat(save(lib)).isEqualTo(Outcome.ok());
        assertThat(out()).isEqualTo("good\nfixed\n");
    }

    @Test
    void systemExitEndsTheRunWithItsStatusNotTheJvm() throws Exception {
        Path lib = write("Lib.java", "class Lib { public static void main(String[] args) { System.out.println(\"before\"); System.exit(3); } }");
        open(Launch.of(lib));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.exited(3));
        write("Lib.java", "class Lib { public static void main(String[] args) { Runtime.getRuntime().exit(4); } }");
        assertThat(save(lib)).isEqualTo(Outcome.exited(4));
        write("Lib.java", "class Lib { public static void main(String[] args) { Runtime.getRuntime().halt(5); } }");
        assertThat(save(lib)).isEqualTo(Outcome.exited(5));
        assertThat(out()).isEqualTo("before\n");
    }

    @Test
    void anExceptionPrintsItsTraceWithoutHotloadsOrReflectionFrames() throws Exception {
        Path lib = write("Lib.java", """
                class Lib {
                    static int divide(int a, int b) { return a / b; }
                    public static void main(String[] args) { divide(1, 0); }
                }
                """);
        open(Launch.of(lib));

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.failed("ArithmeticException"));
        assertThat(err()).startsWith("""
                Exception in thread "main" java.lang.ArithmeticException: / by zero
                \tat Lib.divide(Lib.java:2)
                \tat Lib.main(Lib.java:3)
                \t...""").doesNotContain("reflect", "dev.hotload");
    }

    @Test
    void aMissingMainSaysWhatToAdd() throws Exception {
        Path lib = write("Lib.java", "class Lib { static void helper() { } }");
        open(Launch.of(lib));

        assertThat(session.run(ChangeSet.initial()).kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(err()).isEqualTo("hotload: Lib has no 'public static void main(String[] args)': add one, or name a"
                + " static method to call with --entrypoint\n");
    }

    @Test
    void keptStateSurvivesReloadsAndUnloadHooksRunBeforeTheNextGeneration() throws Exception {
        String source = """
                import dev.hotload.Hotload;
                import java.util.concurrent.atomic.AtomicInteger;
                class Counter {
                    public static void main(String[] args) {
                        AtomicInteger runs = Hotload.keep("runs", AtomicInteger::new);
                        System.out.println("VERSION run " + runs.incrementAndGet());
                        Hotload.onUnload(() -> System.out.println("unloading VERSION"));
                    }
                }
                """;
        Path counter = write("Counter.java", source.replace("VERSION", "A"));
        open(Launch.of(counter));
        session.run(ChangeSet.initial());
        write("Counter.java", source.replace("VERSION", "B"));
        save(counter);
        session.close();
        session = null;

        assertThat(out()).isEqualTo("A run 1\nunloading A\nB run 2\nunloading B\n");
    }

    @Test
    void keepingAnObjectOfTheProgramsOwnClassFailsClearlyOnTheNextReload() throws Exception {
        String source = """
                import dev.hotload.Hotload;
                class Lib {
                    static class Cache { }
                    public static void main(String[] args) { Hotload.keep("cache", Cache::new); System.out.println("VERSION"); }
                }
                """;
        Path lib = write("Lib.java", source.replace("VERSION", "one"));
        open(Launch.of(lib));
        session.run(ChangeSet.initial());
        write("Lib.java", source.replace("VERSION", "two"));

        assertThat(save(lib)).isEqualTo(Outcome.failed("IllegalStateException"));
        assertThat(err()).contains("Hotload.keep(\"cache\"): the kept Lib$Cache was defined by an earlier reload",
                "keep JDK or library types");
    }

    @Test
    void aMainThatDoesNotReturnRunsInTheBackgroundAndIsStoppedByTheNextSave() throws Exception {
        String source = """
                class Loop {
                    public static void main(String[] args) throws InterruptedException {
                        System.out.println("VERSION started");
                        try {
                            while (true) { Thread.sleep(10); }
                        } finally {
                            System.out.println("VERSION stopped");
                        }
                    }
                }
                """;
        Path loop = write("Loop.java", source.replace("VERSION", "one"));
        open(Launch.of(loop).build(), BACKGROUND);

        assertThat(session.run(ChangeSet.initial())).isEqualTo(Outcome.ok());
        assertThat(err()).contains("main is still running");
        write("Loop.java", source.replace("VERSION", "two"));
        assertThat(save(loop)).isEqualTo(Outcome.ok());

        assertThat(out()).startsWith("one started\none stopped\ntwo started\n");
        assertThat(err()).doesNotContain("InterruptedException", "did not end");
    }

    @Test
    void aRunAskedForStartsARunningProgramAgainFromMainWhereASaveIsRedefinedInPlace() throws Exception {
        String source = """
                class Loop {
                    static int ticks;
                    static void tick() { ticks += STEP; }
                    public static void main(String[] args) throws InterruptedException {
                        System.out.println("started");
                        try {
                            while (true) { tick(); Thread.sleep(10); }
                        } finally {
                            System.out.println("stopped");
                        }
                    }
                }
                """;
        Path loop = write("Loop.java", source.replace("STEP", "1"));
        List<String> redefined = new CopyOnWriteArrayList<>();
        open(Launch.of(loop).build(), BACKGROUND, Optional.of(new ClassRedefiner() {
            @Override
            public void redefine(List<ClassDefinition> definitions) {
                definitions.forEach(definition -> redefined.add(definition.getDefinitionClass().getName()));
            }

            @Override
            public boolean allowsNewShapes() {
                return false;
            }
        }));
        session.run(ChangeSet.initial());
        write("Loop.java", source.replace("STEP", "2"));
        assertThat(save(loop).update()).isEqualTo("redefined 1 class in place");

        assertThat(session.run(ChangeSet.requestedRun())).isEqualTo(Outcome.ok());

        assertThat(redefined).containsExactly("Loop");
        assertThat(out()).isEqualTo("started\nstopped\nstarted\n");
    }

    @Test
    void aMainThatIgnoresInterruptsIsReportedAndTheNewGenerationStartsAnyway() throws Exception {
        Path stubborn = write("Stubborn.java", """
                class Stubborn {
                    static volatile boolean done;
                    public static void main(String[] args) {
                        System.out.println("started");
                        dev.hotload.Hotload.onUnload(() -> { });
                        long until = System.nanoTime() + 3_000_000_000L;
                        while (!done && System.nanoTime() < until) { Thread.onSpinWait(); }
                    }
                }
                """);
        open(Launch.of(stubborn).build(), BACKGROUND);
        session.run(ChangeSet.initial());
        write("Stubborn.java", "class Stubborn { public static void main(String[] args) { System.out.println(\"replaced\"); } }");

        assertThat(save(stubborn)).isEqualTo(Outcome.ok());
        assertThat(err()).contains("hotload: the previous main did not end within 500 ms of an interrupt");
        assertThat(out()).endsWith("replaced\n");
    }

    @Test
    void anOldGenerationIsUnloadableOnceReplaced() throws Exception {
        String source = "class Lib { static Object state = new Object(); public static void main(String[] args) { System.out.println(\"N\"); } }";
        Path lib = write("Lib.java", source.replace("N", "1"));
        open(Launch.of(lib));
        session.run(ChangeSet.initial());
        WeakReference<ClassLoader> first = new WeakReference<>(session.generation());
        write("Lib.java", source.replace("N", "2"));
        save(lib);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return first.get() == null;
        });
        assertThat(session.generation()).isNotNull();
    }

    @Test
    void librariesOnTheClassPathAreLoadedOnceForAllGenerations() throws Exception {
        Path libraries = dir.resolve("libs");
        Path counterSource = write("libsrc/lib/Counter.java", "package lib; public class Counter { public static int count; }");
        compileInto(libraries, counterSource);
        String source = "class App { public static void main(String[] args) { System.out.println(\"VERSION \" + ++lib.Counter.count); } }";
        Path app = write("app/App.java", source.replace("VERSION", "one"));
        open(Launch.of(app).classpath(List.of(libraries)).build());
        session.run(ChangeSet.initial());
        write("app/App.java", source.replace("VERSION", "two"));
        save(app);

        assertThat(out()).isEqualTo("one 1\ntwo 2\n");
    }

    private String name(Path path) {
        return path.getFileName().toString();
    }
}
