package dev.hotload.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/** Modules of a build on disk, as Maven would have read them: for the tests of the plugin's parts. */
final class Projects {

    private final Path dir;

    Projects(Path dir) {
        this.dir = dir;
    }

    /** A jar module {@code name} in its folder, with {@code src/main/java} and {@code src/main/resources} as its roots. */
    MavenProject module(String name) {
        Model model = new Model();
        model.setGroupId("com.acme");
        model.setArtifactId(name);
        model.setVersion("1");
        model.setPackaging("jar");
        MavenProject project = new MavenProject(model);
        Path base = dir.resolve(name);
        project.setFile(base.resolve("pom.xml").toFile());
        project.addCompileSourceRoot(base.resolve("src/main/java").toString());
        Resource resources = new Resource();
        resources.setDirectory(base.resolve("src/main/resources").toString());
        project.getBuild().addResource(resources);
        return project;
    }

    static Dependency dependency(String groupId, String artifactId, String scope) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(groupId);
        dependency.setArtifactId(artifactId);
        dependency.setVersion("1");
        dependency.setScope(scope);
        return dependency;
    }

    Path write(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }
}
