package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.util.List;

/** A language's entry run without hotload, by the language's own launcher: what a reload is compared with. */
final class ColdStart {

    private ColdStart() {
    }

    /** @return the command that runs {@code language}'s entry in its folder without hotload */
    static List<String> command(Language language, MeasuredHotload hotload) {
        return switch (language) {
            case PYTHON -> List.of("java", "-jar", hotload.jar("jython-standalone").toString(), language.entry());
            // The JDK's own way to run a source file without a build: compile in memory, then run.
            case JAVA -> List.of("java", language.entry());
            // What Groovy's own launcher runs for `groovy lib.groovy`.
            case GROOVY -> List.of("java", "-cp", hotload.jar("groovy-").toString(), "groovy.ui.GroovyMain",
                    language.entry());
        };
    }
}
