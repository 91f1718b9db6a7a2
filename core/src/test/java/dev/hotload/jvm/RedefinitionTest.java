package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
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

        assertThat(result).isEqualTo(new Redefinition.Redefined(2));
        assertThat(((Redefinition.Redefined) result).words()).isEqualTo("redefined 2 classes in place");
        assertThat(jvm.redefined).containsExactly(List.of("A"));
        assertThat(supplied(running, "B")).isEqualTo("b2");
    }

    @Test
    void aBuildWithNothingChangedKeepsTheProgramRunningAsItIs() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");

        Redefinition.Result result = Redefinition.apply(program(running), compile(A, B), jvm);

        assertThat(((Redefinition.Redefined) result).words()).isEqualTo("no class changed; kept running");
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
    void aChangedMethodThatIsRunningNowRefusesTheBuild() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("public static void loop() { }",
                "public static void loop() { System.out.println(); }"), B);

        assertThat(Redefinition.apply(new Redefinition.Program(running, Set.of(), () -> Set.of("A.loop", "java.lang.Thread.run")), next, jvm))
                .isEqualTo(new Redefinition.Refused("A.loop is running and would not see the change"));
        assertThat(jvm.redefined).isEmpty();
    }

    @Test
    void aChangedStaticInitializerOfALoadedClassRefusesTheBuildForItWouldNotRunAgain() throws Exception {
        String withStatic = B.replace("public String get() { return \"b1\"; }",
                "static String greeting = \"b1\"; public String get() { return greeting; }");
        Generation running = generation(A, withStatic);
        Map<String, byte[]> next = compile(A, withStatic.replace("= \"b1\"", "= \"b2\""));

        Redefinition.Result beforeLoading = Redefinition.apply(program(running), next, jvm);
        assertThat(beforeLoading).isEqualTo(new Redefinition.Redefined(1));
        assertThat(supplied(running, "B")).isEqualTo("b2");

        Map<String, byte[]> third = compile(A, withStatic.replace("= \"b1\"", "= \"b3\""));
        assertThat(Redefinition.apply(program(running), third, jvm))
                .isEqualTo(new Redefinition.Refused("B: static initializer changed, and it has run already"));
    }

    @Test
    void anUnchangedMethodRunningNowDoesNotStandInTheWay() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");

        Redefinition.Result result = Redefinition.apply(new Redefinition.Program(running, Set.of(), () -> Set.of("A.loop")),
                compile(A.replace("a1", "a2"), B), jvm);

        assertThat(result).isEqualTo(new Redefinition.Redefined(1));
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

    @Test
    void aChangedEntryMethodRefusesTheBuildEvenOnceItHasReturned() throws Exception {
        Generation running = generation(A, B);
        running.loadClass("A");
        Map<String, byte[]> next = compile(A.replace("public static void loop() { }",
                "public static void loop() { System.out.println(); }"), B);

        assertThat(Redefinition.apply(new Redefinition.Program(running, Set.of("A.loop"), Set::of), next, jvm))
                .isEqualTo(new Redefinition.Refused("A.loop changed, and it runs only at the start"));
    }

    private static Redefinition.Program program(Generation running) {
        return new Redefinition.Program(running, Set.of(), Set::of);
    }

    private Generation generation(String... sources) {
        return new Generation(1, compile(sources), getClass().getClassLoader(), dir);
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
