package dev.hotload.java;

import dev.hotload.spi.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The JDK's compiler, in this JVM, kept warm: one compiler and one standard file manager serve every save, so
 * the JDK's class index, the opened jars and javac's own code (compiled by the JIT by now) are reused.
 */
final class WarmCompiler implements AutoCloseable {

    /**
     * No annotation processing: looking for processors scans the class path on every compile. No class files
     * for sources javac finds by itself: every source of the program is compiled on purpose, or served compiled.
     */
    private static final List<String> OPTIONS = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-g");

    private final JavaCompiler compiler;
    private final StandardJavaFileManager standard;
    private final InMemoryFileManager files;

    private WarmCompiler(JavaCompiler compiler, StandardJavaFileManager standard) {
        this.compiler = compiler;
        this.standard = standard;
        this.files = new InMemoryFileManager(standard);
    }

    /**
     * @param classPath jars and folders the program compiles against, besides its own sources
     * @throws LaunchException if this Java has no compiler (a JRE, not a JDK)
     */
    static WarmCompiler start(List<Path> classPath) throws LaunchException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new LaunchException("this Java has no compiler (javax.tools): run hotload with a JDK, not a JRE"
                    + " (set JAVA to a JDK's java)");
        }
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            // Else javac looks for sources on the class path too, and compiles what it finds there.
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new LaunchException("cannot use the class path " + classPath + ": " + e.getMessage(), e);
        }
        return new WarmCompiler(compiler, standard);
    }

    /**
     * Compiles {@code sources} against the libraries and {@code earlier}, the program's other classes.
     *
     * @param sources what to compile
     * @param earlier classes compiled before, by binary name, that javac may need
     * @return the class files, or javac's errors
     */
    CompileResult compile(List<SourceFile> sources, Map<String, byte[]> earlier) {
        files.prepare(earlier);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = compiler.getTask(null, files, diagnostics, OPTIONS, null, sources).call();
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(diagnostic);
            }
        }
        if (!ok && errors.isEmpty()) {
            throw new IllegalStateException("javac failed without an error message: " + diagnostics.getDiagnostics());
        }
        return ok ? new CompileResult(files.written(), List.of()) : new CompileResult(List.of(), errors);
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
