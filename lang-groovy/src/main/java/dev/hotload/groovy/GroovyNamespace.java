package dev.hotload.groovy;

import dev.hotload.compiled.LiveProgram;
import dev.hotload.jvm.Generation;
import dev.hotload.run.ExitRequest;
import dev.hotload.spi.Namespace;
import groovy.lang.Binding;
import groovy.lang.Script;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.runtime.FormatHelper;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.MethodClosure;

/**
 * The prompt of a Groovy script ({@code hotload --repl script.groovy}): each line typed is a script of its own,
 * run in the script's {@link Binding}, so that what the script set without {@code def} is there, and what the
 * prompt sets stays there across saves. It is compiled against the last good generation's classes and the
 * {@code --classpath} libraries, and its value printed as groovysh prints it ({@code ===> 4}; nothing for null).
 * A variable declared with {@code def}, and a method defined, at the top level of a line go into the binding too,
 * for the lines after it. One line at a time, whichever prompt types it: the imports and declarations kept are
 * one state.
 */
final class GroovyNamespace implements Namespace {

    private static final Prompts PROMPTS = new Prompts("groovy> ", "   ...> ");
    private static final String RESULT = "===> ";

    private final LiveProgram program;
    private final Binding binding;
    /** Made at the first line: a program run without a prompt never needs it. */
    private PromptCompiler compiler;

    GroovyNamespace(LiveProgram program, Binding binding) {
        this.program = program;
        this.binding = binding;
    }

    /** @return the script's binding: for tests */
    Binding binding() {
        return binding;
    }

    @Override
    public Prompts prompts() {
        return PROMPTS;
    }

    @Override
    public Input check(String source) {
        return PromptInput.check(source);
    }

    @Override
    public synchronized OptionalInt evaluate(String source) throws InterruptedException {
        if (compiler == null) {
            compiler = new PromptCompiler();
        }
        Optional<Generation> generation = program.generation();
        ClassLoader loader = generation.<ClassLoader>map(g -> g).orElse(program.libraries());
        Optional<Class<?>> scriptClass;
        try {
            scriptClass = compiler.compile(source, loader, generation.map(Generation::classes).orElse(Map.of()));
        } catch (CompilationFailedException e) {
            System.err.println(compileErrors(e));
            return OptionalInt.empty();
        }
        if (scriptClass.isEmpty()) {
            return OptionalInt.empty();
        }
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(scriptClass.get().getClassLoader());
        try {
            Script script = InvokerHelper.createScript(scriptClass.get(), binding);
            keepMethods(script);
            Object value = script.run();
            if (value != null) {
                System.out.println(RESULT + FormatHelper.format(value, false));
            }
            return OptionalInt.empty();
        } catch (ThreadDeath stopped) {
            throw stopped;
        } catch (Throwable error) {
            return failed(error);
        } finally {
            thread.setContextClassLoader(context);
            forget((PromptClasses) scriptClass.get().getClassLoader());
        }
    }

    @Override
    public List<String> complete(String prefix) {
        Optional<Generation> generation = program.generation();
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = binding.getVariables();
        return new PromptCompletion(variables, generation.<ClassLoader>map(g -> g).orElse(program.libraries()),
                generation.map(g -> g.classes().keySet()).orElse(Set.of())).complete(prefix);
    }

    /** Groovy's own message, without its heading: {@code hotload_prompt: 1: unable to resolve class Nowhere ...} */
    private static String compileErrors(CompilationFailedException e) {
        return e.getMessage().replaceFirst("^startup failed:\\R", "").stripTrailing();
    }

    /**
     * The caches of Groovy (meta classes) and of {@code java.beans} (which Groovy asks for a class's properties,
     * and which keeps them softly: until memory runs short) forget the line's classes, so that they unload
     * once nothing of the line is kept. A closure of the line kept in the binding is learnt again when called.
     */
    private static void forget(PromptClasses line) {
        for (Class<?> defined : line.defined()) {
            InvokerHelper.removeClass(defined);
            Introspector.flushFromCaches(defined);
        }
    }

    /** An exit asked for ends hotload; an interrupt ends the line; any other error is printed. */
    private static OptionalInt failed(Throwable error) throws InterruptedException {
        Optional<ExitRequest> exit = ExitRequest.causing(error);
        if (exit.isPresent()) {
            return OptionalInt.of(exit.get().status());
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                Thread.interrupted();
                throw new InterruptedException("the line typed was interrupted");
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("the line typed was interrupted");
        }
        ScriptTraces.print(error, System.err);
        return OptionalInt.empty();
    }

    /**
     * A method defined at the prompt ({@code def twice(n) { 2 * n }}) is called from the lines after it as a
     * closure of the binding, which a script calls as it would its own method. A variable of the program's of that
     * name is left as it is.
     */
    private void keepMethods(Script script) {
        for (Method method : script.getClass().getDeclaredMethods()) {
            String name = method.getName();
            if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || name.startsWith("$")
                    || name.equals("run") || name.equals("main")) {
                continue;
            }
            Map<?, ?> variables = binding.getVariables();
            synchronized (variables) {
                Object current = variables.get(name);
                if (current == null && !variables.containsKey(name) || current instanceof MethodClosure) {
                    binding.setVariable(name, new MethodClosure(script, name));
                }
            }
        }
    }
}
