package dev.hotload.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build every compiled language shares, over a compiler of one-line statements ({@link TinyCompiler}): what
 * a save compiles, what stays due, and which sources make the program.
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private TinyCompiler compiler;
    private IncrementalBuild build;

    @Test
    void theFirstBuildOfAWholeTreeCompilesEachOfItsSources() {
        write("Main", "uses Helper");
        write("Helper", "");
        write("util/Strings", "");
        write("target/Generated", "");

        assertThat(names(start(IncrementalBuild.Program.WHOLE_TREE))).containsOnly("Main", "Helper", "Strings");
        assertThat(build.classes()).containsOnlyKeys("Main", "Helper", "Strings");
    }

    @Test
    void aSaveRecompilesTheChangedSourceAndItsUsersOnly() {
        write("Main", "uses Shapes");
        write("Shapes", "uses Square");
        write("Square", "");
        write("Unrelated", "");
        start(IncrementalBuild.Program.WHOLE_TREE);

        assertThat(names(save("Square", "field side"))).containsOnly("Square", "Shapes");
    }

    @Test
    void aChangedConstantRecompilesTheWholeProgramSinceItsCopiesNameNoClass() {
        write("Config", "const SIZE 10");
        write("Grid", "copies SIZE 10");
        write("Main", "");
        start(IncrementalBuild.Program.WHOLE_TREE);

        assertThat(names(save("Config", "const SIZE 20"))).containsOnly("Config", "Grid", "Main");
        assertThat(compiler.asked.subList(1, 3)).containsExactly(Set.of("Config"), Set.of("Grid", "Main"));
    }

    @Test
    void whenTheCompileAfterAChangedConstantFailsTheWholeRestStaysDue() {
        write("Config", "const SIZE 10");
        write("Grid", "copies SIZE 10");
        write("Main", "");
        start(IncrementalBuild.Program.WHOLE_TREE);
        write("Grid", "broken"); // saved too, its change not yet told

        assertThat(save("Config", "const SIZE 20").errors()).extracting(CompileError::message).containsExactly("broken here");
        BuildResult fixed = save("Grid", "copies SIZE 20");

        assertThat(names(fixed)).as("Main still holds the old constant").containsOnly("Grid", "Main");
    }

    @Test
    void sourcesThatFailedStayDueUntilTheyCompile() {
        write("Main", "uses Box");
        write("Box", "");
        start(IncrementalBuild.Program.WHOLE_TREE);

        assertThat(save("Box", "broken").isOk()).isFalse();
        write("Box", "");
        BuildResult fixed = save("Main", "uses Box\nfield version");

        assertThat(names(fixed)).containsOnly("Box", "Main");
    }

    @Test
    void aDeletedSourcesClassesGoAndItsUsersAreRecompiled() throws Exception {
        write("Main", "");
        write("Old", "");
        write("User", "uses Old");
        start(IncrementalBuild.Program.WHOLE_TREE);
        Files.delete(source("Old"));

        assertThat(names(build.update(changed("Old", FileChange.Kind.DELETE)))).containsOnly("User");
        assertThat(build.classes()).containsOnlyKeys("Main", "User");
    }

    @Test
    void aSourceThatIsNotUtf8IsAnUnreadableSourceUntilFixed() throws Exception {
        write("Main", "");
        start(IncrementalBuild.Program.WHOLE_TREE);
        Files.write(source("Main"), new byte[] {(byte) 0xC3, (byte) 0x28});

        BuildResult unreadable = build.update(changed("Main", FileChange.Kind.MODIFY));

        assertThat(unreadable.failure()).isEqualTo("unreadable source");
        assertThat(unreadable.errors()).containsExactly(
                CompileError.in(source("Main"), "it is not valid UTF-8 text"));
        write("Main", "field fixed");
        assertThat(names(build.update(ChangeSet.none()))).containsOnly("Main");
    }

    @Test
    void aChangeToAFileOutsideTheProgramCompilesNothing() {
        write("Main", "");
        start(IncrementalBuild.Program.WHOLE_TREE);

        BuildResult result = build.update(new ChangeSet(List.of(new FileChange(dir.resolve("notes.txt"),
                FileChange.Kind.MODIFY)), false));

        assertThat(result.isOk()).isTrue();
        assertThat(result.recompiled()).isEmpty();
    }

    @Test
    void anEntrysProgramIsTheEntryAndTheSourcesItsCompilePullsIn() {
        write("Main", "uses Greeter");
        write("Greeter", "");
        write("Unrelated", "broken");

        assertThat(names(start(IncrementalBuild.Program.ENTRY_AND_WHAT_IT_USES))).containsOnly("Main", "Greeter");
        assertThat(names(save("Unrelated", "broken still"))).isEmpty();
        assertThat(names(save("Greeter", "field loud"))).containsOnly("Greeter", "Main");
        write("Shout", "");
        assertThat(names(save("Main", "uses Greeter\nuses Shout"))).containsOnly("Main", "Shout");
        assertThat(compiler.asked.get(compiler.asked.size() - 1)).as("Greeter served compiled").containsOnly("Main");
    }

    private BuildResult start(IncrementalBuild.Program program) {
        compiler = new TinyCompiler(dir);
        build = new IncrementalBuild(new SourceTree(dir, "Main", ".tiny"), source("Main"), compiler, program);
        return build.update(ChangeSet.initial());
    }

    private BuildResult save(String name, String content) {
        write(name, content);
        return build.update(changed(name, FileChange.Kind.MODIFY));
    }

    private ChangeSet changed(String name, FileChange.Kind kind) {
        return new ChangeSet(List.of(new FileChange(source(name), kind)), false);
    }

    private Path source(String name) {
        return dir.resolve(name + ".tiny");
    }

    private void write(String name, String content) {
        try {
            Path file = source(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(BuildResult result) {
        assertThat(result.errors()).isEmpty();
        return TinyCompiler.names(result.recompiled());
    }
}
