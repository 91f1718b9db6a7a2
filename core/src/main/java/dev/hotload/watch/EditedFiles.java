package dev.hotload.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files the user is editing, as far as a watcher can tell: the entry, and the files saved most recently (at
 * the start, those modified most recently). Polling looks at these at the fast pace ({@link PollPace}).
 */
final class EditedFiles {

    /** How many recently saved files are kept, besides the entry: a few looks at files cost next to nothing. */
    static final int RECENT = 16;

    private final Set<Path> always;
    private final LinkedHashSet<Path> recent = new LinkedHashSet<>(); // the least recently saved first
    private Scope scope;

    /**
     * @param always files always among them: the entry
     * @param newestFirst the watched files modified most recently, the newest first
     */
    EditedFiles(Collection<Path> always, List<Path> newestFirst) {
        this.always = Set.copyOf(always);
        List<Path> oldestFirst = new ArrayList<>(newestFirst.subList(0, Math.min(RECENT, newestFirst.size())));
        Collections.reverse(oldestFirst);
        saved(oldestFirst);
    }

    /** Takes these files, in order, as the ones saved last. */
    void saved(Collection<Path> files) {
        for (Path file : files) {
            recent.remove(file);
            recent.add(file);
        }
        while (recent.size() > RECENT) {
            recent.remove(recent.iterator().next());
        }
        scope = null;
    }

    /** @return where the edited files are */
    Scope scope() {
        if (scope == null) {
            Set<Path> all = new LinkedHashSet<>(always);
            all.addAll(recent);
            scope = Scope.of(all);
        }
        return scope;
    }
}
