package dev.hotload.python;

import dev.hotload.watch.PrintableName;
import java.util.ArrayList;
import java.util.List;

/**
 * What patching a module in place did: how many of the old functions and classes now run the new code, and which
 * could not be patched, so the new object replaced the old under its name.
 *
 * @param functions module-level functions patched in place
 * @param classes classes patched in place
 * @param replaced what was replaced rather than patched, in the order found
 */
public record PatchReport(int functions, int classes, List<Replacement> replaced) {

    /**
     * A function or class the new version defines but that could not be patched: the new object is under its name.
     *
     * @param name its name in the module, {@code handler} or {@code Greeter.greet}
     * @param why a few words, {@code closure changed}
     */
    public record Replacement(String name, String why) {

        @Override
        public String toString() {
            return PrintableName.of(name) + " replaced: " + why;
        }
    }

    /** Nothing patched, nothing replaced: a plain reload. */
    public static final PatchReport NONE = new PatchReport(0, 0, List.of());

    /** A status line is one line: past this many, the replaced names are counted, not listed. */
    private static final int NAMED = 3;

    public PatchReport {
        replaced = List.copyOf(replaced);
    }

    /** @return whether nothing was patched or replaced */
    public boolean isEmpty() {
        return functions == 0 && classes == 0 && replaced.isEmpty();
    }

    /** @return the sum of this and {@code other}: the entry's and its imports' reports in one status line */
    public PatchReport plus(PatchReport other) {
        List<Replacement> both = new ArrayList<>(replaced);
        both.addAll(other.replaced);
        return new PatchReport(functions + other.functions, classes + other.classes, both);
    }

    /**
     * @return the few words the status line says in place of {@code reloaded}: {@code patched in place (2 functions,
     *     1 class)}, {@code patched in place (1 function; handler replaced: closure changed)}; empty when this is
     *     {@link #isEmpty()}
     */
    public String words() {
        if (isEmpty()) {
            return "";
        }
        List<String> counts = new ArrayList<>();
        if (functions > 0) {
            counts.add(functions + (functions == 1 ? " function" : " functions"));
        }
        if (classes > 0) {
            counts.add(classes + (classes == 1 ? " class" : " classes"));
        }
        if (counts.isEmpty()) {
            return "reloaded (" + replacedWords() + ")"; // nothing could be patched: a plain reload, and why
        }
        return "patched in place (" + String.join(", ", counts) + (replaced.isEmpty() ? "" : "; " + replacedWords())
                + ")";
    }

    private String replacedWords() {
        List<String> named = replaced.stream().limit(NAMED).map(Replacement::toString).toList();
        int more = replaced.size() - named.size();
        return String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
    }
}
