package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import dev.hotload.testsupport.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One leaf edited in a Java program of 502 classes (Main calls Registry, which calls User0..249, each calling
 * its Leaf): the save's latency, and the program's classes alive after a full GC as reloads add up.
 */
final class JavaTreeBench {

    static final int USERS = 250;

    /** @param reloads when {@code classes} was counted */
    record Result(Latencies saves, int reloads, long classes, int moreReloads, long classesAfterMore) {
    }

    private final MeasuredHotload hotload;
    private final int saves;

    JavaTreeBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    /** @param java Java with one of its compilers */
    Result measure(Contender java) throws Exception {
        try (Workspace workspace = new Workspace()) {
            Path dir = workspace.dir;
            StringBuilder registry = new StringBuilder("class Registry {\n    static int total() {\n        int total = 0;\n");
            for (int i = 0; i < USERS; i++) {
                Files.writeString(dir.resolve("Leaf" + i + ".java"), leaf(i, i));
                Files.writeString(dir.resolve("User" + i + ".java"),
                        "class User" + i + " {\n    static int use() {\n        return Leaf" + i + ".value();\n    }\n}\n");
                registry.append("        total += User").append(i).append(".use();\n");
            }
            Files.writeString(dir.resolve("Registry.java"), registry.append("        return total;\n    }\n}\n").toString());
            Files.writeString(dir.resolve("Main.java"), "public class Main {\n    public static void main(String[] args) {\n"
                    + "        Registry.total();\n        System.out.println(\"Result: \" + User0.use());\n    }\n}\n");
            try (MeasuredHotload.Running running = hotload.start(dir, java.arguments(List.of("Main.java")))) {
                running.await("Result: 0");
                IntFunction<String> leaf0 = n -> leaf(0, n);
                Saves session = new Saves(running, dir.resolve("Leaf0.java"), leaf0, 0);
                Latencies latencies = session.timed(15, saves);
                int reloads = session.count();
                long classes = Probes.liveClasses(running.pid(), Language.JAVA.programLoader());
                int more = 100;
                session.burst(more);
                return new Result(latencies, reloads, classes, more, Probes.liveClasses(running.pid(), Language.JAVA.programLoader()));
            }
        }
    }

    private static String leaf(int i, int value) {
        return "class Leaf" + i + " {\n    static int value() {\n        return " + value + ";\n    }\n}\n";
    }
}
