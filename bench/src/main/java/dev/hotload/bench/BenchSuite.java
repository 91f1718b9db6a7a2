package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * hotload's figures, measured the way a user meets them: {@code bin/hotload} runs as a separate process, the
 * suite saves the entry file and times the new line on its standard output; then JMH measures the parts that
 * run in process. Prints Markdown tables for the README, and writes {@code bench/figures.svg}.
 *
 * <p>Run from the repository root with {@code bench/run [saves] [idle-seconds] [parts]}: parts is a
 * comma-separated choice of python, java, groovy, newline, live, original, soak, tree, poll, first, jmh (all
 * by default).
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> parts = List.of((args.length > 2 ? args[2]
                : "python,java,groovy,newline,live,original,maven,tests,soak,tree,poll,first,jmh").split(","));
        MeasuredHotload hotload = new MeasuredHotload(Path.of("").toAbsolutePath());
        String machine = machine();
        System.out.println("hotload benchmark on " + machine);
        System.out.println();

        List<LanguageBench.Result> results = new ArrayList<>();
        LanguageBench languages = new LanguageBench(hotload, saves, idleSeconds);
        for (Language language : Language.values()) {
            if (parts.contains(language.name().toLowerCase(Locale.ROOT))) {
                for (Contender contender : Contender.of(language)) {
                    results.add(languages.measure(contender));
                }
            }
        }
        if (!results.isEmpty()) {
            printLanguages(results);
            Path chart = hotload.home().resolve("bench/figures.svg");
            Files.writeString(chart, Chart.svg(results, machine));
            System.out.println("Chart: " + hotload.home().relativize(chart));
            System.out.println();
        }
        if (parts.contains("newline")) {
            NewlineBench newline = new NewlineBench(hotload, saves);
            List<NewlineBench.Result> rows = new ArrayList<>();
            for (Language language : Language.values()) {
                rows.add(newline.measure(language));
            }
            printNewline(rows);
        }
        if (parts.contains("live")) {
            LiveBench live = new LiveBench(hotload, saves);
            List<LiveBench.Result> rows = new ArrayList<>();
            for (Language language : Language.values()) {
                rows.add(live.measure(language));
            }
            printLive(rows);
        }
        if (parts.contains("original")) {
            printOriginal(new OriginalBench(hotload, saves).measure(), saves);
        }
        if (parts.contains("maven")) {
            MavenBench.Result maven = new MavenBench(hotload, saves).measure();
            System.out.printf(Locale.ROOT, "mvn hotload:run in examples/maven, a save of core's Greeting.java to app's new"
                            + " output: median %.1f ms, p90 %.1f ms, max %.1f ms (%d saves). The same edit, then mvn -q compile"
                            + " exec:java run again: median %.0f ms, max %.0f ms (%d runs): %.0fx slower.%n%n",
                    maven.hotload().median(), maven.hotload().p90(), maven.hotload().max(), maven.hotload().millis().size(),
                    maven.execJava().median(), maven.execJava().max(), maven.execJava().millis().size(),
                    maven.execJava().median() / maven.hotload().median());
        }
        if (parts.contains("tests")) {
            TestsBench.Result tests = new TestsBench(hotload, saves).measure();
            System.out.printf(Locale.ROOT, "hotload --test in examples/tests, a save of Greeting.java to the summary of the one"
                            + " test class that uses it: median %.1f ms, p90 %.1f ms, max %.1f ms (%d saves). The whole suite"
                            + " in the same JVM (--test-all): median %.0f ms (%d saves). mvn -q test -Dtest=GreetingTest: median"
                            + " %.0f ms, max %.0f ms (%d runs): %.0fx slower.%n%n",
                    tests.affected().median(), tests.affected().p90(), tests.affected().max(), tests.affected().millis().size(),
                    tests.wholeSuite().median(), tests.wholeSuite().millis().size(),
                    tests.maven().median(), tests.maven().max(), tests.maven().millis().size(),
                    tests.maven().median() / tests.affected().median());
        }
        if (parts.contains("soak")) {
            SoakBench soak = new SoakBench(hotload);
            List<SoakBench.Result> rows = new ArrayList<>();
            for (Language language : Language.values()) {
                rows.add(soak.measure(language));
            }
            printSoak(rows);
        }
        if (parts.contains("tree")) {
            for (Contender java : Contender.of(Language.JAVA)) {
                JavaTreeBench.Result tree = new JavaTreeBench(hotload, saves).measure(java);
                System.out.printf(Locale.ROOT, "%s, one leaf edited in a tree of %d classes: save to new output median %.1f ms,"
                                + " p90 %.1f ms, max %.1f ms. Program classes alive after a full GC: %d after %d reloads,"
                                + " %d after %d reloads.%n%n", java.title(), 2 * JavaTreeBench.USERS + 2, tree.saves().median(),
                        tree.saves().p90(), tree.saves().max(), tree.classes(), tree.reloads(), tree.classesAfterMore(),
                        tree.reloads() + tree.moreReloads());
            }
        }
        if (parts.contains("poll")) {
            PollingBench.Result polling = new PollingBench(hotload, idleSeconds).measure();
            System.out.printf(Locale.ROOT, "Forced to poll (--poll): idle CPU %.2f %% of a core with 1 file.", polling.idlePercent());
            for (PollingBench.Tree tree : polling.trees()) {
                System.out.printf(Locale.ROOT, " With %,d files, %.2f %% of a core, and a save of the entry shows in %.0f ms"
                                + " (median of %d, max %.0f ms).", tree.files(), tree.idlePercent(), tree.saves().median(),
                        tree.saves().millis().size(), tree.saves().max());
            }
            System.out.printf("%n%n");
        }
        if (parts.contains("first")) {
            // Each start takes a second or two, each is made twice (logged, timed), per launch and example: at most 9.
            printFirstOutput(new FirstOutputBench(hotload, Math.min(saves, 9)).measure(FirstOutputBench.variants()));
        }
        if (parts.contains("jmh")) {
            Path log = hotload.home().resolve("bench/target/jmh.log");
            System.out.println("In process (JMH, one fork, 5 x 1 s after 5 x 2 s of warm-up; its report: "
                    + hotload.home().relativize(log) + "):");
            System.out.println();
            System.out.println(Microbenchmarks.table(new Microbenchmarks(log).run()));
        }
    }

    private static void printLanguages(List<LanguageBench.Result> results) {
        System.out.println("| language | cold start without hotload | hotload first output | first " + LanguageBench.FIRST_SAVES
                + " saves after start: median | save to new output: median | p90 | max | reload vs cold start"
                + " | idle CPU, waiting |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (LanguageBench.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0fx faster | %.2f %% of a core |%n",
                    r.contender().title(), r.coldMillis(), r.firstOutputMillis(), r.firstSaves().median(), r.saves().median(),
                    r.saves().p90(), r.saves().max(), r.speedUp(), r.idlePercent());
        }
        System.out.printf(Locale.ROOT, "(The first save %d s after the first output, while the compiler's warm-up may still"
                + " run; the others after %d more saves.)%n", LanguageBench.FIRST_SAVE.toSeconds(), 15 - LanguageBench.FIRST_SAVES);
        System.out.println();
        System.out.printf(Locale.ROOT, "With %,d more files watched (--watch data, 100 folders of 100):%n%n", LanguageBench.BIG_TREE);
        System.out.println("| language | save to new output: median | p90 | max | idle CPU, waiting |");
        System.out.println("|---|---|---|---|---|");
        for (LanguageBench.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.2f %% of a core |%n", r.contender().title(),
                    r.bigTreeSaves().median(), r.bigTreeSaves().p90(), r.bigTreeSaves().max(), r.bigTreeIdlePercent());
        }
        System.out.println();
    }

    private static void printFirstOutput(List<FirstOutputBench.Result> results) {
        System.out.println("First output: from starting bin/hotload on an example to its first line, and where the time goes"
                + " (medians; the phases from starts that log class loading, the first output from starts that do not):");
        System.out.println();
        System.out.println("| language | launch | JVM start | hotload start | runtime init | first compile | first run"
                + " | classes loaded (from class data) | first output |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (FirstOutputBench.Result r : results) {
            FirstOutputBench.Phases p = r.phases();
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms | %s | %.0f ms | %.0f ms | %,d (%,d) | %.0f ms |%n",
                    r.example().title, r.variant().name(), p.jvmStart(), p.hotloadStart(),
                    Double.isNaN(p.runtimeInit()) ? "–" : String.format(Locale.ROOT, "%.0f ms", p.runtimeInit()),
                    p.firstCompile(), p.firstRun(), p.classes(), p.archived(), r.firstOutput());
        }
        System.out.println();
    }

    private static void printSoak(List<SoakBench.Result> rows) {
        System.out.println("A long session, each save made as soon as the last one's output shows: what one hotload holds"
                + " after so many saves (program classes alive and heap in use after a full GC; resident memory; threads):");
        System.out.println();
        System.out.println("| language | saves | program classes | heap in use | resident memory | threads |");
        System.out.println("|---|---|---|---|---|---|");
        for (SoakBench.Result row : rows) {
            for (SoakBench.Checkpoint c : row.checkpoints()) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %d | %.1f MB | %.0f MB | %d |%n", row.language().title(), c.saves(),
                        c.programClasses(), c.heapKb() / 1024.0, c.residentKb() / 1024.0, c.threads());
            }
        }
        System.out.println();
    }

    private static void printOriginal(List<OriginalBench.Side> sides, int saves) {
        System.out.printf(Locale.ROOT, "Python saves, taking turns with the same saves into the original hotload's design"
                + " on CPython (bench/baseline/original_design.py); the first 5 saves after start, then %d after 10 more:%n",
                saves);
        System.out.println();
        System.out.println("| what | first 5 saves: median | max | then: median | p90 | max |");
        System.out.println("|---|---|---|---|---|---|");
        for (OriginalBench.Side side : sides) {
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", side.name(),
                    side.first().median(), side.first().max(), side.steady().median(), side.steady().p90(),
                    side.steady().max());
        }
        System.out.println();
    }

    private static void printLive(List<LiveBench.Result> rows) {
        System.out.println("Live update: a running loop calls a function every millisecond; each save changes its answer."
                + " Save to the new answer printed, updated in place (Java, Groovy: redefined; Python: patched), against"
                + " a plain reload of the same change (--restart: the program runs again, a Python plug-in registering"
                + " its listener again):");
        System.out.println();
        System.out.println("| language | in place: median | p90 | max | plain reload: median | p90 | max |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (LiveBench.Result r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    r.language().title(), r.inPlace().median(), r.inPlace().p90(), r.inPlace().max(),
                    r.restarted().median(), r.restarted().p90(), r.restarted().max());
        }
        System.out.println();
    }

    private static void printNewline(List<NewlineBench.Result> rows) {
        System.out.printf(Locale.ROOT, "A save of a file without a final newline, against the same save with one (%d of each,"
                + " alternating in one hotload):%n", rows.get(0).withNewline().millis().size());
        System.out.println();
        System.out.println("| language | with a final newline: median | p90 | without: median | p90 | difference of medians |");
        System.out.println("|---|---|---|---|---|---|");
        for (NewlineBench.Result r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %+.1f ms |%n", r.language().title(),
                    r.withNewline().median(), r.withNewline().p90(), r.withoutNewline().median(), r.withoutNewline().p90(),
                    r.difference());
        }
        System.out.println();
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 2).trim()).orElse("unknown CPU");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GB, Java %s, %s %s", Runtime.getRuntime().availableProcessors(),
                cpu, memoryKb / 1024.0 / 1024.0, Runtime.version(), System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
