package dev.hotload.jvm;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A new build applied to a running generation in place: the classes whose bytes changed are redefined in it (see
 * {@link ClassRedefiner}), so that every object, static field, thread and socket of the running program is kept
 * and the next call runs the new code. Only if every changed class may be: a class added or removed, or one whose
 * {@linkplain ClassShape shape} changed where the JVM accepts method bodies only, refuses the whole build, as does
 * the JVM refusing any class; then nothing is redefined and the generation is as it was.
 *
 * <p>A change the running program would never see is refused too: a changed method that a thread is in now (the
 * JVM lets a running call finish in its old code, and a loop, a {@code main} that never returns, never finishes),
 * a changed entry method ({@code main}: it runs once, even if it has returned and left a server running), and a
 * changed static initializer (a loaded class's has run, and will not again). Restarted, the program runs the new
 * code; redefined, it would show nothing of the save.
 */
public final class Redefinition {

    private Redefinition() {
    }

    /** How a build went into a running generation. */
    public sealed interface Result permits Redefined, Refused {
    }

    /**
     * The build is in the running generation.
     *
     * @param classes how many of its classes changed: redefined if loaded, else given to the generation to load
     */
    public record Redefined(int classes) implements Result {

        /** @return for the status line: {@code redefined 3 classes in place} */
        public String words() {
            return classes == 0 ? "no class changed; kept running"
                    : "redefined " + classes + (classes == 1 ? " class" : " classes") + " in place";
        }
    }

    /**
     * Nothing was redefined.
     *
     * @param reason why, in a few words: {@code Greeter: field count added}, or the JVM's own words
     */
    public record Refused(String reason) implements Result {
    }

    /**
     * The program a build may be redefined in.
     *
     * @param generation the generation whose program runs
     * @param startsIn the methods its run started in ({@code Lib.main}, a script's {@code run}): called once per
     *     run, a change of theirs would never be seen, even once they have returned
     * @param methodsNow the methods its threads are in now, each as {@code Class.method} (binary name)
     */
    public record Program(Generation generation, Set<String> startsIn, Supplier<Set<String>> methodsNow) {

        public Program {
            startsIn = Set.copyOf(startsIn);
        }
    }

    /**
     * @param program the running program
     * @param next every class of the new build, by binary name
     * @param redefiner the JVM's class redefinition
     * @return whether the build went in, and if not, why
     */
    public static Result apply(Program program, Map<String, byte[]> next, ClassRedefiner redefiner) {
        return program.generation().exclusively(() -> applyTo(program, next, redefiner));
    }

    private static Result applyTo(Program program, Map<String, byte[]> next, ClassRedefiner redefiner) {
        Generation running = program.generation();
        Map<String, byte[]> current = running.classes();
        Optional<String> addedOrRemoved = addedOrRemoved(current.keySet(), next.keySet());
        if (addedOrRemoved.isPresent()) {
            return new Refused(addedOrRemoved.get());
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : new TreeMap<>(next).entrySet()) {
            byte[] before = current.get(entry.getKey());
            if (Arrays.equals(before, entry.getValue())) {
                continue;
            }
            if (!redefiner.allowsNewShapes()) {
                Optional<String> reshaped = ClassShape.of(before).changeTo(ClassShape.of(entry.getValue()));
                if (reshaped.isPresent()) {
                    return new Refused(reshaped.get());
                }
            }
            changed.add(entry.getKey());
        }
        Optional<String> unseen = unseenChange(program, current, next, changed);
        if (unseen.isPresent()) {
            return new Refused(unseen.get());
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        for (String name : changed) {
            Class<?> loaded = running.loaded(name);
            if (loaded != null) {
                definitions.add(new ClassDefinition(loaded, ExitRewriter.rewrite(next.get(name))));
            }
        }
        try {
            if (!definitions.isEmpty()) {
                redefiner.redefine(definitions);
            }
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError refused) {
            return new Refused("the JVM refused: " + reason(refused));
        }
        // Only now: a class the program has not loaded yet is loaded from the new build, as one redefined is.
        running.update(next);
        return new Redefined(changed.size());
    }

    /**
     * @return the first change that a redefinition would not let the program see, in a few words: a changed
     *     method that a thread is in now ({@code Ticker.main is running ...}), or a changed static initializer of a
     *     loaded class, which has run already and will not again
     */
    private static Optional<String> unseenChange(Program program, Map<String, byte[]> current,
                                                 Map<String, byte[]> next, List<String> changed) {
        Set<String> inNow = program.methodsNow().get();
        for (String name : changed) {
            if (program.generation().loaded(name) == null) {
                continue; // it will run its new code from the start
            }
            String simple = name.substring(name.lastIndexOf('.') + 1);
            Set<String> methods = MethodBodies.of(current.get(name)).changedIn(MethodBodies.of(next.get(name)));
            if (methods.contains("<clinit>")) {
                return Optional.of(simple + ": static initializer changed, and it has run already");
            }
            for (String method : methods) {
                if (inNow.contains(name + "." + method)) {
                    return Optional.of(simple + "." + method + " is running and would not see the change");
                }
            }
            for (String method : methods) {
                if (program.startsIn().contains(name + "." + method)) {
                    return Optional.of(simple + "." + method + " changed, and it runs only at the start");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> addedOrRemoved(Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        if (!added.isEmpty()) {
            return Optional.of("class " + added.iterator().next() + " added");
        }
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        return removed.isEmpty() ? Optional.empty() : Optional.of("class " + removed.iterator().next() + " removed");
    }

    private static String reason(Throwable refused) {
        String message = refused.getMessage();
        return message == null || message.isBlank() ? refused.getClass().getSimpleName() : message;
    }
}
