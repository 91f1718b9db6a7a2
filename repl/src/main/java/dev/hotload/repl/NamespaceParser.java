package dev.hotload.repl;

import dev.hotload.spi.Namespace;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * How the line editor reads what is typed: Enter on an open block asks for another line (the language says which
 * input is complete), and the word completed at the cursor is the dotted name before it ({@code os.pa} in
 * {@code print(os.pa}), whatever the language's other syntax.
 */
final class NamespaceParser implements Parser {

    private final Namespace namespace;

    NamespaceParser(Namespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && namespace.check(line) == Namespace.Input.INCOMPLETE) {
            throw new EOFError(-1, -1, "more lines", "");
        }
        int start = nameStart(line, cursor);
        return new Parsed(line, cursor, line.substring(start, cursor));
    }

    /** @return where the dotted name that ends at {@code cursor} begins */
    static int nameStart(String line, int cursor) {
        int start = cursor;
        while (start > 0 && (Character.isJavaIdentifierPart(line.charAt(start - 1)) || line.charAt(start - 1) == '.')) {
            start--;
        }
        return start;
    }

    /** A line whose only word that matters is the name being typed, the cursor at its end. */
    private record Parsed(String line, int cursor, String word) implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate; // names need no quoting
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }

        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }
    }
}
