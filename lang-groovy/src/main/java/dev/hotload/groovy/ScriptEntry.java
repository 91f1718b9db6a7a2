package dev.hotload.groovy;

import dev.hotload.compiled.EntryFinder;
import dev.hotload.compiled.MissingEntry;
import dev.hotload.jvm.CompiledClass;
import dev.hotload.jvm.Generation;
import dev.hotload.loop.Outcome;
import dev.hotload.run.Entry;
import dev.hotload.spi.Launch;
import groovy.lang.Binding;
import groovy.lang.Script;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * What runs a Groovy script in each generation: its body, then the {@code --entrypoint} method, with the same
 * {@link Binding} every time, so that what the script put there (a connection, a cache) is there on the next
 * run.
 */
final class ScriptEntry implements EntryFinder {

    private static final String SCRIPT = "groovy.lang.Script";

    private final Launch launch;
    private final String entryClass;
    /** Synchronized: the prompt ({@code --repl}) reads and writes it while the script runs. */
    private final Binding binding = new Binding(Collections.synchronizedMap(new LinkedHashMap<>()));

    /**
     * @param launch the script and its options
     * @param entryClass the name of a class of the entry file's own name, run when the file holds no script
     */
    ScriptEntry(Launch launch, String entryClass) {
        this.launch = launch;
        this.entryClass = entryClass;
    }

    /** @return the binding every run of the script gets, which the prompt evaluates in */
    Binding binding() {
        return binding;
    }

    /**
     * The entry file's script class, or its class named like the file. Groovy names a script after its file,
     * made a valid name ({@code my-tool} is {@code my_tool}), so it is found by what it is, not by name.
     */
    @Override
    public Entry find(Generation generation, List<CompiledClass> fromEntryFile) throws MissingEntry {
        String name = fromEntryFile.stream()
                .filter(compiled -> compiled.info().supertypes().contains(SCRIPT))
                .map(CompiledClass::name)
                .findFirst()
                .orElse(entryClass);
        Class<?> scriptClass;
        try {
            scriptClass = Class.forName(name, false, generation);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingEntry(launch.entryName() + " holds no script, nor a class " + name + ", to run");
        }
        Optional<String> method = launch.entrypoint();
        if (method.isPresent() && !declaresMethod(scriptClass, method.get())) {
            throw new MissingEntry(launch.entryName() + " defines no method '" + method.get() + "()' to call (--entrypoint)");
        }
        String[] args = launch.args().toArray(String[]::new);
        Set<String> startsIn = new HashSet<>(Set.of(name + ".run"));
        method.ifPresent(entrypoint -> startsIn.add(name + "." + entrypoint));
        return Entry.startingIn(startsIn, () -> {
            binding.setVariable("args", args);
            Script script = InvokerHelper.createScript(scriptClass, binding);
            script.run();
            if (method.isPresent()) {
                script.invokeMethod(method.get(), null);
            }
            return Outcome.ok();
        });
    }

    /**
     * Groovy keeps what it learns of a class (its meta class, its reflection data) in caches of its runtime,
     * which outlives every generation: forget a replaced generation's classes there, so they can be unloaded.
     */
    static void release(Generation replaced) {
        replaced.definedClasses().forEach(InvokerHelper::removeClass);
    }

    private static boolean declaresMethod(Class<?> scriptClass, String name) {
        try {
            return Arrays.stream(scriptClass.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0);
        } catch (LinkageError e) {
            return false;
        }
    }
}
