package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.run.ProgramStacks;
import java.lang.instrument.ClassDefinition;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a save does to a running generation, with the JVM's redefinition played by {@link Recording} (tests run
 * without hotload's agent; the system tests redefine in a real JVM through {@code bin/hotload}).
 */
class RedefinitionTest {

    private static final String A = """
            public class A implements java.util.function.Supplier<String> {
                public String get() { return "a1 " + new B().get(); }
                public static void loop() { }
            }
            """;
    private static final String B = """
            public class B implements java.util.function.Supplier<String> {
                public String get() { return "b1"; }
            }
            """;

    @TempDir
    Path dir;

    private int compiles;
    private final Recording jvm = new Recording();

    @Test
    void changedBodiesOfLoadedClassesAreRedefinedAndTheOthersLoadFromTheNewBuild() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("a1", "a2"), B.replace("b1", "b2"));

        Redefinition.Result result = Redefinition.apply(program(running), next, jvm);

        assertThat(result).isEqualTo(new Redefinition.Redefined(1));
        assertThat(((Redefinition.Redefined) result).words()).isEqualTo("redefined 1 class in place");
        assertThat(jvm.redefined).containsExactly(List.of("A"));
        assertThat(supplied(running, "B")).isEqualTo("b2");
    }

    @Test
    void aBuildWithNothingChangedKeepsTheProgramRunningAsItIs() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");

        Redefinition.Result result = Redefinition.apply(program(running), compile(A, B), jvm);

        assertThat(((Redefinition.Redefined) result).words()).isEqualTo("no loaded class changed; kept running");
        assertThat(jvm.redefined).isEmpty();
    }

    @Test
    void aFieldAddedRefusesTheWholeBuildAndChangesNothing() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("a1", "a2"), B.replace("public String get", "int count; public String get"));

        Redefinition.Result result = Redefinition.apply(program(running), next, jvm);

        assertThat(result).isEqualTo(new Redefinition.Refused("B: field count added"));
        assertThat(jvm.redefined).isEmpty();
        assertThat(supplied(running, "B")).isEqualTo("b1");
    }

    @Test
    void aClassAddedOrRemovedRefusesTheBuild() {
        Generation running = generation(A, B);

        assertThat(Redefinition.apply(program(running), compile(A, B, "class C { }"), jvm))
                .isEqualTo(new Redefinition.Refused("class C added"));
        assertThat(Redefinition.apply(program(running), compile(A.replace("new B().get()", "\"\""), ""), jvm))
                .isEqualTo(new Redefinition.Refused("class B removed"));
    }

    @Test
    void aRefusalOfTheJvmIsToldInItsWordsAndLeavesTheGenerationAsItWas() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        jvm.refusal = new UnsupportedOperationException("class redefinition failed: attempted to change the schema");

        Redefinition.Result result = Redefinition.apply(program(running),
                compile(A.replace("a1", "a2"), B.replace("b1", "b2")), jvm);

        assertThat(result).isEqualTo(new Redefinition.Refused(
                "the JVM refused: class redefinition failed: attempted to change the schema"));
        assertThat(supplied(running, "B")).isEqualTo("b1");
    }

    @Test
    void aChangedMethodTheRunsThreadStaysInRefusesTheBuild() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("public static void loop() { }",
                "public static void loop() { System.out.println(); }"), B);
        ProgramStacks inLoop = new ProgramStacks(List.of(frame("A", "loop"), frame("java.lang.Thread", "run")), Map.of());

        assertThat(Redefinition.apply(new Redefinition.Program(running, Set.of(), () -> inLoop), next, jvm))
                .isEqualTo(new Redefinition.Refused("A.loop is running and would not see the change"));
        assertThat(jvm.redefined).isEmpty();
    }

    @Test
    void aChangedMethodTheRunsThreadWasInForAMomentOnlyIsRedefined() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("public static void loop() { }",
                "public static void loop() { System.out.println(); }"), B);
        Deque<ProgramStacks> looks = new ArrayDeque<>(List.of(
                new ProgramStacks(List.of(frame("A", "loop"), frame("A", "main")), Map.of()),
                new ProgramStacks(List.of(frame("A", "main")), Map.of())));

        Redefinition.Result result = Redefinition.apply(
                new Redefinition.Program(running, Set.of(), () -> looks.size() > 1 ? looks.pop() : looks.peek()), next, jvm);

        assertThat(result).isEqualTo(new Redefinition.Redefined(1));
    }

    @Test
    void aChangedMethodAThreadStartedInRefusesTheBuildForItReturnsOnlyWhenTheThreadEnds() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("public static void loop() { }",
                "public static void loop() { System.out.println(); }"), B);
        ProgramStacks ticking = new ProgramStacks(List.of(), Map.of("ticker", frame("A", "loop")));

        assertThat(Redefinition.apply(new Redefinition.Program(running, Set.of(), () -> ticking), next, jvm))
                .isEqualTo(new Redefinition.Refused("A.loop changed, and thread ticker runs in it until it ends"));
    }

    @Test
    void aThreadInAnUnchangedOverloadOfAChangedMethodDoesNotStandInTheWay() throws Exception {
        String overloads = """
                public class A implements java.util.function.Supplier<String> {
                    public String get() { return loop(1); }
                    public static void loop() {
                        while (true) { }
                    }
                    public static String loop(int x) {
                        return "one";
                    }
                }
                """;
        Generation running = generation(overloads, B);
        running.loadClass("A");
        // In loop(), on its line 4: not in loop(int), which changed.
        ProgramStacks ticking = new ProgramStacks(List.of(), Map.of("ticker", new StackTraceElement("A", "loop", "A.java", 4)));

        Redefinition.Result result = Redefinition.apply(new Redefinition.Program(running, Set.of(), () -> ticking),
                compile(overloads.replace("\"one\"", "\"two\""), B), jvm);

        assertThat(result).isEqualTo(new Redefinition.Redefined(1));
    }

    @Test
    void anUnchangedMethodRunningNowDoesNotStandInTheWay() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        ProgramStacks inLoop = new ProgramStacks(List.of(frame("A", "loop")), Map.of("ticker", frame("A", "loop")));

        Redefinition.Result result = Redefinition.apply(new Redefinition.Program(running, Set.of(), () -> inLoop),
                compile(A.replace("a1", "a2"), B), jvm);

        assertThat(result).isEqualTo(new Redefinition.Redefined(1));
    }

    @Test
    void aChangedEntryMethodRefusesTheBuildEvenOnceItHasReturned() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("public static void loop() { }",
                "public static void loop() { System.out.println(); }"), B);

        assertThat(Redefinition.apply(new Redefinition.Program(running, Set.of("A.loop"), () -> ProgramStacks.NONE), next, jvm))
                .isEqualTo(new Redefinition.Refused("A.loop changed, and it runs only at the start"));
    }

    @Test
    void aChangedStaticInitializerRefusesTheBuildOnceItHasRun() throws Exception {
        String withStatic = B.replace("public String get() { return \"b1\"; }",
                "static String greeting = \"b1\"; public String get() { return greeting; }");
        Generation running = generation(A, withStatic);
        running.loadClass("B");

        Redefinition.Result loadedOnly = Redefinition.apply(program(running),
                compile(A, withStatic.replace("= \"b1\"", "= \"b2\"")), jvm);
        assertThat(loadedOnly).isEqualTo(new Redefinition.Redefined(1));

        assertThat(supplied(running, "B")).isEqualTo("b1"); // the recording JVM redefined nothing; B runs its initializer
        assertThat(Redefinition.apply(program(running), compile(A, withStatic.replace("= \"b1\"", "= \"b3\"")), jvm))
                .isEqualTo(new Redefinition.Refused("the static initializer of B changed, and it has run"));
    }

    @Test
    void lambdasThatMayHaveMovedRefuseTheBuildButOneEditedLambdaIsRedefined() throws Exception {
        String lambdas = """
                public class A implements java.util.function.Supplier<String> {
                    static java.util.function.Supplier<String> first = () -> "first";
                    static java.util.function.Supplier<String> second = () -> "second";
                    public String get() { return first.get() + second.get(); }
                }
                """;
        Generation running = generation(lambdas, B);
        running.loadClass("A");
        String swapped = lambdas.replace("first = () -> \"first\"", "first = () -> \"FIRST\"")
                .replace("() -> \"second\"", "() -> \"SECOND\"");

        assertThat(Redefinition.apply(program(running), compile(swapped, B), jvm)).isEqualTo(new Redefinition.Refused(
                "2 lambdas, anonymous classes or closures changed (the compiler numbers them in order, so they may have"
                        + " moved)"));
        assertThat(Redefinition.apply(program(running), compile(lambdas.replace("\"first\";", "\"first!\";"), B), jvm))
                .isEqualTo(new Redefinition.Redefined(1));
    }

    @Test
    void aLineAddedAboveAnonymousClassesMovesNoneOfThem() throws Exception {
        String anonymous = """
                public class A implements java.util.function.Supplier<String> {
                    static Runnable one = new Runnable() { public void run() { } };
                    static Runnable two = new Runnable() { public void run() { } };
                    public String get() { return "a"; }
                }
                """;
        Generation running = generation(anonymous, B);
        running.loadClass("A");

        Redefinition.Result result = Redefinition.apply(program(running), compile("// a comment\n" + anonymous, B), jvm);

        assertThat(result).isInstanceOf(Redefinition.Redefined.class);
    }

    @Test
    void aJvmWithEnhancedRedefinitionIsGivenNewShapesToo() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("B");
        jvm.newShapes = true;

        Redefinition.Result result = Redefinition.apply(program(running),
                compile(A, B.replace("public String get", "int count; public String get")), jvm);

        assertThat(result).isEqualTo(new Redefinition.Redefined(1));
        assertThat(jvm.redefined).containsExactly(List.of("B"));
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    private static Redefinition.Program program(Generation running) {
        return new Redefinition.Program(running, Set.of(), () -> ProgramStacks.NONE);
    }

    private Generation generation(String... sources) {
        return new Generation(1, compile(sources), getClass().getClassLoader(), List.of(dir));
    }

    private Map<String, byte[]> compile(String... sources) {
        Map<String, String> files = new java.util.HashMap<>();
        for (String source : sources) {
            if (!source.isEmpty()) {
                String name = source.replaceAll("(?s).*?class (\\w+).*", "$1");
                files.put(name + ".java", source);
            }
        }
        return JavaClasses.compile(dir.resolve("compile" + compiles++), files);
    }

    @SuppressWarnings("unchecked")
    private static String supplied(Generation generation, String name) throws Exception {
        return ((java.util.function.Supplier<String>) generation.loadClass(name).getConstructor().newInstance()).get();
    }

    /** The JVM's redefinition, recorded: which classes each call was given; or refused. */
    private static final class Recording implements ClassRedefiner {
        final List<List<String>> redefined = new ArrayList<>();
        RuntimeException refusal;
        boolean newShapes;

        @Override
        public void redefine(List<ClassDefinition> definitions) {
            if (refusal != null) {
                throw refusal;
            }
            redefined.add(definitions.stream().map(definition -> definition.getDefinitionClass().getName()).toList());
        }

        @Override
        public boolean allowsNewShapes() {
            return newShapes;
        }
    }
}
