package dev.hotload.bench;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.PollingFileWatcher;
import dev.hotload.watch.WatchSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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

/** One scan of every watched file when nothing changed: what each poll costs, and what it allocates. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScanBenchmark {

    @Param({"1", "10000"})
    public int files;

    private Path dir;
    private PollingFileWatcher watcher;

    @Setup(Level.Trial)
    public void writeTree() throws IOException {
        dir = Files.createTempDirectory("hotload-scan");
        for (int i = 0; i < files; i++) {
            Path file = dir.resolve("pkg" + i / 100).resolve("mod" + i + ".py");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x = " + i + "\n");
        }
        watcher = new PollingFileWatcher(WatchSet.ofTree(dir, List.of(".py")), Duration.ofHours(1));
    }

    /** A poll with no time to wait scans once and returns. */
    @Benchmark
    public ChangeSet scan() throws InterruptedException {
        return watcher.poll(Duration.ZERO);
    }

    @TearDown(Level.Trial)
    public void deleteTree() throws IOException {
        watcher.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
