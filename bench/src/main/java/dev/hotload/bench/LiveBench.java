package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Live update against a plain reload of the same change: a running program whose loop calls a function every
 * millisecond, and prints {@code Result: n} when its answer changes; each save changes the function's answer.
 * In place (Java and Groovy: the class redefined; Python: the function patched), the running loop prints it on
 * its next call; with {@code --restart}, the program runs again from the start and prints it from a new loop.
 */
final class LiveBench {

    /** @param inPlace save to new output with updates in place; {@code restarted}, with {@code --restart} */
    record Result(Language language, Latencies inPlace, Latencies restarted) {
    }

    /**
     * Between saves, beside the random moment: hotload awaits a restarted program that runs on for half a second
     * (to tell whether it ends) before it takes the next save, and a person's edits are further apart than that.
     */
    private static final Duration PAUSE = Duration.ofMillis(600);

    private final MeasuredHotload hotload;
    private final int saves;

    LiveBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    Result measure(Language language) throws Exception {
        return new Result(language, session(language, false), session(language, true));
    }

    private Latencies session(Language language, boolean restart) throws Exception {
        try (Workspace workspace = new Workspace()) {
            IntFunction<String> program = program(language, restart);
            Path entry = language.entryIn(workspace.dir);
            Files.writeString(entry, program.apply(0));
            List<String> arguments = new ArrayList<>(restart ? List.of("--restart") : List.of());
            arguments.add(language.entry());
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, arguments)) {
                running.await("Result: 0");
                return new Saves(running, entry, program, 0).timed(NewlineBench.WARM_UP, saves, PAUSE);
            }
        }
    }

    /**
     * @param restart whether the program is written for plain reloads: a Python plug-in then registers its listener
     *     again on every run (the idiom before live update), since the old one would never change
     */
    private static IntFunction<String> program(Language language, boolean restart) {
        return switch (language) {
            case JAVA -> n -> """
                    public class Lib {
                        public static void main(String[] args) throws InterruptedException {
                            int last = -1;
                            while (true) {
                                int answer = answer();
                                if (answer != last) {
                                    System.out.println("Result: " + answer);
                                    last = answer;
                                }
                                Thread.sleep(1);
                            }
                        }

                        static int answer() {
                            return %d;
                        }
                    }
                    """.formatted(n);
            case GROOVY -> n -> """
                    class Answer {
                        static int get() {
                            %d
                        }
                    }

                    int last = -1
                    while (true) {
                        int answer = Answer.get()
                        if (answer != last) {
                            println "Result: $answer"
                            last = answer
                        }
                        Thread.sleep(1)
                    }
                    """.formatted(n);
            case PYTHON -> n -> """
                    import threading
                    import time

                    def answer():
                        return %d

                    try:
                        listeners
                    except NameError:
                        listeners = []

                        def tick():
                            last = None
                            while True:
                                for listener in list(listeners):
                                    value = listener()
                                    if value != last:
                                        print("Result: %%d" %% value)
                                        last = value
                                time.sleep(0.001)

                        ticker = threading.Thread(target=tick)
                        ticker.daemon = True
                        ticker.start()

                    %s
                    """.formatted(n, restart ? "listeners[:] = [answer]" : "if not listeners:\n    listeners.append(answer)");
        };
    }
}
