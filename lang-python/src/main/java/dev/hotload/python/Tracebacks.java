package dev.hotload.python;

import java.util.List;
import java.util.Objects;

/**
 * Python tracebacks as Python 3 prints them: a frame repeated by recursion is shown three times, then counted
 * ({@code [Previous line repeated 996 more times]}), instead of a thousand times.
 */
final class Tracebacks {

    private static final int SHOWN = 3;

    private Tracebacks() {
    }

    /** @return {@code traceback} with each run of identical frames beyond the third counted in one line */
    static String collapse(String traceback) {
        List<String> lines = traceback.lines().toList();
        StringBuilder collapsed = new StringBuilder();
        String previous = null;
        int repeats = 0;
        int i = 0;
        while (i < lines.size()) {
            // A frame is its "  File ..." line and, if there is one, the source line under it.
            boolean isFrame = lines.get(i).startsWith("  File ");
            int length = isFrame && i + 1 < lines.size() && lines.get(i + 1).startsWith("    ") ? 2 : 1;
            String entry = String.join("\n", lines.subList(i, i + length)) + "\n";
            if (isFrame && Objects.equals(entry, previous)) {
                repeats++;
            } else {
                summarize(collapsed, repeats);
                previous = isFrame ? entry : null;
                repeats = 1;
            }
            if (repeats <= SHOWN) {
                collapsed.append(entry);
            }
            i += length;
        }
        summarize(collapsed, repeats);
        return collapsed.toString();
    }

    private static void summarize(StringBuilder collapsed, int repeats) {
        if (repeats > SHOWN) {
            collapsed.append("  [Previous line repeated ").append(repeats - SHOWN).append(" more times]\n");
        }
    }
}
