package dev.hotload.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.spi.LaunchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source root follows from the entry's package declaration. */
class SourceTreeTest {

    @TempDir
    Path dir;

    @Test
    void aClassWithoutAPackageIsTheRootOfItsFolder() throws Exception {
        SourceTree tree = SourceTree.of(write("Hello.java", "class Hello { }"), ".java");

        assertThat(tree).isEqualTo(new SourceTree(dir, "Hello", ".java"));
    }

    @Test
    void aPackagedClassesRootIsAboveItsPackageFolders() throws Exception {
        Path main = write("src/com/example/shapes/Main.java", """
                /* A header comment, package fake; */
                // package alsoFake;
                package com.example . shapes;

                class Main { String s = "package nope;"; }
                """);

        assertThat(SourceTree.of(main, ".java"))
                .isEqualTo(new SourceTree(dir.resolve("src"), "com.example.shapes.Main", ".java"));
    }

    @Test
    void aPackageThatDoesNotMatchTheFoldersSaysWhereToMoveTheFile() throws Exception {
        Path main = write("src/Main.java", "package shapes; class Main { }");

        assertThatThrownBy(() -> SourceTree.of(main, ".java")).isInstanceOf(LaunchException.class)
                .hasMessage("Main.java declares 'package shapes' but is not in a folder shapes: move it there,"
                        + " under its source root");
    }

    @Test
    void aScriptsPackageNeedsNoSemicolonAndMayFollowAShebangLine() throws Exception {
        Path script = write("scripts/tools/report.groovy", """
                #!/usr/bin/env groovy
                package tools

                println 'package nope'
                """);

        assertThat(SourceTree.of(script, ".groovy"))
                .isEqualTo(new SourceTree(dir.resolve("scripts"), "tools.report", ".groovy"));
        assertThat(SourceTree.of(script, ".groovy").sourceOf("tools.Helper")).isEqualTo(dir.resolve("scripts/tools/Helper.groovy"));
    }

    @Test
    void furtherRootsAreTheTreesTooAndAClassIsFoundInTheRootThatHasIt() throws Exception {
        Path main = write("app/src/com/acme/Main.groovy", "package com.acme\nprintln 1");
        Path helper = write("core/src/com/acme/util/Helper.groovy", "package com.acme.util\nclass Helper { }");
        write("core/target/Stale.groovy", "class Stale { }");

        SourceTree tree = SourceTree.of(main, ".groovy").withRoots(List.of(dir.resolve("core/src")));

        assertThat(tree.root()).isEqualTo(dir.resolve("app/src"));
        assertThat(tree.sourceOf("com.acme.util.Helper")).isEqualTo(helper);
        assertThat(tree.sourceOf("com.acme.Missing")).isEqualTo(dir.resolve("app/src/com/acme/Missing.groovy"));
        assertThat(tree.files().existingFiles()).containsExactlyInAnyOrder(main, helper);
    }

    @Test
    void theSourcesSkipBuildOutputAndDotFolders() throws Exception {
        Path main = write("Main.java", "class Main { }");
        write("util/Helper.java", "package util; class Helper { }");
        write("target/generated/Gen.java", "class Gen { }");
        write(".git/Hook.java", "class Hook { }");
        write("notes.txt", "");

        assertThat(SourceTree.of(main, ".java").files().existingFiles()).containsExactlyInAnyOrder(main, dir.resolve("util/Helper.java"));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
