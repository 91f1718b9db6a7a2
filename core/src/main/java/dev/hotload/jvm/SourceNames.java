package dev.hotload.jvm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classes and methods named as a user wrote them, not as the compiler named them: {@code Handlers$1} is an
 * anonymous class in Handlers, {@code lambda$render$0} a lambda in render, {@code main$_run_closure1} a closure in
 * main. Those are numbered in the order they appear in the source, so that a save that moves them renames them.
 */
final class SourceNames {

    /** A Groovy closure or lambda class: {@code main$_run_closure1}, {@code Helper$_lambda2}. */
    private static final Pattern CLOSURE = Pattern.compile("(.*?)\\$_.*(closure|lambda)\\d+$");
    /** An anonymous ({@code $1}) or local ({@code $1Local}) Java class. */
    private static final Pattern NUMBERED = Pattern.compile("(.*)\\$\\d+(\\w*)$");
    /** The method of a lambda's body: javac's {@code lambda$render$0}, or ECJ's {@code lambda$0}, which names no method. */
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(?:(.*)\\$)?\\d+$");

    private SourceNames() {
    }

    /** @return whether the compiler named the class by its place among its kind: anonymous, local, a closure */
    static boolean isNumbered(String className) {
        String simple = simple(className);
        return CLOSURE.matcher(simple).matches() || NUMBERED.matcher(simple).matches();
    }

    /** @return whether the compiler named the method by its place among its kind: a lambda's body */
    static boolean isNumberedMethod(String method) {
        return LAMBDA.matcher(method).matches();
    }

    /** @return the class as its source names it: {@code Outer.Inner}, {@code an anonymous class in Handlers} */
    static String ofClass(String className) {
        String simple = simple(className);
        Matcher closure = CLOSURE.matcher(simple);
        if (closure.matches()) {
            return "a " + closure.group(2) + " in " + ofClass(closure.group(1));
        }
        Matcher numbered = NUMBERED.matcher(simple);
        if (numbered.matches()) {
            return (numbered.group(2).isEmpty() ? "an anonymous class" : "a local class " + numbered.group(2)) + " in "
                    + ofClass(numbered.group(1));
        }
        return simple.replace('$', '.');
    }

    /**
     * @return the method as its source names it: {@code App.render}, {@code a lambda in App.render} (from javac),
     *     {@code a lambda in App} (from ECJ)
     */
    static String ofMethod(String className, String method) {
        Matcher lambda = LAMBDA.matcher(method);
        if (lambda.matches()) {
            return "a lambda in " + ofClass(className) + (lambda.group(1) == null ? "" : "." + lambda.group(1));
        }
        if (CLOSURE.matcher(simple(className)).matches()) {
            return ofClass(className);
        }
        return switch (method) {
            case "<init>" -> "the constructor of " + ofClass(className);
            case "<clinit>" -> "the static initializer of " + ofClass(className);
            default -> ofClass(className) + "." + method;
        };
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
