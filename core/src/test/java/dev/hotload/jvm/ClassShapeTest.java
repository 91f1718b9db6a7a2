package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassShapeTest {

    private static final String GREETER = """
            public class Greeter implements Runnable {
                private String greeting = "Hello";
                public String greet(String who) { return greeting + ", " + who; }
                public void run() { System.out.println(greet("world")); }
            }
            """;

    @TempDir
    Path dir;

    private int compiles;

    @Test
    void aNewMethodBodyLeavesTheShapeAlone() {
        assertThat(change(GREETER.replace("\", \" + who", "\"; \" + who.toUpperCase()"))).isEmpty();
    }

    @Test
    void linesAddedAboveAMethodLeaveTheShapeAlone() {
        assertThat(change(GREETER.replace("public String greet", "\n\n    public String greet"))).isEmpty();
    }

    @Test
    void aFieldAddedIsNamed() {
        assertThat(change(GREETER.replace("private String greeting", "int count;\n private String greeting")))
                .contains("Greeter: field count added");
    }

    @Test
    void aMethodAddedOrRemovedIsNamedWithItsParameters() {
        assertThat(change(GREETER.replace("public void run()", "int twice(int x, String[] y) { return 2 * x; }\n public void run()")))
                .contains("Greeter: method twice(int, String[]) added");
        assertThat(change(GREETER.replace("public void run() { System.out.println(greet(\"world\")); }", "public void run() { }")
                .replace("public String greet(String who) { return greeting + \", \" + who; }", "")))
                .contains("Greeter: method greet(String) removed");
    }

    @Test
    void aChangedSignatureOrModifierIsTold() {
        assertThat(change(GREETER.replace("public String greet(String who) { return greeting", "public Object greet(String who) { return greeting")))
                .contains("Greeter: method greet(String): type changed");
        assertThat(change(GREETER.replace("private String greeting", "protected String greeting")))
                .contains("Greeter: field greeting: modifiers changed");
    }

    @Test
    void supertypesAndTheClassesModifiersAreTold() {
        assertThat(change(GREETER.replace("implements Runnable", "implements Runnable, java.io.Serializable")))
                .contains("Greeter: interfaces changed");
        assertThat(change(GREETER.replace("implements Runnable", "extends Thread"))).contains("Greeter: superclass changed");
        assertThat(change(GREETER.replace("public class", "public final class"))).contains("Greeter: class modifiers changed");
    }

    @Test
    void fieldsReorderedAreToldForTheJvmLaysThemOutInOrder() {
        String twoFields = GREETER.replace("private String greeting = \"Hello\";", "private String greeting = \"Hello\"; int count;");
        ClassShape before = shape(twoFields);
        assertThat(before.changeTo(shape(twoFields.replace("private String greeting = \"Hello\"; int count;",
                "int count; private String greeting = \"Hello\";")))).contains("Greeter: fields reordered");
    }

    @Test
    void anAnonymousClassIsNamedAsTheSourceHasIt() {
        String anonymous = "public class Handlers { Runnable r = new Runnable() { public void run() { } }; }";
        byte[] before = JavaClasses.compile(dir.resolve("a"), java.util.Map.of("Handlers.java", anonymous)).get("Handlers$1");
        byte[] after = JavaClasses.compile(dir.resolve("b"), java.util.Map.of("Handlers.java",
                anonymous.replace("public void run() { }", "public void run() { } int twice(int x) { return 2 * x; }")))
                .get("Handlers$1");
        assertThat(ClassShape.of(before).changeTo(ClassShape.of(after)))
                .contains("an anonymous class in Handlers: method twice(int) added");
    }

    @Test
    void aLambdaAddedIsToldAsTheUserWroteIt() {
        assertThat(change(GREETER.replace("System.out.println(greet(\"world\"));",
                "Runnable r = () -> System.out.println(greet(\"world\")); r.run();")))
                .contains("Greeter: a lambda added");
    }

    private Optional<String> change(String newer) {
        return shape(GREETER).changeTo(shape(newer));
    }

    private ClassShape shape(String source) {
        return ClassShape.of(JavaClasses.compileOne(dir.resolve("compile" + compiles++), "Greeter", source));
    }
}
