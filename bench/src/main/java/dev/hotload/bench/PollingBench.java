package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the original's design costs: a waiting hotload forced to poll ({@code --poll}), with 1 and many files. */
final class PollingBench {

    /** @param saves of the big tree; a scan's pace sets them, so a few are enough */
    record Result(double idlePercent, double bigTreeIdlePercent, Latencies bigTreeSaves) {
    }

    private final MeasuredHotload hotload;
    private final int idleSeconds;

    PollingBench(MeasuredHotload hotload, int idleSeconds) {
        this.hotload = hotload;
        this.idleSeconds = idleSeconds;
    }

    Result measure() throws Exception {
        double small = idle(0, 0).idle();
        Run big = idle(LanguageBench.BIG_TREE, 5);
        return new Result(small, big.idle(), big.saves());
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
