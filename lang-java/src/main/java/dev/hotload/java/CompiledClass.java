package dev.hotload.java;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One class file javac produced, and the source it came from.
 *
 * @param source the source file, absolute
 * @param bytes the class file as javac wrote it
 * @param info what the class depends on
 */
record CompiledClass(Path source, byte[] bytes, ClassInfo info) {

    CompiledClass {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** @return the class compiled from {@code source} into {@code bytes} */
    static CompiledClass of(Path source, byte[] bytes) {
        return new CompiledClass(source, bytes, ClassInfo.read(bytes));
    }

    /** @return the binary name, e.g. {@code shapes.Circle$1} */
    String name() {
        return info.name();
    }

    @Override
    public String toString() {
        return name() + " (from " + source.getFileName() + ")";
    }
}
