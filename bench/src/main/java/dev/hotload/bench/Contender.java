package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one row of the figures measures: a language, and the options that choose how hotload runs it (Java's
 * compiler).
 *
 * @param title the row's name: {@code Python}, {@code Java (ECJ)}
 * @param options put before the entry on hotload's command line
 */
record Contender(Language language, String title, List<String> options) {

    Contender {
        options = List.copyOf(options);
    }

    /** @return the rows of {@code language}: one per Java compiler, the default first; one for any other */
    static List<Contender> of(Language language) {
        if (language != Language.JAVA) {
            return List.of(new Contender(language, language.title(), List.of()));
        }
        return List.of(java("ECJ", "ecj"), java("javac", "javac"));
    }

    /** @return Java compiled by {@code compiler} */
    static Contender java(String shown, String compiler) {
        return new Contender(Language.JAVA, "Java (" + shown + ")", List.of("--compiler", compiler));
    }

    /** @return hotload's arguments: these options, then {@code arguments} */
    List<String> arguments(List<String> arguments) {
        return Stream.concat(options.stream(), arguments.stream()).toList();
    }
}
