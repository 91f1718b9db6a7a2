package dev.hotload.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH part of the suite: {@link ScanBenchmark} and {@link ReloadBenchmark}, each in a JVM of its own. */
final class Microbenchmarks {

    /** One benchmark's figures. */
    record Row(String name, String parameter, double score, double error, String unit, double bytesPerOp) {
    }

    private final Path log;

    /** @param log where JMH's own report goes */
    Microbenchmarks(Path log) {
        this.log = log;
    }

    List<Row> run() throws Exception {
        Options options = new OptionsBuilder()
                .include(ScanBenchmark.class.getSimpleName())
                .include(ReloadBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                // As bin/hotload runs: the serial collector, the client compiler only.
                .jvmArgs("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m")
                .addProfiler(GCProfiler.class)
                .output(log.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
            String name = result.getParams().getBenchmark();
            String parameter = String.join(", ", result.getParams().getParamsKeys().stream()
                    .map(key -> result.getParams().getParam(key)).toList());
            rows.add(new Row(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), parameter,
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                    allocated == null ? Double.NaN : allocated.getScore()));
        }
        return rows;
    }

    /** @return the rows as a Markdown table */
    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| benchmark | parameter | time | allocated per call |\n|---|---|---|---|\n");
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.3g ± %.2g %s | %s |%n", row.name(), row.parameter(),
                    row.score(), row.error(), row.unit(), kilobytes(row.bytesPerOp())));
        }
        return table.toString();
    }

    private static String kilobytes(double bytes) {
        return Double.isNaN(bytes) ? "?" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
    }
}
