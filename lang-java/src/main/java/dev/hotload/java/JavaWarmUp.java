package dev.hotload.java;

import dev.hotload.compiled.CompilerWarmUp;
import dev.hotload.compiled.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java compiler's warm-up: a small program compiled over and over. Until the JIT has compiled the compiler's own
 * code a small class takes javac 20–40 ms to compile here, and about 12 after a hundred compiles; ECJ takes 15 ms
 * for its first twenty or so, 4 after a hundred compiles and under 3 after two hundred (about 2.5 s in all, on
 * a core of its own).
 */
final class JavaWarmUp {

    private static final SourceText PROGRAM = new SourceText(Path.of("/hotload-warm-up/WarmUp.java"), """
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
            """);

    private JavaWarmUp() {
    }

    /** @return the warm-up of {@code kind}: as many rounds as its compiles take to reach their steady time */
    static CompilerWarmUp.Plan plan(JavaCompilerKind kind) {
        int rounds = switch (kind) {
            case JAVAC -> 150;
            case ECJ -> 200;
        };
        return new CompilerWarmUp.Plan(rounds, () -> rounds(kind));
    }

    private static CompilerWarmUp.Rounds rounds(JavaCompilerKind kind) throws Exception {
        JavaToolsCompiler compiler = JavaToolsCompiler.start(kind, List.of());
        return new CompilerWarmUp.Rounds() {
            @Override
            public boolean run(int round) {
                return compiler.compile(List.of(PROGRAM), Map.of(), Set.of()).isOk();
            }

            @Override
            public void close() {
                compiler.close();
            }
        };
    }
}
