package dev.hotload.python;

import dev.hotload.run.StandardStreams;
import org.python.util.jython;

/**
 * What {@code bin/jython} runs: Jython's own command line, with jffi's native library kept out of the shared
 * temporary folder as under {@code bin/hotload} ({@link NativeFolder}), and the process's standard streams
 * hotload's, as {@code bin/hotload} has them ({@link StandardStreams#install()}): installed before Jython makes its
 * {@code sys.stdout} over {@code System.out}, so that a prompt of the Python API ({@code repl=True}) can show what
 * the program and the loop print above the line being typed.
 */
public final class PlainJython {

    private PlainJython() {
    }

    public static void main(String[] args) {
        NativeFolder.choose(System.getenv());
        StandardStreams.install();
        jython.main(args);
    }
}
