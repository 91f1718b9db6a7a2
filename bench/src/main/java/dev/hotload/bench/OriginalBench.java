package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Python saves into hotload beside the same saves into the original hotload's design on CPython
 * ({@code bench/baseline/original_design.py}: polling every 1/144 s, {@code importlib.reload}), in one run: the
 * two take turns, save by save, so that the machine's moments of load fall on both. The first five saves after
 * start are told apart from the rest, as {@link LanguageBench} tells them: hotload's compiler is still cold then.
 */
final class OriginalBench {

    /** Saves before the steady ones, the first {@link LanguageBench#FIRST_SAVES} of them counted apart. */
    private static final int WARM_UP = 15;

    /** One side's figures. */
    record Side(String name, Latencies first, Latencies steady) {
    }

    private final MeasuredHotload hotload;
    private final int saves;

    OriginalBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    /** @return hotload's figures and the original design's; the latter only where python3 is on the path */
    List<Side> measure() throws Exception {
        Language python = Language.PYTHON;
        try (Workspace ours = new Workspace(); Workspace theirs = new Workspace()) {
            Path entry = python.entryIn(ours.dir);
            Path original = python.entryIn(theirs.dir);
            Files.writeString(entry, python.program(0));
            Files.writeString(original, python.program(0));
            Path design = hotload.home().resolve("bench/baseline/original_design.py");
            try (MeasuredHotload.Running running = hotload.start(ours.dir, List.of(entry.getFileName().toString()));
                    MeasuredHotload.Running baseline = MeasuredHotload.startCommand(theirs.dir,
                            List.of("python3", design.toString(), original.getFileName().toString()))) {
                running.await("Result: 0");
                baseline.await("Result: 0");
                Saves toHotload = new Saves(running, entry, python::program, 0);
                Saves toOriginal = new Saves(baseline, original, python::program, 0);
                List<List<Double>> hotloadTimes = List.of(new ArrayList<>(), new ArrayList<>());
                List<List<Double>> originalTimes = List.of(new ArrayList<>(), new ArrayList<>());
                for (int i = 0; i < WARM_UP + saves; i++) {
                    double ourTime = toHotload.atRandomMoment();
                    double theirTime = toOriginal.atRandomMoment();
                    if (i < LanguageBench.FIRST_SAVES) {
                        hotloadTimes.get(0).add(ourTime);
                        originalTimes.get(0).add(theirTime);
                    } else if (i >= WARM_UP) {
                        hotloadTimes.get(1).add(ourTime);
                        originalTimes.get(1).add(theirTime);
                    }
                }
                return List.of(
                        new Side(python.title() + ", hotload", new Latencies(hotloadTimes.get(0)), new Latencies(hotloadTimes.get(1))),
                        new Side("CPython " + pythonVersion() + ", the original's design", new Latencies(originalTimes.get(0)),
                                new Latencies(originalTimes.get(1))));
            }
        }
    }

    private static String pythonVersion() throws Exception {
        Process process = new ProcessBuilder("python3", "-c", "import platform; print(platform.python_version())").start();
        String version = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return version;
    }
}
