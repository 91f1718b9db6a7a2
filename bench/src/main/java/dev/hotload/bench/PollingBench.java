package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the original's design costs: a waiting hotload forced to poll ({@code --poll}), with 1 file, and with the
 * entry beside a big tree of {@link #TREES} files.
 */
final class PollingBench {

    /** The big trees measured: the README's, and one of 50,000 files, which polling users meet in monorepos. */
    static final List<Integer> TREES = List.of(LanguageBench.BIG_TREE, 50_000);

    /** @param idlePercent with 1 file; @param trees per size of {@link #TREES}, the same figures */
    record Result(double idlePercent, List<Tree> trees) {
    }

    /** @param saves of the entry beside the tree; the pace of the scans sets them, so a few are enough */
    record Tree(int files, double idlePercent, Latencies saves) {
    }

    private final MeasuredHotload hotload;
    private final int idleSeconds;

    PollingBench(MeasuredHotload hotload, int idleSeconds) {
        this.hotload = hotload;
        this.idleSeconds = idleSeconds;
    }

    Result measure() throws Exception {
        double small = idle(0, 0).idle();
        List<Tree> trees = new ArrayList<>();
        for (int files : TREES) {
            Run big = idle(files, 5);
            trees.add(new Tree(files, big.idle(), big.saves()));
        }
        return new Result(small, trees);
    }

    private record Run(double idle, Latencies saves) {
    }

    private Run idle(int dataFiles, int saves) throws Exception {
        try (Workspace workspace = new Workspace()) {
            Language python = Language.PYTHON;
            Path entry = python.entryIn(workspace.dir);
            Files.writeString(entry, python.program(0));
            List<String> arguments = new ArrayList<>(List.of("--poll"));
            if (dataFiles > 0) {
                workspace.dataTree("data", dataFiles);
                arguments.addAll(List.of("--watch", "data", "--ext", ".txt"));
            }
            arguments.add(entry.getFileName().toString());
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, arguments)) {
                running.await("Result: 0");
                Latencies latencies = saves == 0 ? null : new Saves(running, entry, python::program, 0).timed(1, saves);
                Thread.sleep(3000);
                return new Run(IdleCpu.percent(running.pid(), idleSeconds), latencies);
            }
        }
    }
}
