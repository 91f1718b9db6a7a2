package dev.hotload.groovy;

import dev.hotload.spi.Namespace.Input;
import java.util.ArrayDeque;
import java.util.Deque;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;

/**
 * Whether the lines typed so far make a whole Groovy input. Groovy's parser decides first: what it parses is
 * complete, and an error at the end of the input ({@code Unexpected input: '<EOF>'}) is not. Its error is not always
 * there, though: {@code foo(1,} fails at the bracket, an open {@code '''} string at its quotes. So a failed parse
 * is incomplete too when the text ends inside a bracket, a multi-line string or a comment; any other error is
 * complete, and evaluating it prints it.
 */
final class PromptInput {

    private static final String AT_END = "'<EOF>'";
    /** What the text may be inside, on a stack: brackets, a GString's {@code ${}, and strings. */
    private static final char SINGLE = 's';
    private static final char DOUBLE = 'd';
    private static final char TRIPLE_SINGLE = 'S';
    private static final char TRIPLE_DOUBLE = 'D';
    private static final char EXPRESSION = '$';

    private PromptInput() {
    }

    static Input check(String source) {
        SourceUnit unit = SourceUnit.create(PromptCompiler.SCRIPT, source);
        try {
            unit.parse();
            unit.completePhase();
            unit.convert();
            return Input.COMPLETE;
        } catch (CompilationFailedException e) {
            return failsAtEnd(unit) || endsOpen(source) ? Input.INCOMPLETE : Input.COMPLETE;
        }
    }

    private static boolean failsAtEnd(SourceUnit unit) {
        for (Message message : unit.getErrorCollector().getErrors()) {
            if (message instanceof SyntaxErrorMessage syntax && syntax.getCause().getOriginalMessage().contains(AT_END)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether {@code source} ends inside a bracket, a multi-line string or a block comment */
    static boolean endsOpen(String source) {
        Deque<Character> open = new ArrayDeque<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            Character inside = open.peek();
            if (inside == null || "([{$".indexOf(inside) >= 0) {
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    i = end < 0 ? source.length() : end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    if (end < 0) {
                        return true;
                    }
                    i = end + 2;
                } else if (source.startsWith("'''", i) || source.startsWith("\"\"\"", i)) {
                    open.push(c == '\'' ? TRIPLE_SINGLE : TRIPLE_DOUBLE);
                    i += 3;
                } else if (c == '\'' || c == '"') {
                    open.push(c == '\'' ? SINGLE : DOUBLE);
                    i++;
                } else if ("([{".indexOf(c) >= 0) {
                    open.push(c);
                    i++;
                } else if (")]}".indexOf(c) >= 0) {
                    if (inside == null || !closes(c, inside)) {
                        return false; // a bracket closed that was not open: no line after mends it
                    }
                    open.pop();
                    i++;
                } else {
                    i++;
                }
            } else if (c == '\\') {
                i += 2;
            } else if ((inside == DOUBLE || inside == TRIPLE_DOUBLE) && source.startsWith("${", i)) {
                open.push(EXPRESSION);
                i += 2;
            } else if (source.startsWith(quotes(inside), i)) {
                open.pop();
                i += quotes(inside).length();
            } else if (c == '\n' && (inside == SINGLE || inside == DOUBLE)) {
                return false; // a one-line string that the line end left open: an error
            } else {
                i++;
            }
        }
        return !open.isEmpty() && open.peek() != SINGLE && open.peek() != DOUBLE;
    }

    private static boolean closes(char closing, char opening) {
        return switch (closing) {
            case ')' -> opening == '(';
            case ']' -> opening == '[';
            default -> opening == '{' || opening == EXPRESSION;
        };
    }

    private static String quotes(char string) {
        return switch (string) {
            case SINGLE -> "'";
            case DOUBLE -> "\"";
            case TRIPLE_SINGLE -> "'''";
            default -> "\"\"\"";
        };
    }
}
