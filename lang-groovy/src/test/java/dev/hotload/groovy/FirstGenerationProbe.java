package dev.hotload.groovy;

import dev.hotload.compiled.CompiledSession;
import dev.hotload.run.RunWaits;
import dev.hotload.spi.Launch;
import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs in a JVM of its own (see {@link FirstGenerationTest}): the very first script of a JVM is the one whose
 * run starts Groovy's lazily started threads. Prints {@code unloaded}, or what still holds the first generation.
 */
public final class FirstGenerationProbe {

    private FirstGenerationProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args[0]);
        PrintStream report = System.out;
        System.setOut(new PrintStream(PrintStream.nullOutputStream()));
        // Each run awaited to its end, however slow the machine: a run left in the background would hold its generation.
        RunWaits awaitEachRun = new RunWaits(Duration.ofSeconds(60), RunWaits.DEFAULT.stop(), RunWaits.DEFAULT.kill(),
                RunWaits.DEFAULT.close());
        CompiledSession session = new GroovyReloader().session(Launch.of(script).build()).waits(awaitEachRun).build();
        session.run(ChangeSet.initial());
        WeakReference<ClassLoader> first = new WeakReference<>(session.generation());
        for (int i = 2; i <= 3; i++) {
            Files.writeString(script, "println([1, 2, 3].collect { it * " + i + " })\n");
            session.run(new ChangeSet(List.of(new FileChange(script, FileChange.Kind.MODIFY)), false));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (first.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        ClassLoader kept = first.get();
        report.println(kept == null ? "unloaded" : "kept by threads " + Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getContextClassLoader() == kept)
                .map(Thread::getName)
                .collect(Collectors.joining(", ")));
        session.close();
    }
}
