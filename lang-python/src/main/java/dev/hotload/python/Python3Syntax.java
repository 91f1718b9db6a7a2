package dev.hotload.python;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python 3 syntax that Python 2.7 (Jython, what hotload runs) refuses, told apart on the line a SyntaxError names:
 * a user who writes Python 3 gets a line saying why, not just Jython's "no viable alternative at input".
 * Only forms that are a syntax error in 2.7 wherever they stand, so that no valid 2.7 line is ever blamed.
 */
final class Python3Syntax {

    private record Form(Pattern pattern, String what) {
    }

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("(?<![A-Za-z0-9_'\"])(?:[fF][rR]?|[rR][fF])['\"]"),
                    "f-strings are Python 3; in 2.7: '{}'.format(x) or '%s' % x"),
            new Form(Pattern.compile("\\bprint\\s*\\(.*\\b(?:end|sep|file|flush)\\s*=(?!=)"),
                    "print(..., end=/sep=/file=) is Python 3; in 2.7 it needs from __future__ import print_function"),
            new Form(Pattern.compile("^\\s*(?:async\\s+(?:def|with|for)\\b|.*\\bawait\\s+" + NAME + ")"),
                    "async and await are Python 3"),
            new Form(Pattern.compile("^\\s*def\\s+" + NAME + "\\s*\\(.*\\)\\s*->"),
                    "return type hints (->) are Python 3; in 2.7: a # type: comment"),
            new Form(Pattern.compile("^\\s*def\\s+" + NAME + "\\s*\\((?:[^()]*,)?\\s*\\*?" + NAME + "\\s*:\\s*[A-Za-z_]"),
                    "parameter type hints are Python 3; in 2.7: a # type: comment"),
            new Form(Pattern.compile("^\\s*(?!(?:else|try|finally|lambda|class|def|if|elif|while|for|with|except)\\b)"
                    + NAME + "(?:\\." + NAME + ")*\\s*:\\s*[A-Za-z_][A-Za-z0-9_.\\[\\], ]*(?:=.*)?$"),
                    "variable type hints are Python 3; in 2.7: a # type: comment"),
            new Form(Pattern.compile("^\\s*nonlocal\\s+" + NAME), "nonlocal is Python 3; in 2.7: a mutable holder, such as a one-item list"),
            new Form(Pattern.compile("\\byield\\s+from\\b"), "yield from is Python 3; in 2.7: for x in it: yield x"),
            new Form(Pattern.compile(NAME + "\\s*:=[^=]"), "the walrus operator := is Python 3.8"));

    private Python3Syntax() {
    }

    /**
     * @param line the source line a SyntaxError names
     * @return one line for the user, saying which Python 3 syntax it holds and that hotload runs 2.7; empty if none
     */
    static Optional<String> hint(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String code = codeOnly(line);
        for (Form form : FORMS) {
            if (form.pattern().matcher(code).find()) {
                return Optional.of("hotload runs Python 2.7 (Jython): " + form.what());
            }
        }
        return Optional.empty();
    }

    /**
     * @return the line with what its strings hold blanked (their quotes and prefixes stay) and without a trailing
     *     comment: a keyword inside a string, or a comment, is no syntax
     */
    private static String codeOnly(String line) {
        StringBuilder code = new StringBuilder(line.length());
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    code.append(' ');
                    i++;
                    c = ' ';
                } else if (c == quote) {
                    quote = 0;
                } else {
                    c = ' ';
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                break;
            }
            code.append(c);
        }
        return code.toString();
    }
}
