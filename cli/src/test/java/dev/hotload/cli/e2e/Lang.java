package dev.hotload.cli.e2e;

import dev.hotload.testsupport.Language;

/**
 * The three languages as the system tests use them: the shared {@link Language}'s entry file and program that
 * prints {@code Result: n}, and programs that go wrong in each language's own way.
 */
enum Lang {

    PYTHON(Language.PYTHON) {
        @Override
        String withCleanup(String cleanup, String body) {
            return "import atexit\ntry:\n    registered = registered\nexcept NameError:\n    registered = True\n"
                    + "    atexit.register(lambda: __import__('sys').stdout.write('" + cleanup + "\\n'))\n" + body;
        }

        @Override
        String statement(String code) {
            return code + "\n";
        }
    },

    JAVA(Language.JAVA) {
        @Override
        String withCleanup(String cleanup, String body) {
            return "public class Lib {\n    public static void main(String[] args) throws Exception {\n"
                    + "        dev.hotload.Hotload.onUnload(() -> System.out.println(\"" + cleanup + "\"));\n"
                    + body + "    }\n}\n";
        }

        @Override
        String statement(String code) {
            return "public class Lib {\n    public static void main(String[] args) throws Exception {\n        "
                    + code + "\n    }\n}\n";
        }
    },

    GROOVY(Language.GROOVY) {
        @Override
        String withCleanup(String cleanup, String body) {
            return "dev.hotload.Hotload.onUnload { println '" + cleanup + "' }\n" + body;
        }

        @Override
        String statement(String code) {
            return code + "\n";
        }
    };

    final Language language;
    final String entry;

    Lang(Language language) {
        this.language = language;
        this.entry = language.entry();
    }

    /** @return a program that prints {@code Result: n} */
    String program(int n) {
        return language.program(n);
    }

    /** @return a program that registers a cleanup hook printing {@code cleanup}, then runs {@code body} */
    abstract String withCleanup(String cleanup, String body);

    /** @return a program made of one statement, in the language's own syntax */
    abstract String statement(String code);

    /** @return a statement that never ends and never looks at its interrupt */
    String busyLoop() {
        return this == PYTHON ? "while True:\n    pass" : "while (true) { }";
    }

    /** @return a statement that prints without end, now and then, and never looks at its interrupt */
    String printingLoop() {
        return switch (this) {
            case PYTHON -> "i = 0\nwhile True:\n    i += 1\n    if i % 20000 == 0:\n        print('tick %d' % i)";
            case JAVA -> "for (long i = 1; ; i++) { if (i % 2_000_000 == 0) { System.out.println(\"tick \" + i); } }";
            case GROOVY -> "for (long i = 1; ; i++) { if (i % 200000 == 0) { println \"tick $i\" } }";
        };
    }

    /** @return a statement that recurses until the stack overflows */
    String recursion() {
        return switch (this) {
            case PYTHON -> "def f(n):\n    return f(n + 1) + 1\nf(0)";
            case JAVA -> "new Object() { int f(int n) { return f(n + 1) + 1; } }.f(0);";
            case GROOVY -> "def f(n) { f(n + 1) + 1 }\nf(0)";
        };
    }

    /** @return a statement that fills the heap */
    String allocateForever() {
        return switch (this) {
            case PYTHON -> "kept = []\nwhile True:\n    kept.append(' ' * 1000000)";
            case JAVA -> "java.util.List<byte[]> kept = new java.util.ArrayList<>(); while (true) { kept.add(new byte[1 << 20]); }";
            case GROOVY -> "def kept = []\nwhile (true) { kept << new byte[1 << 20] }";
        };
    }

    /** @return a statement that uses what does not exist */
    String missingName() {
        return switch (this) {
            case PYTHON -> "import nowhere_to_be_found";
            case JAVA -> "new NowhereToBeFound();";
            case GROOVY -> "new NowhereToBeFound()";
        };
    }
}
