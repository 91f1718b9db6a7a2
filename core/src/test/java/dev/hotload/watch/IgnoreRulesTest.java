package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IgnoreRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {".git", ".venv", ".idea", "target", "__pycache__", "node_modules"})
    void skipsDotFoldersBuildOutputAndCaches(String folder) {
        assertThat(IgnoreRules.DEFAULT.isIgnoredFolder(folder)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"src", "pkg", "targets", "lib"})
    void keepsOtherFolders(String folder) {
        assertThat(IgnoreRules.DEFAULT.isIgnoredFolder(folder)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {".lib.py.swp", ".lib.py.swo", ".lib.py.swx", "lib.py.swp", "lib.py~", "4913", ".#lib.py",
            "#lib.py#", "lib.py___jb_tmp___", "lib.py___jb_old___", "lib$py.class"})
    void skipsEditorAndJythonByProducts(String file) {
        assertThat(IgnoreRules.DEFAULT.isIgnoredFile(file)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lib.py", ".env", "4913.py", "Main.java", "build.gradle", "lib.class"})
    void keepsSources(String file) {
        assertThat(IgnoreRules.DEFAULT.isIgnoredFile(file)).isFalse();
    }

    @Test
    void ownFolderNamesReplaceTheDefaultOnesButDotFoldersAreAlwaysSkipped() {
        IgnoreRules rules = new IgnoreRules(Set.of("build"));

        assertThat(rules.isIgnoredFolder("build")).isTrue();
        assertThat(rules.isIgnoredFolder(".gradle")).isTrue();
        assertThat(rules.isIgnoredFolder("target")).isFalse();
    }

    @TempDir
    Path tree;

    private IgnoreRules withIgnoreFiles() {
        return IgnoreRules.DEFAULT.with(List.of(), tree, true);
    }

    private void write(String relative, String... lines) throws IOException {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
    }

    @Test
    void aGitignoreAppliesUnderItsFolderAndALaterPatternReincludes() throws IOException {
        write(".gitignore", "*.log", "!keep.log", "/dist/", "gen/");
        IgnoreRules rules = withIgnoreFiles();

        assertThat(rules.isIgnoredPath(tree, tree.resolve("a/b.log"), false)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("a/keep.log"), false)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("dist"), true)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("src/dist"), true)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("src/gen"), true)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("src/gen"), false)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("src/lib.py"), false)).isFalse();
    }

    @Test
    void aDeeperFileAndDotIgnoreComeLaterAndAnchorToTheirOwnFolder() throws IOException {
        write(".gitignore", "*.txt");
        write("sub/.gitignore", "!notes.txt", "/local.py");
        write("sub/.ignore", "notes.txt");
        IgnoreRules rules = withIgnoreFiles();

        assertThat(rules.isIgnoredPath(tree, tree.resolve("sub/notes.txt"), false)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("sub/local.py"), false)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("local.py"), false)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("sub/deeper/local.py"), false)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("other.txt"), false)).isTrue();
    }

    @Test
    void theGitignoreAtTheTopOfTheRepositoryCountsForAWatchedSubfolder() throws IOException {
        Files.createDirectories(tree.resolve(".git"));
        write(".gitignore", "src/generated/");
        Path src = Files.createDirectories(tree.resolve("src"));

        assertThat(withIgnoreFiles().isIgnoredPath(src, src.resolve("generated"), true)).isTrue();
    }

    @Test
    void aGitignoreAboveTheWatchedFolderOutsideARepositoryDoesNotCount() throws IOException {
        write(".gitignore", "*.py");
        Path src = Files.createDirectories(tree.resolve("src"));

        assertThat(withIgnoreFiles().isIgnoredPath(src, src.resolve("lib.py"), false)).isFalse();
    }

    @Test
    void ignoreFilesAreReadOnlyWhenAsked() throws IOException {
        write(".gitignore", "*.py");

        assertThat(IgnoreRules.DEFAULT.with(List.of(), tree, false).isIgnoredPath(tree, tree.resolve("a.py"), false)).isFalse();
        assertThat(IgnoreRules.DEFAULT.hasPatterns()).isFalse();
    }

    @Test
    void ignoreGlobsAreRelativeToTheirBaseAndWinOverIgnoreFiles() throws IOException {
        write(".gitignore", "!*.md", "*.py");
        IgnoreRules rules = IgnoreRules.DEFAULT.with(List.of("*.md", "/docs/", "!lib.py"), tree, true);

        assertThat(rules.isIgnoredPath(tree, tree.resolve("a/README.md"), false)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("docs"), true)).isTrue();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("a/docs"), true)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("lib.py"), false)).isFalse();
        assertThat(rules.isIgnoredPath(tree, tree.resolve("main.py"), false)).isTrue();
    }

    @Test
    void aBuildFolderIsOutputAtTheTopOrBesideABuildScriptButCanBeAJavaPackage() throws IOException {
        write("app/build.gradle.kts", "");
        Files.createDirectories(tree.resolve("app/build"));
        Files.createDirectories(tree.resolve("src/com/acme/build"));

        assertThat(IgnoreRules.DEFAULT.isBuildOutput(tree, tree.resolve("build"))).isTrue();
        assertThat(IgnoreRules.DEFAULT.isBuildOutput(tree, tree.resolve("app/build"))).isTrue();
        assertThat(IgnoreRules.DEFAULT.isBuildOutput(tree, tree.resolve("src/com/acme/build"))).isFalse();
        assertThat(IgnoreRules.DEFAULT.isBuildOutput(tree, tree.resolve("app/builds"))).isFalse();
    }
}
