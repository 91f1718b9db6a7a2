package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A save of a file that does not end with a newline, against the same save of one that does. Both kinds come
 * in one hotload session, one after the other, so that whatever else the machine does falls on both alike.
 */
final class NewlineBench {

    /** Saves before the measured ones; odd, so that the measured ones start with a final newline. */
    static final int WARM_UP = 15;

    /** @param withNewline the saves of the program as it is; {@code withoutNewline}, with its last newline removed */
    record Result(Language language, Latencies withNewline, Latencies withoutNewline) {

        /** @return how much later a save without a final newline shows, by the medians, in ms */
        double difference() {
            return withoutNewline.median() - withNewline.median();
        }
    }

    private final MeasuredHotload hotload;
    private final int saves;

    /** @param saves measured saves of each kind */
    NewlineBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    Result measure(Language language) throws Exception {
        try (Workspace workspace = new Workspace()) {
            Path entry = language.entryIn(workspace.dir);
            Files.writeString(entry, language.program(0));
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, List.of(language.entry()))) {
                running.await("Result: 0");
                Saves session = new Saves(running, entry,
                        n -> lacksNewline(n) ? withoutFinalNewline(language.program(n)) : language.program(n), 0);
                List<Double> with = new ArrayList<>();
                List<Double> without = new ArrayList<>();
                for (int i = 0; i < WARM_UP + 2 * saves; i++) {
                    double millis = session.atRandomMoment();
                    if (i >= WARM_UP) {
                        (lacksNewline(session.count()) ? without : with).add(millis);
                    }
                }
                return new Result(language, new Latencies(with), new Latencies(without));
            }
        }
    }

    /** Odd saves lack the final newline; even ones, the first run's included, have it. */
    private static boolean lacksNewline(int save) {
        return save % 2 == 1;
    }

    private static String withoutFinalNewline(String program) {
        return program.substring(0, program.length() - 1);
    }
}
