package dev.hotload.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times from a save to the new output line, in milliseconds.
 *
 * @param millis one per measured save
 */
record Latencies(List<Double> millis) {

    Latencies {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        millis = List.copyOf(sorted);
    }

    double median() {
        return percentile(50);
    }

    double p90() {
        return percentile(90);
    }

    double max() {
        return millis.get(millis.size() - 1);
    }

    private double percentile(int p) {
        int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
        return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
    }
}
