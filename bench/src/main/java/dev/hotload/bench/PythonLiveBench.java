package dev.hotload.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Python's live update: the time from a save to the new code running, patched in place, against a plain reload
 * ({@code --restart}) of the same change. The program keeps its {@code handler} with the NameError idiom, and a
 * thread of its first run calls the kept one every millisecond and prints what it returns when that changes:
 * patched, the new {@code Result: n} comes from that thread. Under {@code --restart} the kept handler never
 * changes, so the new {@code Result: n} is the re-run's own top level calling the new one: a plain reload's
 * figure for the same save.
 */
final class PythonLiveBench {

    /** Medians and tails of each way, over the same number of saves. */
    record Result(Latencies patched, Latencies reloaded) {
    }

    private final MeasuredHotload hotload;
    private final int saves;

    PythonLiveBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    Result measure() throws Exception {
        Latencies patched = session(List.of("app.py"), "Run");
        Latencies reloaded = session(List.of("--restart", "app.py"), "Result");
        return new Result(patched, reloaded);
    }

    /** @param topLevel what the module's top level prints before the number: the measured line only under --restart */
    private Latencies session(List<String> arguments, String topLevel) throws Exception {
        try (Workspace workspace = new Workspace()) {
            Path entry = workspace.dir.resolve("app.py");
            Files.writeString(entry, program(0, topLevel));
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, arguments)) {
                running.await("Result: 0");
                return new Saves(running, entry, n -> program(n, topLevel), 0).timed(15, saves);
            }
        }
    }

    private static String program(int n, String topLevel) {
        return """
                import sys, threading, time

                def handler():
                    return %d

                try:
                    kept
                except NameError:
                    kept = handler
                    def watch():
                        last = None
                        while True:
                            now = kept()
                            if now != last:
                                sys.stdout.write("Result: %%d\\n" %% now)
                                sys.stdout.flush()
                                last = now
                            time.sleep(0.001)
                    watcher = threading.Thread(target=watch, name="watcher")
                    watcher.daemon = True
                    watcher.start()

                print("%s: %%d" %% handler())
                """.formatted(n, topLevel);
    }
}
