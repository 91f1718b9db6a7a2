package dev.hotload.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Python tracebacks as Python 3 prints them: a frame repeated by recursion is shown three times, then counted
 * ({@code [Previous line repeated 996 more times]}), instead of a thousand times. The Java frames Jython prints
 * under a Java exception end where hotload's begin, as in {@link dev.hotload.loop.StackTraces}.
 */
final class Tracebacks {

    private static final int SHOWN = 3;
    private static final String JAVA_FRAME = "\tat ";
    private static final String OWN_FRAME = "\tat dev.hotload.";

    private Tracebacks() {
    }

    /** @return {@code traceback} with each run of identical frames beyond the third counted in one line */
    static String collapse(String traceback) {
        List<String> lines = withoutHotloadsFrames(traceback.lines().toList());
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

    /** @return the lines, each run of Java frames cut where it enters hotload, unless it starts there */
    private static List<String> withoutHotloadsFrames(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean cut = line.startsWith(OWN_FRAME) && i > 0 && lines.get(i - 1).startsWith(JAVA_FRAME);
            if (!cut) {
                kept.add(line);
                i++;
                continue;
            }
            int hidden = 0;
            while (i < lines.size() && lines.get(i).startsWith(JAVA_FRAME)) {
                hidden++;
                i++;
            }
            kept.add("\t... " + hidden + " frames of hotload and the JVM");
        }
        return kept;
    }

    private static void summarize(StringBuilder collapsed, int repeats) {
        if (repeats > SHOWN) {
            collapsed.append("  [Previous line repeated ").append(repeats - SHOWN).append(" more times]\n");
        }
    }
}
