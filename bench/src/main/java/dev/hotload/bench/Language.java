package dev.hotload.bench;

import java.nio.file.Path;
import java.util.List;

/** A language the suite measures: its entry file, a program that prints {@code Result: n}, and its cold start. */
public enum Language {

    PYTHON("Python (Jython 2.7)", "lib.py", "org.python.core.BytecodeLoader$Loader") {
        @Override
        String program(int n) {
            return "x = " + n + "\nprint(\"Result: %d\" % x)\n";
        }

        @Override
        List<String> coldStart(MeasuredHotload hotload) {
            return List.of("java", "-jar", hotload.jar("jython-standalone").toString(), entry);
        }
    },

    JAVA("Java", "Lib.java", "dev.hotload.jvm.Generation") {
        @Override
        String program(int n) {
            return "public class Lib {\n    public static void main(String[] args) {\n        int x = " + n + ";\n"
                    + "        System.out.println(\"Result: \" + x);\n    }\n}\n";
        }

        /** The JDK's own way to run a source file without a build: compile in memory, then run. */
        @Override
        List<String> coldStart(MeasuredHotload hotload) {
            return List.of("java", entry);
        }
    },

    GROOVY("Groovy", "lib.groovy", "dev.hotload.jvm.Generation") {
        @Override
        String program(int n) {
            return "def x = " + n + "\nprintln \"Result: $x\"\n";
        }

        /** What Groovy's own launcher runs for {@code groovy lib.groovy}. */
        @Override
        List<String> coldStart(MeasuredHotload hotload) {
            return List.of("java", "-cp", hotload.jar("groovy-").toString(), "groovy.ui.GroovyMain", entry);
        }
    };

    final String title;
    final String entry;
    /** The class loader that holds the classes of the program's reloaded code. */
    final String programLoader;

    Language(String title, String entry, String programLoader) {
        this.title = title;
        this.entry = entry;
        this.programLoader = programLoader;
    }

    /** @return a program that prints {@code Result: n} */
    abstract String program(int n);

    /** @return the command that runs the entry in its folder without hotload */
    abstract List<String> coldStart(MeasuredHotload hotload);

    /** @return the entry's path in {@code dir} */
    Path entryIn(Path dir) {
        return dir.resolve(entry);
    }
}
