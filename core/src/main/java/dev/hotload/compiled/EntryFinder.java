package dev.hotload.compiled;

import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.Generation;
import dev.hotload.run.Entry;
import java.util.List;

/** How a language finds what to run in a new generation: a class's {@code main}, a script's body. */
@FunctionalInterface
public interface EntryFinder {

    /**
     * Finds the entry without running any of the program's code (nor initialising its classes).
     *
     * @param generation the new generation, which defines the program's classes
     * @param fromEntryFile the classes compiled from the entry file
     * @return what runs the program once
     * @throws MissingEntry if there is nothing to run, or it cannot be called
     */
    Entry find(Generation generation, List<CompiledClass> fromEntryFile) throws MissingEntry;
}
