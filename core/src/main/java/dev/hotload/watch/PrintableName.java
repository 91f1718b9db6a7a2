package dev.hotload.watch;

import java.nio.file.Path;

/**
 * A file name as hotload prints it: control characters escaped ({@code \n}, {@code \t}, {@code \x1b}), so that a
 * name can never end hotload's line early, forge a line that looks like one of hotload's, or move the terminal's
 * cursor. The one place where hotload's messages make names safe to print; everything else is printed as it is.
 */
public final class PrintableName {

    private PrintableName() {
    }

    /** @return the path, or file name, as messages show it */
    public static String of(Path path) {
        return of(String.valueOf(path));
    }

    /** @return {@code text} with its control characters escaped; the same string if it has none */
    public static String of(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (c < 0x100) {
                escaped.append(String.format("\\x%02x", (int) c));
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0 and C1 controls, DEL, and the two Unicode line breaks, which some terminals and viewers honour. */
    private static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
