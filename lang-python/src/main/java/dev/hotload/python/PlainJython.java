package dev.hotload.python;

import org.python.util.jython;

/**
 * What {@code bin/jython} runs: Jython's own command line, with jffi's native library kept out of the shared
 * temporary folder as under {@code bin/hotload} ({@link NativeFolder}).
 */
public final class PlainJython {

    private PlainJython() {
    }

    public static void main(String[] args) {
        NativeFolder.choose(System.getenv());
        jython.main(args);
    }
}
