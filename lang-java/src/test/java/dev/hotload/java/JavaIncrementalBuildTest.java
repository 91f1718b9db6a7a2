package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.compiled.BuildResult;
import dev.hotload.compiled.IncrementalBuild;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Core's incremental build with each Java compiler, for what only a real compiler shows: the users of a
 * superclass's subclass, a constant the compiler copies in, a deleted class still in use, a tree of 500 classes.
 * The build's own rules are tested in core (IncrementalBuildTest).
 */
@ParameterizedClass
@EnumSource(JavaCompilerKind.class)
class JavaIncrementalBuildTest {

    @Parameter
    JavaCompilerKind kind;

    @TempDir
    Path dir;

    private JavaToolsCompiler compiler;
    private IncrementalBuild build;

    @BeforeEach
    void startCompiler() throws Exception {
        compiler = JavaToolsCompiler.start(kind, List.of());
    }

    @AfterEach
    void closeCompiler() {
        compiler.close();
    }

    @Test
    void theFirstBuildCompilesTheWholeTree() throws Exception {
        write("Main.java", "class Main { Helper helper; }");
        write("Helper.java", "class Helper { }");
        write("util/Strings.java", "package util; public class Strings { }");

        assertThat(names(start("Main.java"))).containsExactly("Helper.java", "Main.java", "Strings.java");
        assertThat(build.classes()).containsOnlyKeys("Main", "Helper", "util.Strings");
    }

    @Test
    void editingALeafRecompilesItAndItsUsersOnly() throws Exception {
        write("Main.java", "class Main { public static void main(String[] a) { System.out.println(new Shapes().total()); } }");
        write("Shapes.java", "class Shapes { int total() { return new Square(2).area() + new Circle().area(); } }");
        write("Square.java", "record Square(int side) { int area() { return side * side; } }");
        write("Circle.java", "class Circle { int area() { return 3; } }");
        write("Unrelated.java", "class Unrelated { }");
        start("Main.java");

        BuildResult edited = save("Square.java", "record Square(int side) { int area() { return side * side * 1; } }");

        assertThat(names(edited)).containsExactly("Shapes.java", "Square.java");
    }

    @Test
    void oneLeafInATreeOfFiveHundredRecompilesTwoFiles() throws Exception {
        IntStream.range(0, 250).forEach(i -> write("Leaf" + i + ".java", "class Leaf" + i + " { int value() { return " + i + "; } }"));
        IntStream.range(0, 250).forEach(i -> write("User" + i + ".java", "class User" + i + " { int use() { return new Leaf" + i + "().value(); } }"));
        write("Main.java", "class Main { public static void main(String[] a) { } }");
        assertThat(start("Main.java").recompiled()).hasSize(501);

        BuildResult edited = save("Leaf42.java", "class Leaf42 { int value() { return -42; } }");

        assertThat(names(edited)).containsExactly("Leaf42.java", "User42.java");
    }

    @Test
    void aChangeToASuperclassRecompilesTheUsersOfItsSubclasses() throws Exception {
        write("Base.java", "class Base { void greet() { } }");
        write("Middle.java", "class Middle extends Base { }");
        write("Caller.java", "class Caller { void call(Middle m) { m.greet(); } }");
        write("Main.java", "class Main { }");
        start("Main.java");

        BuildResult edited = save("Base.java", "class Base { }");

        assertThat(edited.isOk()).isFalse();
        assertThat(edited.errors()).extracting(e -> e.file().getFileName().toString())
                .containsExactly("Caller.java");
    }

    @Test
    void aChangedConstantRecompilesTheSourcesThatCopiedItIn() throws Exception {
        write("Config.java", "class Config { static final int SIZE = 10; }");
        write("Grid.java", "class Grid { int cells() { return Config.SIZE * Config.SIZE; } }");
        write("Main.java", "class Main { }");
        start("Main.java");

        BuildResult edited = save("Config.java", "class Config { static final int SIZE = 20; }");

        assertThat(names(edited)).contains("Config.java", "Grid.java");
    }

    @Test
    void aDeletedSourcesClassesGoAndItsUsersAreRecompiled() throws Exception {
        write("Main.java", "class Main { }");
        write("Old.java", "class Old { }");
        write("User.java", "class User { Old old; }");
        start("Main.java");
        Files.delete(dir.resolve("Old.java"));

        BuildResult deleted = build.update(changed("Old.java", FileChange.Kind.DELETE));

        assertThat(deleted.errors()).hasSize(1);
        assertThat(build.classes()).containsKey("Old");
        write("User.java", "class User { }");
        assertThat(names(build.update(changed("User.java", FileChange.Kind.MODIFY)))).containsExactly("User.java");
        assertThat(build.classes()).containsOnlyKeys("Main", "User");
    }

    private BuildResult start(String entry) throws Exception {
        build = new IncrementalBuild(new JavaReloader().tree(dir.resolve(entry)), dir.resolve(entry), compiler,
                IncrementalBuild.Program.WHOLE_TREE);
        return build.update(ChangeSet.initial());
    }

    private BuildResult save(String name, String content) throws IOException {
        write(name, content);
        return build.update(changed(name, FileChange.Kind.MODIFY));
    }

    private ChangeSet changed(String name, FileChange.Kind kind) {
        return new ChangeSet(List.of(new FileChange(dir.resolve(name), kind)), false);
    }

    private void write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(BuildResult result) {
        assertThat(result.errors()).isEmpty();
        return result.recompiled().stream().map(path -> path.getFileName().toString()).toList();
    }
}
