package dev.hotload.python;

import dev.hotload.spi.LaunchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * How an entry file is imported: the folder that goes on {@code sys.path} and the module's dotted name. A file
 * inside a package (folders with {@code __init__.py}) is imported as {@code pkg.lib}, so its relative imports
 * work.
 *
 * @param importRoot the folder put first on {@code sys.path}
 * @param name the module name, e.g. {@code lib} or {@code pkg.lib}
 */
record EntryModule(Path importRoot, String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * A file whose name is no identifier ({@code my lib.py}) is still a module, named after its file, as
     * {@code importlib.import_module} allows: nothing else can import it by that name, and nothing needs to.
     *
     * @throws LaunchException if the file's name cannot be a module's: it has a dot, which would name a package
     */
    static EntryModule of(Path entry) throws LaunchException {
        String fileName = entry.getFileName().toString();
        // Any extension goes: with --lang python, a script named 'tool' or 'job.jy' is a module too.
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        if (base.contains(".")) {
            throw new LaunchException("'" + fileName + "' cannot be a Python module: a dot in its name would name a"
                    + " package; rename it, e.g. " + base.replace('.', '_') + ".py");
        }
        if (!IDENTIFIER.matcher(base).matches()) {
            return new EntryModule(entry.getParent(), base);
        }
        Deque<String> parts = new ArrayDeque<>();
        parts.push(base);
        Path folder = entry.getParent();
        while (folder.getParent() != null && Files.isRegularFile(folder.resolve("__init__.py"))
                && IDENTIFIER.matcher(folder.getFileName().toString()).matches()) {
            parts.push(folder.getFileName().toString());
            folder = folder.getParent();
        }
        return new EntryModule(folder, String.join(".", parts));
    }
}
