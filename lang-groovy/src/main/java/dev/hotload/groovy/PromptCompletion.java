package dev.hotload.groovy;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.codehaus.groovy.runtime.DefaultGroovyMethods;

/**
 * Completes a name typed at the prompt: a variable of the binding or a class of the program, or, after a dot,
 * a member of what comes before it: the public methods and properties of a variable's class (Groovy's own
 * methods of it too, {@code each}, {@code collect}), or the static ones of a class. Everything is read by
 * reflection from the types: no getter is called, no class initialised.
 */
final class PromptCompletion {

    /** The packages every Groovy script imports, where a class typed by its simple name may be. */
    private static final List<String> DEFAULT_PACKAGES = List.of("java.lang.", "java.util.", "java.io.", "java.net.",
            "groovy.lang.", "groovy.util.");

    private final Map<String, Object> variables;
    private final ClassLoader program;
    private final Set<String> programClasses;

    /**
     * @param variables the binding's variables, a synchronized map
     * @param program the loader of the program's classes
     * @param programClasses their binary names
     */
    PromptCompletion(Map<String, Object> variables, ClassLoader program, Set<String> programClasses) {
        this.variables = variables;
        this.program = program;
        this.programClasses = programClasses;
    }

    List<String> complete(String prefix) {
        int dot = prefix.lastIndexOf('.');
        if (dot < 0) {
            return names(prefix);
        }
        String member = prefix.substring(dot + 1);
        String receiver = prefix.substring(0, dot);
        return typeOf(receiver)
                .map(type -> members(type, member).stream().map(name -> receiver + "." + name).toList())
                .orElse(List.of());
    }

    private List<String> names(String prefix) {
        Set<String> names = new TreeSet<>();
        synchronized (variables) {
            names.addAll(variables.keySet());
        }
        programClasses.stream().filter(name -> name.indexOf('$') < 0).map(PromptCompletion::simpleName).forEach(names::add);
        return names.stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /** @return the type of {@code receiver}, a variable, a class or a property of either, read without running it */
    private Optional<Type> typeOf(String receiver) {
        String[] parts = receiver.split("\\.", -1);
        for (int length = 1; length <= parts.length; length++) {
            String name = String.join(".", Arrays.copyOf(parts, length));
            Optional<Type> start = length == 1 ? variable(name) : Optional.empty();
            if (start.isEmpty()) {
                start = classNamed(name).map(type -> new Type(type, true));
            }
            if (start.isPresent()) {
                Optional<Type> type = start;
                for (int i = length; i < parts.length && type.isPresent(); i++) {
                    type = propertyType(type.get(), parts[i]);
                }
                return type;
            }
        }
        return Optional.empty();
    }

    private Optional<Type> variable(String name) {
        Object value;
        synchronized (variables) {
            if (!variables.containsKey(name)) {
                return Optional.empty();
            }
            value = variables.get(name);
        }
        return Optional.ofNullable(value).map(v -> new Type(v.getClass(), false));
    }

    private Optional<Class<?>> classNamed(String name) {
        List<String> candidates = new ArrayList<>();
        programClasses.stream().filter(c -> c.equals(name) || simpleName(c).equals(name) && c.indexOf('$') < 0)
                .forEach(candidates::add);
        candidates.add(name);
        if (name.indexOf('.') < 0) {
            DEFAULT_PACKAGES.forEach(pkg -> candidates.add(pkg + name));
        }
        for (String candidate : candidates) {
            try {
                return Optional.of(Class.forName(candidate, false, program));
            } catch (ClassNotFoundException | LinkageError notThere) {
                // the next one
            }
        }
        return Optional.empty();
    }

    /** The declared type of a property: its getter's return type, or its public field's. */
    private static Optional<Type> propertyType(Type owner, String name) {
        String capitalized = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : publicMethods(owner.type)) {
            if (method.getParameterCount() == 0 && Modifier.isStatic(method.getModifiers()) == owner.statics
                    && (method.getName().equals("get" + capitalized) || method.getName().equals("is" + capitalized))) {
                return Optional.of(new Type(method.getReturnType(), false));
            }
        }
        for (Field field : publicFields(owner.type)) {
            if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers()) == owner.statics) {
                return Optional.of(new Type(field.getType(), false));
            }
        }
        return Optional.empty();
    }

    /** @return the members of {@code type} that start with {@code prefix}: {@code name}, {@code name()}, {@code name(} */
    private static List<String> members(Type type, String prefix) {
        Map<String, Boolean> methods = new TreeMap<>(); // name -> whether some overload takes arguments
        Set<String> properties = new TreeSet<>();
        for (Method method : publicMethods(type.type)) {
            if (Modifier.isStatic(method.getModifiers()) != type.statics || method.isSynthetic()
                    || method.getName().contains("$")) {
                continue;
            }
            methods.merge(method.getName(), method.getParameterCount() > 0, Boolean::logicalOr);
            property(method).ifPresent(properties::add);
        }
        for (Field field : publicFields(type.type)) {
            if (Modifier.isStatic(field.getModifiers()) == type.statics && !field.getName().contains("$")) {
                properties.add(field.getName());
            }
        }
        if (!type.statics) {
            groovyMethods(type.type, methods);
        }
        Set<String> members = new TreeSet<>(properties);
        methods.forEach((name, takesArguments) -> members.add(name + (takesArguments ? "(" : "()")));
        return members.stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /** Groovy's methods added to every type it applies to: {@code each}, {@code collect}, {@code inspect}. */
    private static void groovyMethods(Class<?> type, Map<String, Boolean> methods) {
        for (Class<?> source : DefaultGroovyMethods.DGM_LIKE_CLASSES) {
            for (Method method : source.getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (Modifier.isStatic(method.getModifiers()) && parameters.length > 0 && parameters[0].isAssignableFrom(type)
                        && !method.isAnnotationPresent(Deprecated.class)) {
                    methods.merge(method.getName(), parameters.length > 1, Boolean::logicalOr);
                }
            }
        }
    }

    /** {@code getName()} is {@code name}, {@code isEmpty()} {@code empty}, as Groovy names properties. */
    private static Optional<String> property(Method method) {
        String name = method.getName();
        if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
            return Optional.empty();
        }
        if (name.startsWith("get") && name.length() > 3) {
            return Optional.of(Introspector.decapitalize(name.substring(3)));
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return Optional.of(Introspector.decapitalize(name.substring(2)));
        }
        return Optional.empty();
    }

    private static Method[] publicMethods(Class<?> type) {
        try {
            return type.getMethods();
        } catch (LinkageError e) {
            return new Method[0]; // a class of the program that names a class it cannot find
        }
    }

    private static Field[] publicFields(Class<?> type) {
        try {
            return type.getFields();
        } catch (LinkageError e) {
            return new Field[0];
        }
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }

    /** A type to complete members of: its instance members, or its static ones. */
    private record Type(Class<?> type, boolean statics) {
    }
}
