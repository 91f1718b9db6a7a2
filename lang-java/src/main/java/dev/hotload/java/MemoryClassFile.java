package dev.hotload.java;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.Consumer;
import javax.tools.SimpleJavaFileObject;

/**
 * A class file that lives in memory: one javac writes (output), or one compiled earlier that javac reads
 * (input). Nothing of the program is written to disk, so no other user can read or replace it.
 */
final class MemoryClassFile extends SimpleJavaFileObject {

    private final String binaryName;
    private final byte[] bytes;
    private final Consumer<byte[]> onWritten;

    private MemoryClassFile(String binaryName, byte[] bytes, Consumer<byte[]> onWritten) {
        super(URI.create("memory:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
        this.binaryName = binaryName;
        this.bytes = bytes;
        this.onWritten = onWritten;
    }

    /** @return a class file javac reads */
    static MemoryClassFile of(String binaryName, byte[] bytes) {
        return new MemoryClassFile(binaryName, bytes, written -> {
            throw new IllegalStateException("compiled classes are read-only");
        });
    }

    /** @return a class file javac writes; {@code onWritten} receives its bytes when javac closes it */
    static MemoryClassFile output(String binaryName, Consumer<byte[]> onWritten) {
        return new MemoryClassFile(binaryName, null, onWritten);
    }

    String binaryName() {
        return binaryName;
    }

    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream openOutputStream() {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                onWritten.accept(toByteArray());
            }
        };
    }
}
