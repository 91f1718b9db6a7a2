package dev.hotload.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The program's libraries through Maven's own resolver, from the repositories and settings of the build: what
 * {@code mvn dependency:build-classpath} would print, without the build's modules.
 */
final class MavenResolver implements ProgramLayout.Resolver {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final MavenProject project;
    private final boolean tests;

    MavenResolver(RepositorySystem system, RepositorySystemSession session, MavenProject project, boolean tests) {
        this.system = system;
        this.session = session;
        this.project = project;
        this.tests = tests;
    }

    @Override
    public List<Path> resolve(List<Dependency> dependencies, List<Dependency> managed) throws UsageError {
        if (dependencies.isEmpty()) {
            return List.of();
        }
        ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(project.getRemoteProjectRepositories());
        dependencies.forEach(dependency -> collect.addDependency(RepositoryUtils.toDependency(dependency, types)));
        managed.forEach(dependency -> collect.addManagedDependency(RepositoryUtils.toDependency(dependency, types)));
        // Maven's resolver utilities are not a plugin's to use (Maven keeps them to itself): the scopes' filter is here.
        Set<String> scopes = tests ? Set.of("compile", "runtime", "system", "provided", "test")
                : Set.of("compile", "runtime", "system");
        DependencyFilter classpath = (node, parents) -> node.getDependency() == null
                || scopes.contains(node.getDependency().getScope());
        DependencyRequest request = new DependencyRequest(collect, classpath);
        List<Path> files = new ArrayList<>();
        try {
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                File file = result.getArtifact().getFile();
                if (file != null) {
                    files.add(file.toPath());
                }
            }
        } catch (DependencyResolutionException unresolved) {
            throw new UsageError("cannot resolve " + project.getArtifactId() + "'s dependencies: "
                    + unresolved.getMessage() + fromTheRoot());
        }
        return files;
    }

    /** @return a hint, where this module has a parent on disk: a module missing may be its sibling, built there */
    private String fromTheRoot() {
        if (project.getParentFile() == null) {
            return "";
        }
        Path root = project.getParentFile().toPath().toAbsolutePath().getParent();
        return "; if that is a module of this project, run in " + root + ", where its modules are built together"
                + " (mvn hotload:run -pl :" + project.getArtifactId() + ")";
    }
}
