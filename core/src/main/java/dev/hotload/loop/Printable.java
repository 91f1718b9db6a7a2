package dev.hotload.loop;

import dev.hotload.watch.PrintableName;
import java.util.Locale;

/**
 * Text of the user's files as hotload echoes it under an error: a source line, a compiler's message quoting a
 * character. A control character would print as nothing, or ring, or move the cursor (an escape sequence can
 * rewrite what the terminal shows), and one line of a binary or all-NUL file is thousands of characters long:
 * control characters are shown escaped ({@code \x00}), and a long line is cut.
 */
public final class Printable {

    /** About the most characters of one line that are shown, escapes included. */
    public static final int WIDTH = 160;

    private Printable() {
    }

    /**
     * A line as shown, and where a column of the original line is in it.
     *
     * @param text the line, escaped and cut
     * @param column where the original column is in {@code text}, from 0
     */
    public record Shown(String text, int column) {
    }

    /** @return each line of {@code text} escaped and cut; line ends and tabs are kept */
    public static String lines(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 4 * WIDTH));
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                shown.append(line(text.substring(start)));
                break;
            }
            shown.append(line(text.substring(start, end))).append('\n');
            start = end + 1;
        }
        return shown.toString();
    }

    /** @return {@code line} with its control characters escaped, cut after about {@link #WIDTH} characters */
    public static String line(String line) {
        return around(line, 0).text();
    }

    /**
     * @param column a column of {@code line}, from 0: a long line is shown around it
     * @return {@code line} with its control characters escaped, at most about {@link #WIDTH} characters of it
     */
    public static Shown around(String text, int column) {
        // A file saved with CRLF line ends: the CR is no part of what the line shows.
        String line = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        int at = Math.max(0, Math.min(column, line.length()));
        int from = line.length() <= WIDTH || at < WIDTH / 2 ? 0 : Math.min(at - WIDTH / 2, line.length() - WIDTH);
        StringBuilder shown = new StringBuilder();
        if (from > 0) {
            shown.append("...");
        }
        int shownColumn = -1;
        int i = from;
        // Escapes count: WIDTH is what the terminal shows.
        for (; i < line.length() && shown.length() < WIDTH; i++) {
            if (i == at) {
                shownColumn = shown.length();
            }
            escape(line.charAt(i), shown);
        }
        if (shownColumn < 0) {
            shownColumn = shown.length();
        }
        if (i < line.length()) {
            shown.append("... (").append(String.format(Locale.ROOT, "%,d", line.length())).append(" characters)");
        }
        return new Shown(shown.toString(), shownColumn);
    }

    /** As file names are escaped ({@link PrintableName}), but a tab is kept: the caret's line keeps it too. */
    private static void escape(char c, StringBuilder shown) {
        shown.append(c == '\t' ? "\t" : PrintableName.of(String.valueOf(c)));
    }
}
