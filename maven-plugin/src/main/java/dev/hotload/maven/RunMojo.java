package dev.hotload.maven;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * {@code mvn hotload:run}: runs the project's program with hotload, which reloads each save. The class path is
 * Maven's; the sources of the entry's module and of the build's modules it depends on are compiled in process and
 * watched, with their resource folders. hotload runs in a JVM of its own, and its exit status is Maven's.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.NONE, threadSafe = true)
public class RunMojo extends AbstractMojo {

    /** The file to run: {@code src/main/java/com/acme/App.java}, from where Maven was started or the module's folder. */
    @Parameter(property = "hotload.entry")
    private String entry;

    /** The main class to run, found in the build's source roots: {@code com.acme.App}. */
    @Parameter(property = "hotload.main")
    private String main;

    /** The program's arguments, split at spaces. */
    @Parameter(property = "hotload.args")
    private String args;

    /** hotload's own options, split at spaces: {@code --repl}, {@code --restart}, {@code --compiler javac}. */
    @Parameter(property = "hotload.options")
    private String options;

    /** Options for hotload's JVM, split at spaces: {@code -Xmx2g}. */
    @Parameter(property = "hotload.jvmArgs")
    private String jvmArgs;

    /** {@code runtime}, or {@code test}: the module's tests, test resources and test dependencies join the program. */
    @Parameter(property = "hotload.scope", defaultValue = "runtime")
    private String scope;

    /**
     * Run the module's tests on every save instead of its program ({@code hotload --test}): those the save can affect.
     * In a build of several modules with tests, the one Maven was started in, or chosen with {@code -pl}.
     */
    @Parameter(property = "hotload.test", defaultValue = "false")
    private boolean test;

    @Parameter(property = "hotload.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private RepositorySystem repositorySystem;

    /**
     * The choice of a build, made at the goal's first module: every module's goal asks, and the choice reads every
     * module's sources (all of them, where it looks for the one {@code main} method).
     */
    private static final Pattern JUNIT_ENGINE = Pattern.compile("junit-platform-engine-(.+)\\.jar");

    private static final Map<MavenSession, EntryChoice.Choice> CHOICES = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("hotload: skipped (hotload.skip)");
            return;
        }
        int status;
        try {
            status = runHere();
        } catch (UsageError wrong) {
            // Straight to the descriptor, as hotload's own lines go: Maven's System.err adds its colours' codes.
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            err.println("hotload: " + wrong.getMessage());
            status = 2;
        } catch (IOException e) {
            throw new MojoExecutionException("hotload: cannot start java: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        if (status != 0) {
            // hotload has said why (or the line above has): Maven's own failure report would only bury it.
            System.exit(status);
        }
    }

    /** @return hotload's exit status; 0 at once in a module of the build that is not the one to run */
    private int runHere() throws UsageError, IOException, InterruptedException {
        boolean tests = test || switch (scope) {
            case "runtime" -> false;
            case "test" -> true;
            default -> throw new UsageError("-Dhotload.scope=" + scope + ": choose runtime (the default) or test");
        };
        EntryChoice.Choice choice = CHOICES.get(session);
        if (choice == null) {
            Path workingDir = Path.of(session.getExecutionRootDirectory());
            choice = test ? EntryChoice.testedModule(session.getProjects(), workingDir)
                    : EntryChoice.choose(session.getProjects(), workingDir,
                            Optional.ofNullable(entry).filter(value -> !value.isBlank()),
                            Optional.ofNullable(main).filter(value -> !value.isBlank()), tests);
            CHOICES.put(session, choice);
        }
        if (!choice.module().equals(project)) {
            getLog().debug("hotload: runs " + choice.module().getArtifactId() + ", not " + project.getArtifactId());
            return 0;
        }
        MavenResolver resolver = new MavenResolver(repositorySystem, session.getRepositorySession(), project, tests);
        ProgramLayout program = ProgramLayout.of(choice, session.getAllProjects(), tests, resolver);
        List<Path> libraries = test ? withJUnitLauncher(program.classpath(), resolver) : program.classpath();
        List<String> command = hotload().command(words(jvmArgs), launched(), arguments(program, libraries));
        getLog().debug("hotload: " + String.join(" ", command));
        return HotloadJvm.run(command, project.getBasedir().toPath());
    }

    /**
     * @return {@code classpath} with the JUnit Platform's launcher of the project's own JUnit, where it has the
     *     platform's engine but not its launcher (as most projects: surefire brings its own): hotload's launcher
     *     runs only with its own release of JUnit
     */
    private static List<Path> withJUnitLauncher(List<Path> classpath, ProgramLayout.Resolver resolver) throws UsageError {
        Optional<String> version = classpath.stream().map(jar -> JUNIT_ENGINE.matcher(jar.getFileName().toString()))
                .filter(Matcher::matches).map(matcher -> matcher.group(1)).findFirst();
        boolean hasLauncher = classpath.stream().anyMatch(jar -> jar.getFileName().toString().startsWith("junit-platform-launcher-"));
        if (version.isEmpty() || hasLauncher) {
            return classpath;
        }
        Dependency launcher = new Dependency();
        launcher.setGroupId("org.junit.platform");
        launcher.setArtifactId("junit-platform-launcher");
        launcher.setVersion(version.get());
        launcher.setScope("test");
        List<Path> with = new ArrayList<>(classpath);
        resolver.resolve(List.of(launcher), List.of()).stream().filter(jar -> !with.contains(jar)).forEach(with::add);
        return with;
    }

    /** @return hotload's command line for {@code program}: its libraries, its further source roots, what to watch */
    private List<String> arguments(ProgramLayout program, List<Path> classpath) {
        List<String> arguments = new ArrayList<>(words(options));
        if (!classpath.isEmpty()) {
            arguments.add("--classpath=" + String.join(File.pathSeparator,
                    classpath.stream().map(Path::toString).toList()));
        }
        for (Path root : program.sourceRoots()) {
            arguments.add("--source-root=" + root);
            arguments.add("--watch=" + root);
        }
        program.modules().forEach(module -> module.resources().forEach(folder -> arguments.add("--watch=" + folder)));
        program.watchedExtensions().forEach(extension -> arguments.add("--ext=" + extension));
        if (test) {
            arguments.add("--test=" + program.entry());
            return arguments;
        }
        arguments.add(program.entry().toString());
        List<String> programArguments = words(args);
        if (!programArguments.isEmpty()) {
            arguments.add("--");
            arguments.addAll(programArguments);
        }
        return arguments;
    }

    private HotloadJvm hotload() {
        List<Path> jars = new ArrayList<>();
        Optional<Path> agent = Optional.empty();
        for (Artifact artifact : plugin.getArtifacts()) {
            if (artifact.getFile() == null || artifact.getArtifactId().equals(plugin.getArtifactId())) {
                continue;
            }
            jars.add(artifact.getFile().toPath());
            if (artifact.getGroupId().equals("dev.hotload") && artifact.getArtifactId().equals("hotload-agent")) {
                agent = Optional.of(artifact.getFile().toPath());
            }
        }
        return new HotloadJvm(Path.of(System.getProperty("java.home"), "bin", "java"), jars, agent);
    }

    private Instant launched() {
        return session.getRequest().getStartTime() == null ? Instant.now()
                : session.getRequest().getStartTime().toInstant();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
