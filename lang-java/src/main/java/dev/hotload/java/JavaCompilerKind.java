package dev.hotload.java;

import dev.hotload.run.StandardStreams;
import dev.hotload.spi.LaunchException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The Java compilers hotload runs in process, both behind {@code javax.tools}: what differs between them is here,
 * everything else is {@link JavaToolsCompiler}'s. {@link #names()} says which is the default of {@code --compiler}.
 */
enum JavaCompilerKind {

    /**
     * The Eclipse compiler: built to recompile one file in a warm process, it compiles a small class several times
     * faster than javac, from the first compile on. Its jar comes with hotload.
     */
    ECJ("ecj") {
        @Override
        JavaCompiler tool() throws LaunchException {
            if (!compilesRunningRelease()) {
                throw new LaunchException("ECJ compiles Java up to " + ECJ_NEWEST + ", and hotload runs on Java " + RELEASE
                        + ": leave out --compiler ecj (then javac compiles), or run hotload on an older Java");
            }
            return new EclipseCompiler();
        }

        /**
         * No annotation processing; no warnings (only errors are shown); every local variable in the debug
         * information, as javac keeps them, for a debugger. The running JDK's release: ECJ's default level may be
         * newer than the JVM that loads the classes (ECJ reads the JDK's classes as that release declares them,
         * from the JDK's lib/ct.sym).
         */
        @Override
        List<String> options() {
            return List.of("-proc:none", "-nowarn", "-g", "-preserveAllLocals", "--release", RELEASE);
        }

        /**
         * javac's, where the JDK has javac: ECJ's own walks the whole run-time image as it is made (0.7 s of the
         * first output, here), and ECJ finds the JDK's classes by itself anyway, given a file manager not its own.
         * javac's looks at nothing until asked, and reads the slashed names ECJ asks for as well as dotted ones.
         */
        @Override
        StandardJavaFileManager fileManager(JavaCompiler tool) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            return super.fileManager(javac != null ? javac : tool);
        }

        @Override
        Said said(Diagnostic<?> diagnostic) {
            return EcjMessages.said(diagnostic);
        }

        /** ECJ prints each error there too, besides reporting it. */
        @Override
        Writer notes() {
            return Writer.nullWriter();
        }
    },

    /** The JDK's own compiler, if hotload runs on a JDK. */
    JAVAC("javac") {
        @Override
        JavaCompiler tool() throws LaunchException {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new LaunchException("this Java has no compiler (javax.tools): run hotload with a JDK, not a"
                        + " JRE (set JAVA to a JDK's java), or use --compiler ecj");
            }
            return compiler;
        }

        /**
         * No annotation processing: looking for processors scans the class path on every compile. No class files
         * for sources javac finds by itself: every source of the program is compiled on purpose, or served
         * compiled. javac's level is the running JDK's by default.
         */
        @Override
        List<String> options() {
            return List.of("-proc:none", "-implicit:none", "-Xlint:none", "-g");
        }

        /**
         * What javac prints besides its diagnostics, such as its own crash, goes to hotload's standard error. Not
         * null, which javac reads as System.err: the program's, which it may have set to null or closed.
         */
        @Override
        Writer notes() {
            return new PrintWriter(StandardStreams.current().err(), true);
        }
    };

    /** The feature release of the JVM that runs hotload, and so the programs: 17 on Java 17. */
    private static final String RELEASE = Integer.toString(Runtime.version().feature());

    /** The newest release this ECJ compiles ("23" for 3.40): on a newer JVM, javac is the default. */
    private static final int ECJ_NEWEST = feature(CompilerOptions.getLatestVersion());

    private final String name;

    JavaCompilerKind(String name) {
        this.name = name;
    }

    /** @return the name {@code --compiler} takes */
    String compilerName() {
        return name;
    }

    /**
     * @return a new instance of the compiler
     * @throws LaunchException if this Java cannot give one
     */
    abstract JavaCompiler tool() throws LaunchException;

    /** @return the options of every compile */
    abstract List<String> options();

    /** @return the file manager that finds the libraries' classes (and, for javac, the JDK's), kept warm */
    StandardJavaFileManager fileManager(JavaCompiler tool) {
        return tool.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }

    /** @return where the compiler's printed output goes */
    abstract Writer notes();

    /**
     * What an error says, and where: a char offset into the source, or {@link Diagnostic#NOPOS}.
     *
     * @param message the message: a first line, then any details
     * @param position where the caret goes
     */
    record Said(String message, long position) {
    }

    /** @return the message of {@code diagnostic} as hotload shows it, and where its caret goes */
    Said said(Diagnostic<?> diagnostic) {
        return new Said(diagnostic.getMessage(Locale.getDefault()), diagnostic.getPosition());
    }

    /**
     * @return the names {@code --compiler} takes, the default first: ECJ, the faster, where it compiles the running
     *     JVM's release; else javac, so that a program may use all the language its JVM runs
     */
    static List<String> names() {
        List<JavaCompilerKind> kinds = compilesRunningRelease() ? List.of(ECJ, JAVAC) : List.of(JAVAC, ECJ);
        return kinds.stream().map(JavaCompilerKind::compilerName).toList();
    }

    private static boolean compilesRunningRelease() {
        return Runtime.version().feature() <= ECJ_NEWEST;
    }

    /** @return the feature release of a version ECJ names: 23 for "23", 8 for "1.8" */
    static int feature(String version) {
        return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
    }

    /** @return the compiler of {@code name}, one of {@link #names()} */
    static JavaCompilerKind named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
