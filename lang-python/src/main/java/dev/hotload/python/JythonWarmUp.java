package dev.hotload.python;

import dev.hotload.compiled.CompilerWarmUp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PySystemState;

/**
 * Jython's compiler warmed up: a small module compiled over and over, never run. Until the JIT has compiled
 * Jython's parser and code generator (fifty compiles or so) a one-line module takes 2–5 ms to compile here,
 * after that under one.
 */
final class JythonWarmUp {

    private static final int ROUNDS = 150;

    /** The syntax most modules have: imports, functions, a class, loops, comprehensions, formatting, exceptions. */
    private static final byte[] MODULE = """
            import os
            from collections import namedtuple

            Point = namedtuple('Point', 'x y')

            class Shape(object):
                def __init__(self, points):
                    self.points = list(points)

                def area(self):
                    total = 0
                    for a, b in zip(self.points, self.points[1:] + self.points[:1]):
                        total += a.x * b.y - b.x * a.y
                    return abs(total) / 2.0

            def describe(shape, name='shape'):
                try:
                    return '%s: %d points, area %.1f' % (name, len(shape.points), shape.area())
                except ZeroDivisionError as error:
                    return str(error)

            squares = [Point(i, i * i) for i in range(4) if i % 2 == 0]
            lookup = dict((p.x, p) for p in squares)
            print(describe(Shape(squares), name=os.path.basename('warm-up.py')), sorted(lookup, key=lambda k: -k))
            """.getBytes(StandardCharsets.UTF_8);

    private JythonWarmUp() {
    }

    /** @param sys the session's interpreter state, which the warm-up's thread compiles in */
    static CompilerWarmUp.Plan plan(PySystemState sys) {
        return new CompilerWarmUp.Plan(ROUNDS, () -> {
            Py.setSystemState(sys);
            return rounds();
        });
    }

    private static CompilerWarmUp.Rounds rounds() {
        return new CompilerWarmUp.Rounds() {
            @Override
            public boolean run(int round) {
                Py.compile_flags(new ByteArrayInputStream(MODULE), "<hotload warm-up>", CompileMode.exec,
                        new CompilerFlags());
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
