package dev.hotload.java;

import dev.hotload.spi.LaunchException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Compiles a small program over and over on a background thread once hotload has started, so that the JIT has
 * compiled javac's own hot code before the user's first saves. javac's methods run a few times per compile,
 * and only after a hundred compiles or so are they all compiled: until then a small class takes 20–25 ms to
 * compile here, after that about 12.
 */
final class CompilerWarmUp {

    private static final int COMPILES = 150;
    private static final String PROGRAM = """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Function;

            public class WarmUp {
                record Point(int x, int y) { }

                public static void main(String[] args) {
                    List<Point> points = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        points.add(new Point(i, i * i));
                    }
                    Function<Point, String> show = p -> "(" + p.x() + ", " + p.y() + ")";
                    System.out.println("points: " + points.stream().map(show).toList() + ", first " + points.get(0));
                }
            }
            """;

    private final Thread thread;
    private volatile boolean stopped;

    private CompilerWarmUp() {
        thread = new Thread(this::run, "hotload-compiler-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** @return a warm-up, started */
    static CompilerWarmUp start() {
        CompilerWarmUp warmUp = new CompilerWarmUp();
        warmUp.thread.start();
        return warmUp;
    }

    /** Ends the warm-up after the compile in progress. */
    void stop() {
        stopped = true;
    }

    private void run() {
        // A compiler of its own: javac and its file managers are not made to be shared between threads.
        WarmCompiler compiler;
        try {
            compiler = WarmCompiler.start(List.of());
        } catch (LaunchException noCompiler) {
            return;
        }
        try {
            List<SourceFile> source = List.of(SourceFile.of(Path.of("WarmUp.java"), PROGRAM));
            for (int i = 0; i < COMPILES && !stopped; i++) {
                compiler.compile(source, Map.of());
            }
        } finally {
            compiler.close();
        }
    }
}
