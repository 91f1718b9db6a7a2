package dev.hotload.jvm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One class file a compiler produced, and the source it came from.
 *
 * @param source the source file, absolute
 * @param bytes the class file as the compiler wrote it
 * @param info what the class depends on
 */
public record CompiledClass(Path source, byte[] bytes, ClassInfo info) {

    public CompiledClass {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** @return the class compiled from {@code source} into {@code bytes} */
    public static CompiledClass of(Path source, byte[] bytes) {
        return new CompiledClass(source, bytes, ClassInfo.read(bytes));
    }

    /** @return the binary name, e.g. {@code shapes.Circle$1} */
    public String name() {
        return info.name();
    }

    @Override
    public String toString() {
        return name() + " (from " + source.getFileName() + ")";
    }
}
