package calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParserTest {

    @ParameterizedTest
    @CsvSource({"2 + 3, 5", "4 * 5, 20", "0 * 9, 0"})
    void evaluates(String expression, int expected) {
        assertEquals(expected, Parser.evaluate(expression));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> Parser.evaluate("2 +"));
    }
}
