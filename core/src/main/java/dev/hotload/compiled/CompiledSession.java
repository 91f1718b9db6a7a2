package dev.hotload.compiled;

import dev.hotload.jvm.ClassRedefiner;
import dev.hotload.jvm.Generation;
import dev.hotload.jvm.Libraries;
import dev.hotload.jvm.Redefinition;
import dev.hotload.loop.Outcome;
import dev.hotload.run.Entry;
import dev.hotload.run.EntryRunner;
import dev.hotload.run.RunWaits;
import dev.hotload.run.StandardStreams;
import dev.hotload.run.TracePrinter;
import dev.hotload.spi.Launch;
import dev.hotload.spi.Namespace;
import dev.hotload.spi.Session;
import dev.hotload.spi.TestFramework;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileKind;
import dev.hotload.watch.PrintableName;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A program of a compiled language in the running JVM, whatever the language: every save recompiles what
 * changed ({@link IncrementalBuild}), and a successful compile becomes a new {@link Generation} that replaces
 * the last one and runs the entry (see {@link EntryRunner} for how a run ends, and how a running one is
 * stopped). A compile error leaves the last good generation loaded (and running, if it runs).
 *
 * <p>Live update: while the program still runs (a server, a loop), a build whose classes changed only in their
 * method bodies is redefined in the running generation instead ({@link Redefinition}): its objects, statics and
 * threads are kept, and the next call runs the new code. Any other build, or one the JVM refuses, restarts it as
 * above, saying why. A program that has ended is run again from a new generation, as a script expects, whatever
 * was edited; so is one the user asks to run again ({@link ChangeSet#requested()}).
 */
public final class CompiledSession implements Session {

    private final Launch launch;
    private final SourceTree tree;
    private final Compiler compiler;
    private final IncrementalBuild build;
    private final URLClassLoader libraries;
    private final EntryFinder entries;
    private final Consumer<Generation> onReplaced;
    private final Optional<CompilerWarmUp.Plan> warmUpPlan;
    private final String description;
    private final PrintStream err;
    private final EntryRunner runner;
    private final Optional<ClassRedefiner> redefiner;
    private final Optional<Namespace> namespace;
    private final Path workingDir = Path.of("").toAbsolutePath();
    private int generations;
    private BuildResult lastBuild;
    /** Read by the namespace's prompt, on a thread of its own. */
    private volatile Generation generation;
    /** What runs in {@link #generation}. */
    private Entry entry;
    private CompilerWarmUp warmUp;

    private CompiledSession(Builder builder) {
        this.launch = builder.launch;
        this.tree = builder.tree;
        this.compiler = builder.compiler;
        this.build = new IncrementalBuild(tree, launch.entry(), compiler, builder.program);
        this.libraries = builder.libraries;
        this.entries = Objects.requireNonNull(builder.entries, "entries");
        this.onReplaced = builder.onReplaced;
        this.warmUpPlan = Optional.ofNullable(builder.warmUp);
        this.description = builder.description;
        this.err = builder.err;
        this.redefiner = launch.restart() ? Optional.empty() : builder.redefiner;
        this.runner = EntryRunner.builder(builder.label).once(launch.once()).tracePrinter(builder.tracePrinter)
                .err(err).waits(builder.waits).build();
        this.namespace = Optional.ofNullable(builder.namespace).map(open -> open.apply(new Live()));
    }

    /**
     * @param launch the entry and its options
     * @param tree the entry's source tree
     * @param compiler the language's compiler; the session closes it
     * @param libraries the {@code --classpath} libraries, parent of every generation; the session closes it
     * @return a builder of the session
     */
    public static Builder builder(Launch launch, SourceTree tree, Compiler compiler, URLClassLoader libraries) {
        return new Builder(launch, tree, compiler, libraries);
    }

    @Override
    public Outcome run(ChangeSet changes) throws InterruptedException {
        build.note(changes);
        FileKind entryKind = FileKind.of(launch.entry());
        if (entryKind != FileKind.REGULAR) {
            return Outcome.entryNotAFile(entryKind);
        }
        lastBuild = build.rebuild();
        if (Thread.interrupted()) {
            // Stopped (Ctrl-C) during the build: its errors may be the interrupt's own, not the program's (ECJ reads
            // the JDK's classes through channels that an interrupt closes), and hotload ends without them.
            throw new InterruptedException("stopped during the build");
        }
        if (warmUp == null && warmUpPlan.isPresent()) {
            // After the first build, so that it does not slow the first output.
            warmUp = CompilerWarmUp.start(warmUpPlan.get(), libraries);
        }
        if (!lastBuild.isOk()) {
            return CompileErrors.outcomeOf(lastBuild, compiler.errorHeader(), workingDir);
        }
        Map<String, byte[]> classes = build.classes();
        Optional<String> restart = Optional.empty();
        // A run asked for starts the program again, as its user means, even with nothing to redefine.
        if (generation != null && redefiner.isPresent() && !changes.requested() && runner.isProgramRunning()) {
            Redefinition.Result inPlace = Redefinition.apply(
                    new Redefinition.Program(generation, this.entry.startsIn(), runner::stacks), classes,
                    redefiner.get());
            if (inPlace instanceof Redefinition.Redefined redefined) {
                return Outcome.ok().withUpdate(redefined.words());
            }
            restart = Optional.of(((Redefinition.Refused) inPlace).reason());
        }
        Generation next = new Generation(++generations, classes, libraries, tree.roots());
        Entry entry;
        try {
            entry = entries.find(next, build.classesOf(launch.entry()));
        } catch (MissingEntry missing) {
            err.println("hotload: " + PrintableName.of(missing.getMessage()));
            return Outcome.failed("no entry point");
        }
        Generation previous = generation;
        generation = next;
        this.entry = entry;
        Outcome outcome = runner.replaceWith(next, entry);
        if (previous != null) {
            runner.amongProgramThreads(() -> onReplaced.accept(previous));
        }
        return restart.map(why -> outcome.withUpdate("restarted (" + why + ")")).orElse(outcome);
    }

    @Override
    public String describe() {
        return description;
    }

    /** Runs the unload hooks, stops a running entry, and releases the compiler and the libraries. */
    @Override
    public void close() {
        if (warmUp != null) {
            warmUp.stop();
        }
        runner.close();
        if (generation != null) {
            Generation last = generation;
            try {
                runner.amongProgramThreads(() -> onReplaced.accept(last));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // hotload is ending: the JVM's end releases it all
            }
        }
        generation = null;
        compiler.close();
        Libraries.close(libraries, err);
    }

    @Override
    public Optional<Namespace> namespace() {
        return namespace;
    }

    /** @return the last build's result, or null before the first build: for tests */
    public BuildResult lastBuild() {
        return lastBuild;
    }

    /** @return the generation that ran last, or null: for tests */
    public ClassLoader generation() {
        return generation;
    }

    /** The parts of a session that are the language's own; the entry finder is the one without a default. */
    public static final class Builder {
        private final Launch launch;
        private final SourceTree tree;
        private final Compiler compiler;
        private final URLClassLoader libraries;
        private IncrementalBuild.Program program = IncrementalBuild.Program.WHOLE_TREE;
        private EntryFinder entries;
        private String label = "main";
        private TracePrinter tracePrinter = TracePrinter.JVM;
        private Consumer<Generation> onReplaced = replaced -> { };
        private CompilerWarmUp.Plan warmUp;
        private String description;
        private PrintStream err = StandardStreams.current().err();
        private RunWaits waits = RunWaits.DEFAULT;
        private Optional<ClassRedefiner> redefiner = ClassRedefiner.ofAgent();
        private Function<LiveProgram, Namespace> namespace;

        private Builder(Launch launch, SourceTree tree, Compiler compiler, URLClassLoader libraries) {
            this.launch = Objects.requireNonNull(launch, "launch");
            this.tree = Objects.requireNonNull(tree, "tree");
            this.compiler = Objects.requireNonNull(compiler, "compiler");
            this.libraries = Objects.requireNonNull(libraries, "libraries");
            this.description = launch.entryName();
        }

        /** Which sources make the program: the whole tree (the default), or the entry and what it uses. */
        public Builder program(IncrementalBuild.Program value) {
            program = Objects.requireNonNull(value, "program");
            return this;
        }

        /** What to run in each generation. */
        public Builder entries(EntryFinder value) {
            entries = value;
            return this;
        }

        /** Names the entry in messages ({@code main is still running}); {@code main} by default. */
        public Builder label(String value) {
            label = Objects.requireNonNull(value, "label");
            return this;
        }

        /** How the language shows an exception that ends a run; as the JVM does by default. */
        public Builder tracePrinter(TracePrinter value) {
            tracePrinter = Objects.requireNonNull(value, "tracePrinter");
            return this;
        }

        /** What the language's runtime must forget of a generation once it is replaced, so that it can unload. */
        public Builder onReplaced(Consumer<Generation> value) {
            onReplaced = Objects.requireNonNull(value, "onReplaced");
            return this;
        }

        /** Warms the compiler up in the background after the first compile; none by default. */
        public Builder warmUp(CompilerWarmUp.Plan value) {
            warmUp = value;
            return this;
        }

        /** A few words naming the session in messages; the entry's file name by default. */
        public Builder describedAs(String value) {
            description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** Where compile errors, stack traces and hotload's notes go; standard error by default. */
        public Builder err(PrintStream value) {
            err = Objects.requireNonNull(value, "err");
            return this;
        }

        /** How long a run is awaited; tests shorten the waits. */
        public Builder waits(RunWaits value) {
            waits = Objects.requireNonNull(value, "waits");
            return this;
        }

        /** How a running program's classes are redefined in place; the JVM's, through hotload's agent, by default. */
        public Builder redefiner(Optional<ClassRedefiner> value) {
            redefiner = Objects.requireNonNull(value, "redefiner");
            return this;
        }

        /** The namespace a prompt evaluates in ({@code --repl}), over the program as it runs; none by default. */
        public Builder namespace(Function<LiveProgram, Namespace> value) {
            namespace = Objects.requireNonNull(value, "namespace");
            return this;
        }

        public CompiledSession build() {
            return new CompiledSession(this);
        }

        /**
         * @param frameworks the test framework, loaded over the libraries it is given
         * @param everyTest whether every save runs every test, not only those it can affect
         * @return a session that runs the tests of the tree's program on every save, with this builder's compiler and
         *     libraries, instead of its entry
         */
        public TestSession buildTests(Function<ClassLoader, TestFramework> frameworks, boolean everyTest) {
            return new TestSession(tree, compiler, libraries, frameworks.apply(libraries), everyTest, launch.once(), err,
                    tracePrinter, onReplaced);
        }
    }

    /** The program as the session runs it, for its namespace. */
    private final class Live implements LiveProgram {
        @Override
        public Optional<Generation> generation() {
            return Optional.ofNullable(generation);
        }

        @Override
        public ClassLoader libraries() {
            return libraries;
        }
    }
}
