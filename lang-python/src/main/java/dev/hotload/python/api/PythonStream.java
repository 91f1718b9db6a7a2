package dev.hotload.python.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.python.core.Py;
import org.python.core.PyObject;

/**
 * A Python file object ({@code sys.stderr} of some interpreter) as a Java stream, so that hotload's status
 * lines go where that interpreter's output goes: an embedding host's stream, not necessarily System.err.
 */
final class PythonStream extends OutputStream {

    private final PyObject file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private PythonStream(PyObject file) {
        this.file = file;
    }

    /** @return a print stream that writes each line to {@code file} */
    static PrintStream of(PyObject file) {
        return new PrintStream(new PythonStream(file), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() {
        if (pending.size() > 0) {
            file.invoke("write", Py.newUnicode(pending.toString(StandardCharsets.UTF_8)));
            pending.reset();
        }
        file.invoke("flush");
    }
}
