package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
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
}
