package dev.hotload.jvm;

import dev.hotload.run.ProgramStacks;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * <p>A change the running program would never see is refused too, so that "redefined" means the program runs the
 * new code from its next call on:
 * <ul>
 * <li>a changed method a thread loops in: the JVM lets a running call go on in its old code, and a loop does not
 *     return. That is a thread's outermost method (its {@code run}, the lambda it was given), and a method the
 *     run's own thread stays in (looked at a few times over 40 ms: a short call it happened to be in is gone by
 *     then);</li>
 * <li>a changed entry method ({@code main}, a script's body): it runs once per start, even if it has returned and
 *     left a server running;</li>
 * <li>a changed static initializer of a class that is initialized: it will not run again;</li>
 * <li>two or more changed lambdas, anonymous classes or closures: the compilers number them in the order they
 *     appear, so a save that moves one renames them, and objects made before would run each other's new code.</li>
 * </ul>
 */
public final class Redefinition {

    /** How many times the run's own thread is looked at, and how far apart, before a method it is in counts as a loop. */
    private static final int LOOKS = 5;
    private static final long LOOK_APART_MILLIS = 10;

    private Redefinition() {
    }

    /** How a build went into a running generation. */
    public sealed interface Result permits Redefined, Refused {
    }

    /**
     * The build is in the running generation.
     *
     * @param classes how many loaded classes were redefined (a changed class not loaded yet is loaded from the
     *     new build when the program first uses it)
     */
    public record Redefined(int classes) implements Result {

        /** @return for the status line: {@code redefined 3 classes in place} */
        public String words() {
            return classes == 0 ? "no loaded class changed; kept running"
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
     * @param startsIn the methods its run started in ({@code Lib.main}, a script's {@code run}), as
     *     {@code Class.method}
     * @param stacks where its threads are now; asked again when the run's own thread is looked at again
     */
    public record Program(Generation generation, Set<String> startsIn, Supplier<ProgramStacks> stacks) {

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
        Map<String, Set<MethodBodies.Method>> changedMethods = new LinkedHashMap<>();
        Set<String> numbered = new TreeSet<>();
        for (String name : changed) {
            MethodBodies before = MethodBodies.of(current.get(name));
            MethodBodies after = MethodBodies.of(next.get(name));
            Set<MethodBodies.Method> methods = before.changedIn(after);
            changedMethods.put(name, methods);
            if (SourceNames.isNumbered(name) && before.differFrom(after)) {
                numbered.add(name);
            }
            methods.stream().filter(method -> SourceNames.isNumberedMethod(method.name()))
                    .forEach(method -> numbered.add(name + "." + method.name()));
        }
        if (numbered.size() > 1) {
            return new Refused(numbered.size() + " lambdas, anonymous classes or closures changed (the compiler numbers"
                    + " them in order, so they may have moved)");
        }
        Optional<String> unseen = unseenChange(program, changedMethods);
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
        return new Redefined(definitions.size());
    }

    /** @return the first change that the running program would not see, in a few words; see the class's comment */
    private static Optional<String> unseenChange(Program program, Map<String, Set<MethodBodies.Method>> changedMethods) {
        Map<String, Set<MethodBodies.Method>> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, Set<MethodBodies.Method>> entry : changedMethods.entrySet()) {
            Class<?> type = program.generation().loaded(entry.getKey());
            if (type == null) {
                continue; // it will run its new code from the start
            }
            loaded.put(entry.getKey(), entry.getValue());
            boolean initializer = entry.getValue().stream().anyMatch(method -> method.name().equals("<clinit>"));
            if (initializer && ClassInitialization.hasRun(type)) {
                return Optional.of(SourceNames.ofMethod(entry.getKey(), "<clinit>") + " changed, and it has run");
            }
        }
        ProgramStacks stacks = program.stacks().get();
        for (Map.Entry<String, StackTraceElement> root : stacks.roots().entrySet()) {
            Optional<String> looping = changedIn(loaded, root.getValue());
            if (looping.isPresent()) {
                return Optional.of(looping.get() + " changed, and thread " + root.getKey() + " runs in it until it ends");
            }
        }
        Optional<String> stays = stillIn(program, loaded, stacks.main());
        if (stays.isPresent()) {
            return Optional.of(stays.get() + " is running and would not see the change");
        }
        for (Map.Entry<String, Set<MethodBodies.Method>> entry : loaded.entrySet()) {
            for (MethodBodies.Method method : entry.getValue()) {
                if (program.startsIn().contains(entry.getKey() + "." + method.name())) {
                    return Optional.of(SourceNames.ofMethod(entry.getKey(), method.name())
                            + " changed, and it runs only at the start");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @return a changed method that the run's own thread is in now and stays in: an entry method at once, another
     *     if it is still there when looked at again, {@link #LOOKS} times
     */
    private static Optional<String> stillIn(Program program, Map<String, Set<MethodBodies.Method>> loaded,
                                            List<StackTraceElement> main) {
        Set<String> in = methodsIn(loaded, main);
        for (String method : in) {
            if (program.startsIn().contains(method)) {
                return Optional.of(shown(method));
            }
        }
        for (int look = 1; look < LOOKS && !in.isEmpty(); look++) {
            try {
                Thread.sleep(LOOK_APART_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // Ctrl-C: whatever this decides, hotload is ending
            }
            in.retainAll(methodsIn(loaded, program.stacks().get().main()));
        }
        return in.stream().findFirst().map(Redefinition::shown);
    }

    /** @return each changed method a frame of {@code frames} is in, as {@code Class.method} */
    private static Set<String> methodsIn(Map<String, Set<MethodBodies.Method>> loaded, List<StackTraceElement> frames) {
        Set<String> in = new TreeSet<>();
        for (StackTraceElement frame : frames) {
            if (changedIn(loaded, frame).isPresent()) {
                in.add(frame.getClassName() + "." + frame.getMethodName());
            }
        }
        return in;
    }

    /** @return the changed method {@code frame} is in, as its source names it, if it is in one */
    private static Optional<String> changedIn(Map<String, Set<MethodBodies.Method>> loaded, StackTraceElement frame) {
        Set<MethodBodies.Method> methods = loaded.getOrDefault(frame.getClassName(), Set.of());
        return methods.stream().filter(method -> method.holds(frame)).findFirst()
                .map(method -> SourceNames.ofMethod(frame.getClassName(), method.name()));
    }

    private static String shown(String classAndMethod) {
        int dot = classAndMethod.lastIndexOf('.');
        return SourceNames.ofMethod(classAndMethod.substring(0, dot), classAndMethod.substring(dot + 1));
    }

    private static Optional<String> addedOrRemoved(Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        if (!added.isEmpty()) {
            return Optional.of(named(added.iterator().next()) + " added");
        }
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        return removed.isEmpty() ? Optional.empty() : Optional.of(named(removed.iterator().next()) + " removed");
    }

    private static String named(String className) {
        String shown = SourceNames.ofClass(className);
        return SourceNames.isNumbered(className) ? shown : "class " + shown;
    }

    private static String reason(Throwable refused) {
        String message = refused.getMessage();
        return message == null || message.isBlank() ? refused.getClass().getSimpleName() : message;
    }
}
