package dev.hotload.testsupport;

import java.nio.file.Path;

/**
 * A language hotload runs, as the system tests and the benchmarks drive it: an entry file, and a program that
 * prints {@code Result: n}.
 */
public enum Language {

    PYTHON("Python (Jython 2.7)", "lib.py", "org.python.core.BytecodeLoader$Loader") {
        @Override
        public String program(int n) {
            return "x = " + n + "\nprint(\"Result: %d\" % x)\n";
        }
    },

    JAVA("Java", "Lib.java", "dev.hotload.jvm.Generation") {
        @Override
        public String program(int n) {
            return "public class Lib {\n    public static void main(String[] args) {\n        int x = " + n + ";\n"
                    + "        System.out.println(\"Result: \" + x);\n    }\n}\n";
        }
    },

    GROOVY("Groovy", "lib.groovy", "dev.hotload.jvm.Generation") {
        @Override
        public String program(int n) {
            return "def x = " + n + "\nprintln \"Result: $x\"\n";
        }
    };

    private final String title;
    private final String entry;
    private final String programLoader;

    Language(String title, String entry, String programLoader) {
        this.title = title;
        this.entry = entry;
        this.programLoader = programLoader;
    }

    /**
     * @param n the number to print
     * @return the entry's source text: a program that prints {@code Result: n}, ending with a newline
     */
    public abstract String program(int n);

    /** @return the language as a table of figures names it, e.g. {@code Python (Jython 2.7)} */
    public String title() {
        return title;
    }

    /** @return the entry file's name, e.g. {@code lib.py} */
    public String entry() {
        return entry;
    }

    /** @return the entry's path in {@code dir} */
    public Path entryIn(Path dir) {
        return dir.resolve(entry);
    }

    /**
     * @return the type of the class loaders that hold the program's reloaded classes in hotload's JVM: Jython's
     *     code loader, or hotload's generations
     */
    public String programLoader() {
        return programLoader;
    }
}
