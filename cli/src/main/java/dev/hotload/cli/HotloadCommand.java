package dev.hotload.cli;

import dev.hotload.junit.JUnitPlatform;
import dev.hotload.loop.ClearTerminal;
import dev.hotload.loop.ReloadLoop;
import dev.hotload.loop.ShellCommand;
import dev.hotload.loop.StatusLine;
import dev.hotload.repl.AttachServer;
import dev.hotload.repl.HistoryFile;
import dev.hotload.repl.Prompt;
import dev.hotload.run.StandardInput;
import dev.hotload.run.StandardStreams;
import dev.hotload.spi.Launch;
import dev.hotload.spi.LaunchException;
import dev.hotload.spi.Namespace;
import dev.hotload.spi.Reloader;
import dev.hotload.spi.ReloaderRegistry;
import dev.hotload.spi.Session;
import dev.hotload.watch.FileWatcher;
import dev.hotload.watch.PrintableName;
import dev.hotload.watch.PollingFileWatcher;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code hotload}, and what it does with them. */
@Command(
        name = "hotload",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs ENTRY, then reloads it into the same JVM each time a watched file",
            "is saved, keeping the program's state. The entry's extension picks the",
            "language: .py (Jython 2.7), .java, .groovy (see --languages).",
            "",
            "With --repl (-i), the terminal gets a prompt inside the running program;",
            "hotload attach [NAME] opens one from another terminal (see attach --help).",
            "",
            "Without ENTRY, hotload runs the --run commands at start and on every",
            "save, as entr and watchexec do: hotload --watch src --run 'make test'.",
            "",
            "Watched: the --watch paths; else file names piped on standard input",
            "(find . -name '*.py' | hotload lib.py); else the entry's folder tree,",
            "or with --run alone the working folder's tree (every file, or --ext).",
            "Never in folders: dot-folders (.git), target/, node_modules/, build/ at",
            "the top or beside a build script, editors' temporaries, what the tree's",
            ".gitignore and .ignore files name (see --no-ignore-files), --ignore globs.",
            ""
        },
        footer = {
            "",
            "Watching: where the system sends file events (inotify on Linux), hotload",
            "sleeps until one arrives, then looks at the files it names: a save shows",
            "within a few milliseconds, whatever the tree's size, and waiting costs no",
            "CPU. Elsewhere, or with --poll or --interval-ms, it scans every file every",
            "--interval-ms, 144 times a second by default: a save shows within about",
            "that interval. A bigger tree is scanned less often, at least 200 times a",
            "scan's time apart (about a minute for 50,000 files), so that polling",
            "takes at most 2 %% of a core; then the files being edited (the entry, the",
            "files saved last) are looked at every 20 ms besides: their saves show",
            "within 100 ms. The first line hotload prints says the pace.",
            "",
            "Keys, when standard input is a terminal: Enter, or r then Enter, runs the",
            "entry (or the --run commands) again without a save, a Java or Groovy",
            "program from main, unless the program reads its input or has printed a",
            "prompt.",
            "",
            "Environment:",
            "  HOTLOAD_NO_CLEAR    as --no-clear when set to HOTLOAD_NO_CLEAR or 1",
            "  HOTLOAD_RECURSIVE   as --recursive when set to HOTLOAD_RECURSIVE or 1",
            "  HOTLOAD_RUNNING     set to HOTLOAD_RUNNING for the program and the",
            "                      --run commands",
            "  HOTLOAD_CLASSPATH   more jars or folders for hotload itself, such as",
            "                      a third-party reloader",
            "  HOTLOAD_JAVA_OPTS   options for the JVM",
            "  HOTLOAD_CLASS_DATA  archive, aot or off: the class data the JVM maps",
            "                      at start (default: aot on JDK 24+, else archive)",
            "",
            "Exit status:",
            "  0    stopped normally, or --once ran without error",
            "  1    --once: the run failed (an exception, a compile error)",
            "  2    bad command line, missing entry, unknown language",
            "  N    --once: the program, or a --run command, exited with status N",
            "  130  interrupted (Ctrl-C)",
            "  143  terminated (SIGTERM)",
            "",
            "Examples (from hotload's folder):",
            "  hotload examples/python/lib.py",
            "  cd examples/python/recursive; find . -name '*.py' | hotload -r lib.py",
            "  hotload examples/java/hello/Hello.java -- you",
            "  hotload examples/groovy/greeter/main.groovy -- you",
            "  hotload examples/python/lib.py --run 'echo \"That is a reload!\"'",
            "  hotload --watch examples/shell --run 'sh examples/shell/hello.sh'",
        })
final class HotloadCommand implements Callable<Integer> {

    /**
     * How long Ctrl-C waits for the reload under way, before and after interrupting it: twice this, and cleanup
     * after, fit well within the second hotload promises (ShutdownDeadline halts a JVM that is later than that).
     * A compile does not end on an interrupt; nothing else of hotload's takes longer.
     */
    private static final Duration STOP_GRACE = Duration.ofMillis(150);

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENTRY", description = "The file to run and reload.")
    private Path entry;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program, after --.")
    private List<String> args = new ArrayList<>();

    @Option(names = {"-w", "--watch"}, paramLabel = "PATH",
            description = "File or folder to watch; repeatable. Overrides standard input.")
    private List<Path> watch = new ArrayList<>();

    @Option(names = {"-e", "--ext"}, paramLabel = "EXT",
            description = "Extension of files to watch in folders, e.g. .py; repeatable.")
    private List<String> extensions = new ArrayList<>();

    @Option(names = "--run", paramLabel = "CMD",
            description = "Shell command (/bin/sh -c) to run after each run of ENTRY, or alone without ENTRY;"
                    + " repeatable, run in order. A command runs only if the run and the commands before it"
                    + " succeeded (a program still running counts as such); one that exits non-zero is reported as"
                    + " the run's failure. Its standard input is /dev/null, its output the terminal.")
    private List<String> commands = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "NAME", description = "Language to run the entry with, whatever its extension.")
    private String lang;

    @Option(names = "--entrypoint", paramLabel = "NAME",
            description = "Function to call after each reload (Python, a Groovy script's method); for Java, the"
                    + " static method to run instead of main.")
    private String entrypoint;

    @Option(names = {"-r", "--recursive"}, description = "Reload the changed modules the entry imports before the entry.")
    private boolean recursive;

    @Option(names = "--compiler", paramLabel = "NAME",
            description = "Java's compiler: ecj (the default, the faster, where it compiles the running Java's release) or javac.")
    private String compiler;

    @Option(names = "--restart",
            description = "Restart the program on every save, as a plain reload: no Python function patched in place,"
                    + " no running Java or Groovy class redefined in place.")
    private boolean restart;

    @Option(names = "--no-clear", description = "Do not clear the terminal before each run (the scrollback is never erased).")
    private boolean noClear;

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATHS", split = "${sys:path.separator}",
            description = "Libraries (jars, folders) loaded once and kept across reloads.")
    private List<Path> classpath = new ArrayList<>();

    @Option(names = "--source-root", paramLabel = "FOLDER",
            description = "Java, Groovy: another folder of the program's sources, compiled and watched with the"
                    + " entry's own (a module it depends on); repeatable.")
    private List<Path> sourceRoots = new ArrayList<>();

    @Option(names = "--follow-links",
            description = "Follow symbolic links in watched folders wherever they lead; by default only links to"
                    + " files inside a watched folder are.")
    private boolean followLinks;

    @Option(names = "--ignore", paramLabel = "GLOB",
            description = "Never run on a change to these files or folders in watched folders, as a .gitignore line:"
                    + " '*.log', 'dist/', '/docs' (from the working folder); repeatable.")
    private List<String> ignoreGlobs = new ArrayList<>();

    @Option(names = "--no-ignore-files",
            description = "Watch what the tree's .gitignore and .ignore files name too (read by default).")
    private boolean noIgnoreFiles;

    @Option(names = "--poll", description = "Poll for changes even where the system sends file events.")
    private boolean poll;

    @Option(names = "--interval-ms", paramLabel = "MS",
            description = "Poll, with this time between two scans (at least: longer for a big tree)."
                    + " Default: 6.944 (144 per second).")
    private Double intervalMillis;

    @Option(names = {"-i", "--repl"}, description = "Give the terminal a prompt inside the running program: each line"
            + " runs in its namespace as the last save left it (Python: the entry module's globals; Groovy: the script's"
            + " binding; Java: JShell snippets over its classes).")
    private boolean repl;

    @Option(names = "--test", arity = "0..1", fallbackValue = "", paramLabel = "DIR", description = "Run the project's"
            + " tests on every save, in this JVM (JUnit; Python: unittest): those the save can affect (a saved test, and"
            + " every test that uses a saved class or module). DIR: a Maven-style project (src/main/java, src/test/java)"
            + " or a folder of sources and tests; the current folder when left out. Enter runs them all.")
    private Path testDir;

    @Option(names = "--test-all", description = "As --test, but every save runs every test.")
    private boolean testAll;

    @Option(names = "--once", description = "Run once and exit with the run's status.")
    private boolean once;

    @Option(names = "--languages", description = "List the installed languages (version, jar) and exit.")
    private boolean listLanguages;

    private final Environment environment;
    private final ReloaderRegistry registry;
    /** hotload's own: the program's System.out and System.err are its to break. */
    private final StandardStreams streams = StandardStreams.current();

    HotloadCommand(Environment environment, ReloaderRegistry registry) {
        this.environment = environment;
        this.registry = registry;
    }

    @Override
    public Integer call() throws LaunchException, InterruptedException {
        if (listLanguages) {
            registry.listing().forEach(System.out::println);
            return 0;
        }
        if (intervalMillis != null && !(intervalMillis > 0)) {
            throw new LaunchException("--interval-ms must be positive, not " + intervalMillis);
        }
        if (testDir != null || testAll) {
            return runTests();
        }
        if (entry == null && !commands.isEmpty()) {
            return runCommandsOnly();
        }
        Launch launch = launch();
        Reloader reloader = registry.forEntry(launch.entry(), Optional.ofNullable(lang));
        if (once) {
            if (repl) {
                throw new LaunchException("--repl and --once exclude each other: a prompt runs until Ctrl-D");
            }
            return runOnce(Optional.of(reloader.open(launch)), StatusLine.once(streams.err()));
        }
        WatchSet chosen = WatchSetChoice.choose(watch, extensions, this::pipedFiles, reloader, launch);
        if (repl) {
            return watchWithPrompt(chosen, reloader, launch);
        }
        // Before the language starts: Jython takes System.in then.
        Optional<RerunKey> rerunKey = rerunKey();
        Session session = reloader.open(launch);
        return watch(chosen, session, launchedStatus(), List.of(launch.entry()), rerunKey, Optional.empty(),
                attachable(session, launch, () -> history(reloader, launch)));
    }

    /**
     * What {@code hotload attach} reaches: a prompt in the program's namespace, where the language has one. Its
     * history's folder is made when the socket opens, after the first run: not at every start, in the user's home.
     */
    private record Attachable(Namespace namespace, AttachServer.Listing listing, Supplier<Optional<Path>> history) {
    }

    private Optional<Attachable> attachable(Session session, Launch launch, Supplier<Optional<Path>> history) {
        return session.namespace().map(namespace -> new Attachable(namespace,
                new AttachServer.Listing(ProcessHandle.current().pid(), launch.entry(), Path.of("").toAbsolutePath()),
                history));
    }

    /** @return where a prompt's lines are kept, per project (the entry's folder) and language */
    private Optional<Path> history(Reloader reloader, Launch launch) {
        return HistoryFile.of(launch.entry().getParent(), reloader.name(), environment.variables());
    }

    /** {@code --repl}: the loop, and a prompt in the program's namespace that has the terminal. */
    private int watchWithPrompt(WatchSet chosen, Reloader reloader, Launch launch) throws LaunchException {
        if (!environment.stdinIsTerminal() || !environment.stdoutIsTerminal()) {
            throw new LaunchException("--repl needs a terminal: standard input and output must be one");
        }
        // The prompt reads the terminal: a program reading standard input gets an end of input at once, rather
        // than lines meant for the prompt. Before the language starts: Jython takes System.in then.
        System.setIn(InputStream.nullInputStream());
        Session session = reloader.open(launch);
        Optional<Namespace> namespace = session.namespace();
        if (namespace.isEmpty()) {
            session.close();
            throw new LaunchException("--repl: the " + reloader.name() + " language offers no prompt");
        }
        Optional<Path> history = history(reloader, launch);
        Prompt prompt;
        try {
            prompt = Prompt.open(namespace.get(), history, streams);
        } catch (IOException | RuntimeException noTerminal) {
            session.close();
            throw new LaunchException("--repl: cannot use this terminal (" + noTerminal.getMessage() + ")");
        }
        try {
            return watch(chosen, session, launchedStatus(), List.of(launch.entry()), Optional.empty(), Optional.of(prompt),
                    attachable(session, launch, () -> history));
        } finally {
            prompt.close();
        }
    }

    /** {@code --test}: the project's tests, on every save, in this JVM; {@code --run} commands after them. */
    private int runTests() throws LaunchException {
        // --test-all DIR, and --test --once DIR, as --test DIR: the folder is taken for an ENTRY there.
        boolean named = testDir != null && !testDir.toString().isEmpty();
        Path folder = named ? testDir : entry != null ? entry : Path.of(".");
        if (!named) {
            entry = null;
        }
        refuseOutsideTests();
        TestProject project = TestProject.of(folder);
        Reloader language = project.language(registry, Optional.ofNullable(lang));
        List<Path> libraries = new ArrayList<>(project.resources());
        libraries.addAll(classpath);
        libraries.addAll(JUnitPlatform.jarsMissingFrom(libraries));
        // mvn hotload:run names the project's own roots again among its modules'.
        List<Path> roots = Stream.concat(project.sourceRoots().stream(),
                sourceRoots.stream().map(root -> root.toAbsolutePath().normalize())).distinct().toList();
        Launch launch = Launch.of(project.folder()).classpath(libraries).sourceRoots(roots).compiler(compiler)
                .once(once).build();
        Optional<RerunKey> rerunKey = once ? Optional.empty() : rerunKey();
        Session session = language.openTests(launch, testAll, JUnitPlatform::over);
        if (once) {
            return runOnce(Optional.of(session), StatusLine.once(streams.err()));
        }
        WatchSet chosen = watch.isEmpty() && extensions.isEmpty()
                ? WatchSet.builder().folders(roots).extensions(language.extensions()).build()
                : WatchSetChoice.forCommands(watch, extensions, this::pipedFiles, project.folder());
        return watch(chosen, session, launchedStatus(), List.of(), rerunKey, Optional.empty(), Optional.empty());
    }

    /** Options of a program's run, given with --test, would be ignored silently: the user meant something else. */
    private void refuseOutsideTests() throws LaunchException {
        List<String> given = new ArrayList<>();
        if (entry != null) {
            given.add("an ENTRY ('" + PrintableName.of(entry) + "')");
        }
        given.addAll(entryRunOptions());
        if (!given.isEmpty()) {
            throw new LaunchException("--test runs a project's tests; it does not take " + String.join(", ", given)
                    + " (its folder comes after --test: hotload --test DIR)");
        }
    }

    /** The language-free mode, as entr and watchexec: no program, the commands run on every save. */
    private int runCommandsOnly() throws LaunchException {
        refuseProgramOptions();
        if (once) {
            return runOnce(Optional.empty(), StatusLine.once(streams.err()).runningCommands());
        }
        WatchSet chosen = WatchSetChoice.forCommands(watch, extensions, this::pipedFiles, Path.of(""));
        return watch(chosen, null, launchedStatus().runningCommands(), List.of(), rerunKey(), Optional.empty(),
                Optional.empty());
    }

    /** @return the options given that only an entry's run takes: how it is called, reloaded, and typed at */
    private List<String> entryRunOptions() {
        List<String> given = new ArrayList<>();
        if (entrypoint != null) {
            given.add("--entrypoint");
        }
        if (recursive) {
            given.add("--recursive");
        }
        if (restart) {
            given.add("--restart");
        }
        if (repl) {
            given.add("--repl");
        }
        return given;
    }

    /** An option for a program, given with none, would be ignored silently: the user meant something else. */
    private void refuseProgramOptions() throws LaunchException {
        List<String> given = new ArrayList<>();
        if (lang != null) {
            given.add("--lang");
        }
        given.addAll(entryRunOptions());
        if (!classpath.isEmpty()) {
            given.add("--classpath");
        }
        if (!sourceRoots.isEmpty()) {
            given.add("--source-root");
        }
        if (compiler != null) {
            given.add("--compiler");
        }
        if (!given.isEmpty()) {
            throw new LaunchException(String.join(", ", given) + (given.size() == 1 ? " needs" : " need") + " an ENTRY:"
                    + " the program to run; --run alone runs commands only");
        }
    }

    private int runOnce(Optional<Session> session, StatusLine status) {
        Optional<ClearTerminal> clear = clearTerminal();
        ReloadLoop loop = loop(session, null, status, clear);
        clear.ifPresent(ClearTerminal::clearNow);
        return loop.runOnce();
    }

    /**
     * Runs the loop until Ctrl-C.
     *
     * @param session the program's, or null where only commands run
     * @param editing the files the user edits, which polling looks at often
     * @param rerunKey the terminal's Enter, where there is a terminal to type on
     * @param prompt the terminal's prompt ({@code --repl}), whose end ends the loop
     * @param attachable what {@code hotload attach} reaches, if anything
     * @return the exit status: the one code typed at a prompt asked for, else 0
     */
    private int watch(WatchSet chosen, Session session, StatusLine status, List<Path> editing,
            Optional<RerunKey> rerunKey, Optional<Prompt> prompt, Optional<Attachable> attachable) {
        WatchSet ignoring = chosen.ignoring(chosen.ignore().with(ignoreGlobs, Path.of(""), !noIgnoreFiles));
        WatchSet watchSet = followLinks ? ignoring.followingLinks() : ignoring;
        FileWatcher watcher = FileWatcher.of(watchSet, pollInterval(), editing);
        Optional<ClearTerminal> clear = clearTerminal();
        ReloadLoop loop = loop(Optional.ofNullable(session), watcher, status, clear);
        rerunKey.ifPresent(key -> key.runs(loop));
        // Cleared first, so that the first run keeps this line on screen above its output.
        clear.ifPresent(ClearTerminal::clearNow);
        String keys = prompt.isPresent() ? Prompt.KEYS : (rerunKey.isPresent() ? "Enter reruns, " : "") + "Ctrl-C stops";
        status.say("watching " + watchSet + " (" + watcher + "); " + keys);
        AtomicInteger exit = new AtomicInteger();
        prompt.ifPresent(typed -> {
            Thread reading = new Thread(() -> {
                try {
                    // Below the first run's output, and not competing with it for the processor.
                    loop.awaitFirstRun();
                } catch (InterruptedException ending) {
                    return;
                }
                exit.set(typed.run().orElse(0));
                loop.stop();
            }, "hotload-prompt");
            reading.setDaemon(true);
            reading.start();
        });
        Optional<AttachWhenRunning> attach = attachable.map(to -> new AttachWhenRunning(loop,
                () -> AttachServer.start(to.namespace(), to.listing(), to.history().get(), streams, asked -> {
                    exit.set(asked);
                    loop.stop();
                }, environment.variables())));
        try {
            loop.run();
        } finally {
            attach.ifPresent(AttachWhenRunning::close);
        }
        return exit.get();
    }

    /** @return the status line of a session that watches, its first line counting from the user's command */
    private StatusLine launchedStatus() {
        StatusLine plain = new StatusLine(streams.err());
        return CommandStart.current().map(plain::launchedAt).orElse(plain);
    }

    private Launch launch() throws LaunchException {
        if (entry == null) {
            throw new LaunchException("missing ENTRY: the file to run, e.g. hotload lib.py; or --run CMD to run"
                    + " commands alone (see --help)");
        }
        Launch.requireRegularFile(entry);
        return Launch.of(entry)
                .args(args)
                .entrypoint(entrypoint)
                .recursive(recursive || environment.flag("HOTLOAD_RECURSIVE"))
                .classpath(classpath)
                .sourceRoots(sourceRoots)
                .once(once)
                .restart(restart)
                .compiler(compiler)
                .build();
    }

    /**
     * @return where a user types (standard input is a terminal), the key that runs the steps again, reading the
     *     terminal from now on and giving the program its input; else empty
     */
    private Optional<RerunKey> rerunKey() {
        if (!environment.stdinIsTerminal()) {
            return Optional.empty();
        }
        RerunKey key = new RerunKey();
        StandardInput.install(streams, key);
        return Optional.of(key);
    }

    /** @return empty for file events where the system has them (instant, and free while idle); else how to poll */
    private Optional<Duration> pollInterval() {
        if (intervalMillis != null) {
            return Optional.of(Duration.ofNanos((long) (intervalMillis * 1e6)));
        }
        return poll ? Optional.of(PollingFileWatcher.DEFAULT_INTERVAL) : Optional.empty();
    }

    /** @return the clearing of the terminal before each run, unless standard output is none or the user said no */
    private Optional<ClearTerminal> clearTerminal() {
        // The prompt's screen is the user's: what they typed and saw stays.
        if (noClear || repl || environment.flag("HOTLOAD_NO_CLEAR") || !environment.stdoutIsTerminal()) {
            return Optional.empty();
        }
        return Optional.of(new ClearTerminal(streams.out()));
    }

    private ReloadLoop loop(Optional<Session> session, FileWatcher watcher, StatusLine status,
                            Optional<ClearTerminal> clear) {
        // Ctrl-C or SIGTERM: end the loop, let cleanup hooks run once, and let the JVM exit.
        ReloadLoop.Builder builder = ReloadLoop.builder().watcher(watcher).reporter(status).stopOnShutdown(STOP_GRACE);
        clear.ifPresent(builder::step);
        session.ifPresent(builder::step);
        // A failed run's commands would only repeat what the user already sees: they wait for a run that succeeds.
        commands.forEach(command -> builder.stepAfterSuccess(new ShellCommand(command)));
        return builder.build();
    }

    private List<Path> pipedFiles() {
        if (environment.stdinIsTerminal()) {
            return List.of();
        }
        try {
            return StdinFileList.read(System.in, Path.of("").toAbsolutePath(), streams.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
