package dev.hotload.java;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * What the jshell tool prints of an evaluated snippet, in its normal feedback: {@code x ==> 3}, {@code |  created
 * method f(int)}, a compile error with its source line and a caret, an exception with the program's frames.
 */
final class SnippetReport {

    private static final String BAR = "|  ";
    /** The frames under a snippet's: reflection's and JShell's call of it. */
    private static final List<String> CALLERS = List.of("jdk.internal.reflect.", "java.lang.reflect.", "jdk.jshell.",
            "java.lang.Thread");

    private final JShell shell;
    private final PrintStream out;

    SnippetReport(JShell shell, PrintStream out) {
        this.shell = shell;
        this.out = out;
    }

    /** Prints what the evaluation of one snippet did. */
    void print(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                print(event, events);
            }
        }
    }

    private void print(SnippetEvent event, List<SnippetEvent> events) {
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> error(snippet, diag));
        } else if (event.exception() != null) {
            exception(event.exception());
        } else if (snippet instanceof VarSnippet || snippet instanceof ExpressionSnippet) {
            if (event.value() != null) {
                out.println(name(snippet) + " ==> " + event.value());
            }
            unresolved(snippet, "variable " + name(snippet), "referenced");
        } else if (snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet) {
            boolean replaced = events.stream().anyMatch(other -> other.causeSnippet() == snippet
                    && other.status() == Snippet.Status.OVERWRITTEN);
            String what = describe(snippet);
            if (!unresolved(snippet, (replaced ? "modified " : "created ") + what,
                    snippet instanceof MethodSnippet ? "invoked" : "used")) {
                out.println(BAR + (replaced ? "modified " : "created ") + what);
            }
        }
    }

    /** @return whether the declaration waits for others, said as jshell says it */
    private boolean unresolved(Snippet snippet, String done, String use) {
        if (!(snippet instanceof DeclarationSnippet declaration)) {
            return false;
        }
        List<String> missing = shell.unresolvedDependencies(declaration).toList();
        if (missing.isEmpty()) {
            return false;
        }
        out.println(BAR + done + ", however, it cannot be " + use + " until " + String.join(", ", missing)
                + (missing.size() == 1 ? " is declared" : " are declared"));
        return true;
    }

    private void error(Snippet snippet, Diag diag) {
        out.println(BAR + "Error:");
        for (String line : diag.getMessage(Locale.ROOT).split("\n")) {
            out.println(BAR + line);
        }
        String source = snippet.source();
        int start = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
        int end = (int) Math.max(start, Math.min(diag.getEndPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        lineEnd = lineEnd < 0 ? source.length() : lineEnd;
        end = Math.min(end, lineEnd);
        out.println(BAR + source.substring(lineStart, lineEnd));
        int width = end - start;
        out.println(BAR + " ".repeat(start - lineStart) + (width <= 1 ? "^" : "^" + "-".repeat(width - 2) + "^"));
    }

    private void exception(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet used = unresolved.getSnippet();
            out.println(BAR + "attempted to use " + describe(used) + " which cannot be used until "
                    + String.join(", ", shell.unresolvedDependencies(used).toList()) + " is declared");
            return;
        }
        String prefix = "Exception ";
        for (Throwable cause = exception; cause != null; cause = cause.getCause(), prefix = "Caused by: ") {
            String className = cause instanceof EvalException eval ? eval.getExceptionClassName() : cause.getClass().getName();
            out.println(BAR + prefix + className + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            frames(cause.getStackTrace());
        }
    }

    /**
     * The program's frames as the JVM prints them; a snippet's as jshell does, {@code quad (#2:1)}: JShell names
     * it so, by the snippet's id. None of JShell's or reflection's, which call the snippet.
     */
    private void frames(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (CALLERS.stream().anyMatch(frame.getClassName()::startsWith)) {
                return;
            }
            if (frame.getClassName().isEmpty()) {
                String method = frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + " ";
                out.println(BAR + "      at " + method + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")");
            } else {
                out.println(BAR + "      at " + frame);
            }
        }
    }

    private static String name(Snippet snippet) {
        return snippet instanceof VarSnippet var ? var.name() : ((ExpressionSnippet) snippet).name();
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet method) {
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        }
        if (snippet instanceof TypeDeclSnippet type) {
            String kind = switch (type.subKind()) {
                case INTERFACE_SUBKIND -> "interface";
                case ENUM_SUBKIND -> "enum";
                case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
                case RECORD_SUBKIND -> "record";
                default -> "class";
            };
            return kind + " " + type.name();
        }
        return snippet instanceof VarSnippet var ? "variable " + var.name() : snippet.source();
    }
}
