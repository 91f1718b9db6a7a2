package dev.hotload.java;

import dev.hotload.compiled.Compilation;
import dev.hotload.compiled.CompileError;
import dev.hotload.compiled.CompileErrors;
import dev.hotload.compiled.Compiler;
import dev.hotload.compiled.SourceText;
import dev.hotload.run.StandardStreams;
import dev.hotload.spi.LaunchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
final class JavacCompiler implements Compiler {

    /**
     * No annotation processing: looking for processors scans the class path on every compile. No class files
     * for sources javac finds by itself: every source of the program is compiled on purpose, or served compiled.
     */
    private static final List<String> OPTIONS = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-g");

    private final JavaCompiler compiler;
    private final InMemoryFileManager files;

    private JavacCompiler(JavaCompiler compiler, StandardJavaFileManager standard) {
        this.compiler = compiler;
        this.files = new InMemoryFileManager(standard);
    }

    /**
     * @param classPath jars and folders the program compiles against, besides its own sources
     * @throws LaunchException if this Java has no compiler (a JRE, not a JDK)
     */
    static JavacCompiler start(List<Path> classPath) throws LaunchException {
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
        return new JavacCompiler(compiler, standard);
    }

    @Override
    public Compilation compile(List<SourceText> sources, Map<String, byte[]> earlier, Set<Path> earlierSources) {
        files.prepare(earlier);
        List<SourceFile> units = sources.stream().map(SourceFile::new).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // Not null, which javac reads as System.err: the program's, which it may have set to null or closed.
        Writer notes = new PrintWriter(StandardStreams.current().err(), true);
        boolean ok = compiler.getTask(notes, files, diagnostics, OPTIONS, null, units).call();
        Set<Path> compiled = sources.stream().map(SourceText::path).collect(Collectors.toSet());
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(error(diagnostic));
            }
        }
        if (!ok && errors.isEmpty()) {
            throw new IllegalStateException("javac failed without an error message: " + diagnostics.getDiagnostics());
        }
        return ok ? Compilation.ok(compiled, files.written()) : Compilation.failed(compiled, errors);
    }

    /** As javac prints them: {@code Lib.java:3: error: ';' expected}. */
    @Override
    public CompileErrors.Header errorHeader() {
        return CompileErrors.Header.LINE;
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac's column counts a tab as up to eight: the caret's column is counted here, a tab as one char. */
    private static CompileError error(Diagnostic<? extends JavaFileObject> diagnostic) {
        String message = diagnostic.getMessage(Locale.getDefault());
        if (!(diagnostic.getSource() instanceof SourceFile source)) {
            return CompileError.of(message);
        }
        SourceText text = source.text();
        if (diagnostic.getPosition() == Diagnostic.NOPOS) {
            return CompileError.in(text.path(), message);
        }
        long position = diagnostic.getPosition();
        return new CompileError(text.path(), (int) diagnostic.getLineNumber(), text.columnOf(position) + 1, message,
                text.lineAt(position));
    }
}
