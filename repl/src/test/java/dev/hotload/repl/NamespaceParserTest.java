package dev.hotload.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.spi.Namespace;
import java.util.List;
import java.util.OptionalInt;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** Enter on an open block asks for more; the word completed is the dotted name before the cursor. */
class NamespaceParserTest {

    /** A language whose input is complete once its parentheses are closed. */
    private final Namespace parentheses = new Namespace() {
        @Override
        public Prompts prompts() {
            return new Prompts("> ", ". ");
        }

        @Override
        public Input check(String source) {
            return source.chars().filter(c -> c == '(').count() > source.chars().filter(c -> c == ')').count()
                    ? Input.INCOMPLETE : Input.COMPLETE;
        }

        @Override
        public OptionalInt evaluate(String source) {
            return OptionalInt.empty();
        }

        @Override
        public List<String> complete(String prefix) {
            return List.of();
        }
    };

    private final NamespaceParser parser = new NamespaceParser(parentheses);

    @Test
    void enterOnAnIncompleteInputAsksForAnotherLineAndOnACompleteOneAcceptsIt() {
        assertThatThrownBy(() -> parser.parse("print(1,", 8, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThat(parser.parse("print(1,\n2)", 11, ParseContext.ACCEPT_LINE).line()).isEqualTo("print(1,\n2)");
        // Completing inside an open block is no reason to ask for a line.
        assertThat(parser.parse("print(os.pa", 11, ParseContext.COMPLETE).word()).isEqualTo("os.pa");
    }

    @Test
    void theWordIsTheDottedNameEndingAtTheCursorWhateverSurroundsIt() {
        ParsedLine line = parser.parse("x = len(os.path.jo) + 1", 18, ParseContext.COMPLETE);

        assertThat(line.word()).isEqualTo("os.path.jo");
        assertThat(line.wordCursor()).isEqualTo(10);
        assertThat(parser.parse("a + ", 4, ParseContext.COMPLETE).word()).isEmpty();
        assertThat(parser.parse("Lib.$x", 6, ParseContext.COMPLETE).word()).isEqualTo("Lib.$x");
    }
}
