package dev.hotload.bench;

import dev.hotload.loop.Outcome;
import dev.hotload.spi.Launch;
import dev.hotload.spi.ReloaderRegistry;
import dev.hotload.spi.Session;
import dev.hotload.testsupport.Language;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One reload in process, through the SPI as the loop does it: the saved file compiled (Java, Groovy) or
 * imported (Python) and run. The edit-to-output figures add the watcher and the process around it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReloadBenchmark {

    @Param({"PYTHON", "JAVA", "GROOVY"})
    public Language language;

    private Path dir;
    private Path entry;
    private Session session;
    private PrintStream out;
    private int saves;

    @Setup(Level.Trial)
    public void open() throws Exception {
        out = System.out;
        // The program's output is not what is measured; JMH reports through its own stream.
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        dir = Files.createTempDirectory("hotload-reload");
        entry = language.entryIn(dir);
        Files.writeString(entry, language.program(0));
        session = ReloaderRegistry.discover(getClass().getClassLoader())
                .forEntry(entry, Optional.empty())
                .open(Launch.of(entry).build());
        session.run(ChangeSet.initial());
    }

    @Benchmark
    public Outcome reload() throws Exception {
        Files.writeString(entry, language.program(++saves));
        return session.run(new ChangeSet(List.of(new FileChange(entry, FileChange.Kind.MODIFY)), false));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        session.close();
        System.setOut(out);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
