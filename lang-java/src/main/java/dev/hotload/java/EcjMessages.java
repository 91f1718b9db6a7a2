package dev.hotload.java;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;

/**
 * ECJ's messages as hotload shows them: its own words, which are clear (“missing cannot be resolved to a
 * variable”, “This method must return a result of type int”), except where a syntax error names a rule of ECJ's
 * grammar: {@code Syntax error, insert ";" to complete BlockStatements} is shown as javac says it,
 * {@code ';' expected}, with the caret after the token that wants it rather than under it.
 */
final class EcjMessages {

    private static final Pattern INSERT = Pattern.compile("Syntax error, insert \"(.+)\" to complete \\w+");

    private EcjMessages() {
    }

    static JavaCompilerKind.Said said(Diagnostic<?> diagnostic) {
        String message = diagnostic.getMessage(Locale.getDefault());
        Matcher insert = INSERT.matcher(message);
        if (insert.matches() && diagnostic.getEndPosition() != Diagnostic.NOPOS) {
            return new JavaCompilerKind.Said("'" + insert.group(1) + "' expected", diagnostic.getEndPosition() + 1);
        }
        return new JavaCompilerKind.Said(message, diagnostic.getPosition());
    }
}
