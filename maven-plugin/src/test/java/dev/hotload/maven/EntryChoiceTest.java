package dev.hotload.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryChoiceTest {

    @TempDir
    Path dir;
    private Projects projects;
    private MavenProject core;
    private MavenProject app;

    @BeforeEach
    void twoModules() throws Exception {
        projects = new Projects(dir);
        core = projects.module("core");
        app = projects.module("app");
        projects.write("core/src/main/java/com/acme/core/Tool.java",
                "package com.acme.core; public class Tool { public static void main(String[] a) { } }");
        projects.write("app/src/main/java/com/acme/app/App.java",
                "package com.acme.app; public class App { public static void main(String[] a) { } }");
        projects.write("app/src/main/java/com/acme/app/Util.java", "package com.acme.app; class Util { }");
    }

    @Test
    void theMainClassAModulesExecPluginNamesPicksThatModuleAndItsSource() throws Exception {
        Plugin exec = new Plugin();
        exec.setGroupId("org.codehaus.mojo");
        exec.setArtifactId("exec-maven-plugin");
        exec.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><mainClass> com.acme.app.App </mainClass></configuration>")));
        app.getBuild().addPlugin(exec);

        EntryChoice.Choice choice = choose(Optional.empty(), Optional.empty());

        assertThat(choice.module()).isSameAs(app);
        assertThat(choice.entry()).isEqualTo(dir.resolve("app/src/main/java/com/acme/app/App.java"));
    }

    @Test
    void aMainClassNamedIsFoundInAnyModulesRootsAndAMissingOneSaysWhereItWasLookedFor() throws Exception {
        assertThat(choose(Optional.empty(), Optional.of("com.acme.core.Tool")).module()).isSameAs(core);

        assertThatThrownBy(() -> choose(Optional.empty(), Optional.of("com.acme.Nope")))
                .isInstanceOf(UsageError.class)
                .hasMessage("-Dhotload.main=com.acme.Nope, but no source of com.acme.Nope is in core: src/main/java,"
                        + " app: src/main/java: name a class of this build's sources, e.g. -Dhotload.main=com.acme.App");
    }

    @Test
    void withNothingNamedTheOneClassWithAMainMethodRunsAndSeveralAreListed() throws Exception {
        assertThatThrownBy(() -> choose(Optional.empty(), Optional.empty())).isInstanceOf(UsageError.class)
                .hasMessageStartingWith("several classes have a main method (Tool.java, App.java): name it:");

        EntryChoice.Choice choice = EntryChoice.choose(List.of(app), dir, Optional.empty(), Optional.empty(), false);
        assertThat(choice.entry()).isEqualTo(dir.resolve("app/src/main/java/com/acme/app/App.java"));
    }

    @Test
    void anEntryFileIsFoundFromTheWorkingFolderOrAModuleAndMustBeInASourceRoot() throws Exception {
        assertThat(choose(Optional.of("app/src/main/java/com/acme/app/App.java"), Optional.empty()).module()).isSameAs(app);
        assertThat(choose(Optional.of("src/main/java/com/acme/core/Tool.java"), Optional.empty()).module()).isSameAs(core);

        projects.write("app/scripts/Run.java", "class Run { }");
        assertThatThrownBy(() -> choose(Optional.of("app/scripts/Run.java"), Optional.empty()))
                .isInstanceOf(UsageError.class).hasMessageContaining("is in no source root of this build");
        assertThatThrownBy(() -> choose(Optional.of("Gone.java"), Optional.empty()))
                .isInstanceOf(UsageError.class).hasMessageContaining("Gone.java: no such file");
    }

    @Test
    void aPomProjectAloneHasNoSourcesToRun() {
        MavenProject parent = projects.module("parent");
        parent.setPackaging("pom");

        assertThatThrownBy(() -> EntryChoice.choose(List.of(parent), dir, Optional.empty(), Optional.empty(), false))
                .isInstanceOf(UsageError.class).hasMessageStartingWith("parent is a pom project (packaging pom)");
    }

    private EntryChoice.Choice choose(Optional<String> entry, Optional<String> main) throws UsageError {
        return EntryChoice.choose(List.of(core, app), dir, entry, main, false);
    }
}
