package dev.hotload.watch;

import java.io.File;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a {@code .gitignore} file, matched as git documents it (gitignore(5)): {@code #} comments and blank
 * lines; {@code !} re-includes; a trailing {@code /} matches folders only; a slash at the start or in the middle
 * anchors the pattern to the ignore file's folder, else it matches a name at any depth; {@code *} and {@code ?}
 * never match a slash, {@code [...]} is a class, {@code **} spans folders (leading {@code **}/, trailing /{@code **},
 * inner /{@code **}/); a backslash escapes. A pattern is matched against a path relative to its base folder, with
 * {@code /} between names.
 *
 * <p>Most patterns are a name ({@code *.log}, {@code dist}): those are matched on the name without a regular
 * expression, as every file of every scan is matched.
 */
final class IgnorePattern {

    private final boolean negated;
    private final boolean foldersOnly;
    /** Matches the name alone (no slash in the pattern), else the whole relative path. */
    private final boolean nameOnly;
    /** For a name pattern: the name itself, or what follows or precedes a single {@code *}; else null. */
    private final String literal;
    private final Kind kind;
    private final Pattern regex;
    /** For a regular expression: the longest run of plain characters it needs, looked for before it runs. */
    private final String needed;
    /** For a {@code *} and then a fixed number of characters: that number. */
    private final int tailLength;

    private enum Kind { EXACT, SUFFIX, PREFIX, TAIL, REGEX }

    private IgnorePattern(boolean negated, boolean foldersOnly, String glob) {
        this.negated = negated;
        this.foldersOnly = foldersOnly;
        this.nameOnly = glob.indexOf('/') < 0;
        if (nameOnly && !hasSpecial(glob)) {
            kind = Kind.EXACT;
            literal = glob;
        } else if (nameOnly && glob.startsWith("*") && !hasSpecial(glob.substring(1))) {
            kind = Kind.SUFFIX;
            literal = glob.substring(1);
        } else if (nameOnly && glob.endsWith("*") && !hasSpecial(glob.substring(0, glob.length() - 1))) {
            kind = Kind.PREFIX;
            literal = glob.substring(0, glob.length() - 1);
        } else if (nameOnly && glob.startsWith("*") && fixedLength(glob.substring(1)) > 0) {
            kind = Kind.TAIL; // "*.py[co]": only the name's last characters are matched, with no backtracking
            literal = null;
        } else {
            kind = Kind.REGEX;
            literal = null;
        }
        String body = kind == Kind.TAIL ? glob.substring(1) : glob.startsWith("/") ? glob.substring(1) : glob;
        regex = kind == Kind.REGEX || kind == Kind.TAIL ? Pattern.compile(toRegex(body)) : null;
        tailLength = kind == Kind.TAIL ? fixedLength(body) : 0;
        needed = kind == Kind.REGEX || kind == Kind.TAIL ? longestPlainRun(glob) : "";
    }

    /**
     * @param line a line of an ignore file, or an {@code --ignore} glob
     * @return its pattern; empty for a blank line or a comment
     */
    static Optional<IgnorePattern> parse(String line) {
        String text = trimTrailingSpaces(line);
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        boolean negated = text.startsWith("!");
        if (negated) {
            text = text.substring(1);
        } else if (text.startsWith("\\!") || text.startsWith("\\#")) {
            text = text.substring(1);
        }
        boolean foldersOnly = text.endsWith("/");
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return Optional.empty(); // "/" or "!": matches nothing in git either
        }
        return Optional.of(new IgnorePattern(negated, foldersOnly, text));
    }

    /** @return whether a later match of this pattern re-includes what an earlier one ignored */
    boolean isNegated() {
        return negated;
    }

    /**
     * @param folder whether the path is a folder
     * @return whether matching needs the path relative to the base, not just the name: else {@link #matches} may be
     *     given null for it, which spares working it out for every file
     */
    boolean needsPath(boolean folder) {
        return !nameOnly && (folder || !foldersOnly);
    }

    /** @return false if a path (absolute, or any that holds the relative one) cannot match: it lacks a plain part */
    boolean mayMatchWithin(String path) {
        return File.separatorChar != '/' || path.contains(needed); // elsewhere, the path's separators differ
    }

    /**
     * @param relative the path relative to the pattern's base folder, names separated by {@code /}
     * @param name the last name of {@code relative}
     * @param folder whether the path is a folder
     */
    boolean matches(String relative, String name, boolean folder) {
        if (foldersOnly && !folder) {
            return false;
        }
        return switch (kind) {
            case EXACT -> name.equals(literal);
            case SUFFIX -> name.endsWith(literal);
            case PREFIX -> name.startsWith(literal);
            case TAIL -> name.length() >= tailLength && name.contains(needed)
                    && regex.matcher(name).region(name.length() - tailLength, name.length()).matches();
            case REGEX -> {
                String subject = nameOnly ? name : relative;
                yield subject.contains(needed) && regex.matcher(subject).matches();
            }
        };
    }

    /**
     * @return how many characters a glob without {@code *} matches (a class or {@code ?} is one); 0 if it has a
     *     {@code *}, an escape, or an unclosed class
     */
    private static int fixedLength(String glob) {
        int length = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '\\') {
                return 0;
            }
            if (c == '[') {
                i = classEnd(glob, i);
                if (i < 0) {
                    return 0;
                }
            }
            length++;
        }
        return length;
    }

    /** @return the longest run of characters that stand for themselves, outside of any class */
    private static String longestPlainRun(String glob) {
        String longest = "";
        int start = 0;
        for (int i = 0; i <= glob.length(); i++) {
            char c = i < glob.length() ? glob.charAt(i) : '*';
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                if (i - start > longest.length()) {
                    longest = glob.substring(start, i);
                }
                if (c == '[' || c == '\\') {
                    return longest; // what follows may be a class or an escape: not plain for sure
                }
                start = i + 1;
            }
        }
        return longest.startsWith("/") ? longest.substring(1) : longest;
    }

    private static boolean hasSpecial(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Git trims trailing spaces unless a backslash escapes them. */
    private static String trimTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int length = glob.length();
        while (i < length) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < length && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/')
                    && (i + 2 == length || glob.charAt(i + 2) == '/')) {
                if (i + 2 == length) {
                    regex.append(".*"); // "a/**": everything inside a
                    i += 2;
                } else {
                    regex.append("(?:.*/)?"); // "**/b", "a/**/b": zero or more folders
                    i += 3;
                }
                continue;
            }
            switch (c) {
                case '*' -> {
                    while (i + 1 < length && glob.charAt(i + 1) == '*') {
                        i++; // any other "**" is a "*"
                    }
                    regex.append("[^/]*");
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = classEnd(glob, i);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!") || body.startsWith("^")) {
                            body = "^" + body.substring(1);
                        }
                        regex.append('[').append(body.replace("[", "\\[")).append(']'); // a backslash escapes in both
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < length) {
                        i++;
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return regex.toString();
    }

    /** @return where the class opened at {@code open} closes; a {@code ]} first in it is a member */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        int close = glob.indexOf(']', i);
        return close;
    }
}
