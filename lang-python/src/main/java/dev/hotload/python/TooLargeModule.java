package dev.hotload.python;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.python.core.PyException;

/**
 * Jython's failure to compile a module whose code, or one of whose functions, is more than the JVM's 64 KB of
 * bytecode per method. Jython says so in a Java exception of a dozen lines (how to compile it with a CPython 2.7
 * that hotload does not use) under forty frames of its compiler and of hotload: one line says it here.
 */
final class TooLargeModule {

    private static final Pattern MESSAGE = Pattern.compile("Module or method too large in `([^`]*)`");
    /** How far down a chain of causes Jython's message is looked for. */
    private static final int DEPTH = 8;

    private TooLargeModule() {
    }

    /** @return the file Jython could not compile for its size, if that is what {@code error} is */
    static Optional<String> fileOf(PyException error) {
        if (error.value == null || !(error.value.__tojava__(Throwable.class) instanceof Throwable thrown)) {
            return Optional.empty();
        }
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < DEPTH; depth++, t = t.getCause()) {
            Matcher matcher = MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** @return hotload's line for it, naming the file as the user would, relative to {@code workingDir} if under it */
    static String line(String file, Path workingDir) {
        Path path = Path.of(file);
        String shown = path.startsWith(workingDir) ? workingDir.relativize(path).toString() : file;
        return "hotload: " + shown + " is too large for Jython to compile (the JVM allows 64 KB of code per function,"
                + " the module's own code included): split its long functions\n";
    }
}
