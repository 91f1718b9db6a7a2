package dev.hotload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's log of the classes it loaded, written with {@code -Xlog:class+load:file=...:timenanos}: each line
 * {@code [30402979080563ns] java.io.Serializable source: shared objects file}, the time on {@link System#nanoTime()}'s
 * clock.
 *
 * @param loads the classes loaded before the first output, in order
 */
record ClassLoadLog(List<Load> loads) {

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ns\\] (\\S+) source: (.*)$");

    /** One class loaded: when, and whether from the class-data archive or AOT cache. */
    record Load(long nanos, String className, boolean archived) {
    }

    /** @return the classes {@code log} names as loaded before {@code until} */
    static ClassLoadLog read(Path log, long until) throws IOException {
        List<Load> loads = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && Long.parseLong(m.group(1)) <= until) {
                loads.add(new Load(Long.parseLong(m.group(1)), m.group(2), m.group(3).contains("shared objects file")));
            }
        }
        return new ClassLoadLog(loads);
    }

    /** @return where the time from {@code started} to {@code output} went, each phase ending where the next begins */
    FirstOutputBench.Phases phases(FirstOutputBench.Example example, long started, long output) {
        long main = first(name -> name.equals("dev.hotload.cli.Main"));
        long runtime = first(name -> name.equals(example.runtime));
        long compile = example.compiler == null ? runtime : first(name -> name.equals(example.compiler));
        long program = first(example::isProgram);
        return new FirstOutputBench.Phases(millis(started, main), millis(main, runtime),
                example.compiler == null ? Double.NaN : millis(runtime, compile), millis(compile, program),
                millis(program, output), loads.size(), (int) loads.stream().filter(Load::archived).count());
    }

    private long first(Predicate<String> className) {
        Optional<Load> load = loads.stream().filter(l -> className.test(l.className())).findFirst();
        return load.orElseThrow(() -> new IllegalStateException("no class of the phase loaded before the first output"))
                .nanos();
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
