package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import dev.hotload.testsupport.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A long session: one hotload takes {@link #CHECKPOINTS}' last number of saves, each made as soon as the last one's
 * output shows, and is looked at from outside at each checkpoint. A leak shows as a column that grows.
 */
final class SoakBench {

    /** After how many saves the process is looked at. */
    static final List<Integer> CHECKPOINTS = List.of(0, 500, 1_000, 2_000);

    /** What the process holds after {@code saves} saves. */
    record Checkpoint(int saves, long programClasses, long heapKb, long residentKb, long threads) {
    }

    /** One language's checkpoints. */
    record Result(Language language, List<Checkpoint> checkpoints) {
    }

    private final MeasuredHotload hotload;

    SoakBench(MeasuredHotload hotload) {
        this.hotload = hotload;
    }

    Result measure(Language language) throws Exception {
        try (Workspace workspace = new Workspace()) {
            Path entry = language.entryIn(workspace.dir);
            Files.writeString(entry, language.program(0));
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, List.of(entry.getFileName().toString()))) {
                running.await("Result: 0");
                Saves session = new Saves(running, entry, language::program, 0);
                List<Checkpoint> checkpoints = new ArrayList<>();
                for (int saves : CHECKPOINTS) {
                    session.burst(saves - session.count());
                    long pid = running.pid();
                    // Classes first: counting them runs the full GC that the heap and resident figures should follow.
                    long classes = Probes.liveClasses(pid, language.programLoader());
                    checkpoints.add(new Checkpoint(saves, classes, Probes.heapAfterGcKb(pid), Probes.residentKb(pid),
                            Probes.threads(pid)));
                }
                return new Result(language, checkpoints);
            }
        }
    }
}
