package dev.hotload.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.jvm.ClassRedefiner;
import dev.hotload.loop.Outcome;
import dev.hotload.run.RunWaits;
import dev.hotload.spi.Launch;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the session tests of every compiled language share: a folder to write sources in, the program's output
 * and hotload's notes captured, a session opened through the language's reloader and closed after each test.
 * Shared with the language modules through core's test jar.
 */
public abstract class CompiledSessionHarness {

    /**
     * A run is awaited up to 10 s, not half a second, so that a slow machine cannot leave it in the background
     * (each test but those of background runs awaits its output); a stop waits a quarter of today's 2 s.
     */
    protected static final RunWaits WAITS = new RunWaits(Duration.ofSeconds(10), Duration.ofMillis(500),
            RunWaits.DEFAULT.kill(), RunWaits.DEFAULT.close());

    /** For the tests of runs that go on in the background. */
    protected static final RunWaits BACKGROUND = new RunWaits(Duration.ofMillis(200), WAITS.stop(), WAITS.kill(),
            WAITS.close());

    @TempDir
    protected Path dir;

    protected CompiledSession session;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;

    /** @return the reloader of the language under test */
    protected abstract CompiledReloader reloader();

    /** @return the launch a test asked for, as the session gets it: a language with several compilers names one */
    protected Launch launched(Launch launch) {
        return launch;
    }

    @BeforeEach
    void captureOutput() {
        systemOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
        System.setOut(systemOut);
    }

    protected void open(Launch.Builder launch) throws Exception {
        open(launch.build());
    }

    protected void open(Launch launch) throws Exception {
        open(launch, WAITS);
    }

    /** Opens a session whose notes go to {@link #err()}, and whose runs are awaited as {@code waits} says. */
    protected void open(Launch launch, RunWaits waits) throws Exception {
        open(launch, waits, Optional.empty());
    }

    /** As {@link #open(Launch, RunWaits)}, redefining classes in place through {@code redefiner}. */
    protected void open(Launch launch, RunWaits waits, Optional<ClassRedefiner> redefiner) throws Exception {
        session = reloader().session(launched(launch)).err(new PrintStream(err, true, StandardCharsets.UTF_8)).waits(waits)
                .redefiner(redefiner).build();
    }

    /** @return how the run after a save of {@code file} ended */
    protected Outcome save(Path file) throws Exception {
        return session.run(new ChangeSet(List.of(new FileChange(file, FileChange.Kind.MODIFY)), false));
    }

    /** Writes {@code content} to {@code name}, a path under {@link #dir}, making its folders. */
    protected Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** Compiles a Java library class into {@code classes}, for a test of {@code --classpath}. */
    protected static void compileInto(Path classes, Path source) throws IOException {
        Files.createDirectories(classes);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(status).isZero();
    }

    /** @return what the program printed on standard output */
    protected String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return what the session printed: compile errors, traces, hotload's notes */
    protected String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
