package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracebacksTest {

    @Test
    void aFrameRepeatedByRecursionIsShownThreeTimesThenCounted() {
        String frame = "  File \"lib.py\", line 1, in f\n    def f(): return f()\n";
        String traceback = "Traceback (most recent call last):\n  File \"lib.py\", line 2, in <module>\n    f()\n"
                + frame.repeat(1000) + "RuntimeError: maximum recursion depth exceeded\n";

        assertThat(Tracebacks.collapse(traceback)).isEqualTo("Traceback (most recent call last):\n"
                + "  File \"lib.py\", line 2, in <module>\n    f()\n" + frame.repeat(3)
                + "  [Previous line repeated 997 more times]\nRuntimeError: maximum recursion depth exceeded\n");
    }

    @Test
    void aTracebackWithoutRepeatsIsUnchanged() {
        String traceback = "Traceback (most recent call last):\n  File \"lib.py\", line 3, in <module>\n    f()\n"
                + "  File \"lib.py\", line 2, in f\n    return missing\nNameError: global name 'missing' is not defined\n";

        assertThat(Tracebacks.collapse(traceback)).isEqualTo(traceback);
    }

    @Test
    void theJavaFramesOfAJavaExceptionEndWhereHotloadsBegin() {
        String traceback = "Traceback (most recent call last):\n  File \"imp.py\", line 1, in <module>\n    import big\n"
                + "\tat org.python.core.imp.importOne(imp.java:1563)\n"
                + "\tat dev.hotload.python.ModuleReloader.run(ModuleReloader.java:58)\n"
                + "\tat dev.hotload.run.EntryRun.run(EntryRun.java:117)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
                + "java.lang.RuntimeException: boom\n";

        assertThat(Tracebacks.collapse(traceback)).isEqualTo("Traceback (most recent call last):\n"
                + "  File \"imp.py\", line 1, in <module>\n    import big\n"
                + "\tat org.python.core.imp.importOne(imp.java:1563)\n"
                + "\t... 3 frames of hotload and the JVM\n"
                + "java.lang.RuntimeException: boom\n");
    }
}
