package dev.hotload.java;

import dev.hotload.jvm.CompilerOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A source the build must compile cannot be read: not valid UTF-8, or not readable. The next save may fix it. */
final class UnreadableSource extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    UnreadableSource(Path file, IOException cause) {
        super(CompilerOutput.unreadable(cause), cause);
        this.file = file;
    }

    /** @return the error as a compiler prints it: {@code Lib.java: error: cannot read it: ...} */
    String report(Path workingDir) {
        return CompilerOutput.report(List.of(
                CompilerOutput.fileName(file, workingDir) + ": error: " + getMessage()));
    }
}
