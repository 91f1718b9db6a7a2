package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGraphTest {

    @TempDir
    Path dir;

    /** Leaf; Mid uses Leaf; Top uses Mid (not Leaf); Child extends Mid; Apart uses nothing of them. */
    private DependencyGraph graph() {
        Map<String, byte[]> classes = JavaClasses.compile(dir, Map.of(
                "Leaf.java", "public class Leaf { public static int one() { return 1; } }",
                "Mid.java", "public class Mid { public int two() { return Leaf.one() + 1; } }",
                "Top.java", "public class Top { int three() { return new Mid().two() + 1; } }",
                "Child.java", "public class Child extends Mid { }",
                "Apart.java", "public class Apart { }"));
        return DependencyGraph.of(classes.entrySet().stream()
                .map(compiled -> CompiledClass.of(source(compiled.getKey()), compiled.getValue())).toList());
    }

    @Test
    void aSavesDirectUsersAreRecompiledAndItsUsersUsersAreAffectedToo() {
        DependencyGraph graph = graph();

        assertThat(graph.dependentsOf(List.of(source("Leaf")))).containsExactly(source("Mid"));
        assertThat(graph.allDependentsOf(List.of(source("Leaf"))))
                .containsExactlyInAnyOrder(source("Mid"), source("Top"), source("Child"));
        assertThat(graph.allDependentsOf(List.of(source("Top")))).isEmpty();
        assertThat(graph.allDependentsOf(List.of(source("Apart")))).isEmpty();
    }

    @Test
    void theSavedSourcesAreNotTheirOwnDependents() {
        assertThat(graph().allDependentsOf(List.of(source("Leaf"), source("Mid"))))
                .containsExactlyInAnyOrder(source("Top"), source("Child"));
    }

    private Path source(String className) {
        return dir.resolve("src").resolve(className + ".java");
    }
}
