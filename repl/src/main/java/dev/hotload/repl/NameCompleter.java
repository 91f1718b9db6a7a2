package dev.hotload.repl;

import dev.hotload.spi.Namespace;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completes the name before the cursor with the names the program's namespace has. */
final class NameCompleter implements Completer {

    private final Namespace namespace;

    NameCompleter(Namespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String prefix = line.word().substring(0, line.wordCursor());
        if (prefix.isEmpty()) {
            return; // Tab at the start of a line indents, as in the language's own shell
        }
        for (String name : namespace.complete(prefix)) {
            int dot = name.lastIndexOf('.');
            // Shown by the last part, as a shell shows files by name: the owner is typed already.
            candidates.add(new Candidate(name, name.substring(dot + 1), null, null, null, null, false));
        }
    }
}
