package dev.hotload.java;

import dev.hotload.compiled.Compilation;
import dev.hotload.compiled.CompileError;
import dev.hotload.compiled.CompileErrors;
import dev.hotload.compiled.Compiler;
import dev.hotload.compiled.SourceText;
import dev.hotload.spi.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * A Java compiler of {@code javax.tools} (javac or ECJ: {@link JavaCompilerKind}), in this JVM, kept warm: one
 * compiler and one standard file manager serve every save, so the JDK's class index, the opened jars and the
 * compiler's own code (compiled by the JIT by now) are reused.
 */
final class JavaToolsCompiler implements Compiler {

    private final JavaCompilerKind kind;
    private final JavaCompiler compiler;
    private final InMemoryFileManager files;
    private final CompileThread thread = new CompileThread();

    private JavaToolsCompiler(JavaCompilerKind kind, JavaCompiler compiler, StandardJavaFileManager standard) {
        this.kind = kind;
        this.compiler = compiler;
        this.files = new InMemoryFileManager(standard);
    }

    /**
     * @param classPath jars and folders the program compiles against, besides its own sources
     * @throws LaunchException if this Java has no such compiler (javac on a JRE)
     */
    static JavaToolsCompiler start(JavaCompilerKind kind, List<Path> classPath) throws LaunchException {
        JavaCompiler compiler = kind.tool();
        StandardJavaFileManager standard = kind.fileManager(compiler);
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            // Else javac looks for sources on the class path too, and compiles what it finds there.
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new LaunchException("cannot use the class path " + classPath + ": " + e.getMessage(), e);
        }
        return new JavaToolsCompiler(kind, compiler, standard);
    }

    @Override
    public Compilation compile(List<SourceText> sources, Map<String, byte[]> earlier, Set<Path> earlierSources) {
        files.prepare(earlier);
        List<SourceFile> units = sources.stream().map(SourceFile::new).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Optional<Boolean> done = thread.call(() -> compiler.getTask(kind.notes(), files, diagnostics, kind.options(), null,
                units).call());
        Set<Path> compiled = sources.stream().map(SourceText::path).collect(Collectors.toSet());
        if (done.isEmpty()) {
            return Compilation.failed(compiled, List.of(CompileError.of("the compile was interrupted")));
        }
        boolean ok = done.get();
        Map<Path, SourceText> byPath = sources.stream().collect(Collectors.toMap(SourceText::path, text -> text, (a, b) -> a));
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(error(diagnostic, sourceOf(diagnostic, byPath)));
            }
        }
        if (!ok && errors.isEmpty()) {
            throw new IllegalStateException(kind.compilerName() + " failed without an error message: " + diagnostics.getDiagnostics());
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
        thread.close();
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * javac names the very file object it was given; ECJ a file of its own, by the source's path (and none if no
     * file is there any more).
     */
    private static SourceText sourceOf(Diagnostic<? extends JavaFileObject> diagnostic, Map<Path, SourceText> byPath) {
        JavaFileObject source = diagnostic.getSource();
        if (source instanceof SourceFile file) {
            return file.text();
        }
        return source == null || !"file".equals(source.toUri().getScheme()) ? null : byPath.get(Path.of(source.toUri()));
    }

    /** javac's column counts a tab as up to eight: the caret's column is counted here, a tab as one char. */
    private CompileError error(Diagnostic<? extends JavaFileObject> diagnostic, SourceText text) {
        JavaCompilerKind.Said said = kind.said(diagnostic);
        if (text == null) {
            return CompileError.of(said.message());
        }
        if (said.position() == Diagnostic.NOPOS) {
            return CompileError.in(text.path(), said.message());
        }
        long position = said.position();
        return new CompileError(text.path(), (int) diagnostic.getLineNumber(), text.columnOf(position) + 1, said.message(),
                text.lineAt(position));
    }
}
