package dev.hotload.compiled;

import dev.hotload.jvm.Generation;
import java.util.Optional;

/**
 * A compiled program as it runs, for a {@link dev.hotload.spi.Namespace} over it: always its last good generation
 * (a build that failed leaves the one before), whose classes a save updated in place too.
 */
public interface LiveProgram {

    /** @return the generation that ran last, its classes and their bytes; empty before the first good build */
    Optional<Generation> generation();

    /** @return the loader of the {@code --classpath} libraries: every generation's parent */
    ClassLoader libraries();
}
