package dev.hotload.maven;

import static dev.hotload.maven.Projects.dependency;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLayoutTest {

    @TempDir
    Path dir;

    @Test
    void theModulesTheEntryDependsOnAreSourcesAndTheirOwnDependenciesGoToTheResolver() throws Exception {
        Projects projects = new Projects(dir);
        MavenProject app = projects.module("app");
        MavenProject core = projects.module("core");
        MavenProject util = projects.module("util");
        MavenProject unused = projects.module("unused");
        Path entry = projects.write("app/src/main/java/App.java", "class App { }");
        projects.write("core/src/main/java/Core.java", "class Core { }");
        projects.write("core/src/main/resources/core.properties", "a=1");
        projects.write("util/src/main/java/Util.java", "class Util { }");
        projects.write("unused/src/main/java/Unused.java", "class Unused { }");
        app.getModel().addDependency(dependency("com.acme", "core", null));
        app.getModel().addDependency(dependency("org.junit", "junit", "test"));
        core.getModel().addDependency(dependency("com.google.guava", "guava", "compile"));
        core.getModel().addDependency(dependency("com.acme", "util", "runtime"));
        core.getModel().addDependency(dependency("org.mockito", "mockito", "test"));
        List<String> asked = new ArrayList<>();
        ProgramLayout.Resolver resolver = (dependencies, managed) -> {
            dependencies.stream().map(Dependency::getArtifactId).forEach(asked::add);
            return List.of(dir.resolve("guava.jar"));
        };

        ProgramLayout layout = ProgramLayout.of(new EntryChoice.Choice(app, entry), List.of(unused, util, core, app),
                false, resolver);

        assertThat(layout.sourceRoots()).containsExactly(dir.resolve("app/src/main/java"),
                dir.resolve("core/src/main/java"), dir.resolve("util/src/main/java"));
        assertThat(asked).containsExactly("guava");
        assertThat(layout.classpath()).containsExactly(dir.resolve("core/src/main/resources"), dir.resolve("guava.jar"));
        assertThat(layout.watchedExtensions()).contains(".java", ".groovy", ".properties");
    }
}
