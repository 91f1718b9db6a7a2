package dev.hotload.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrintableNameTest {

    @Test
    void aNameWithoutControlCharactersIsPrintedAsItIs() {
        String name = "Lib ü \\ 'x'.java";
        assertSame(name, PrintableName.of(name));
    }

    @Test
    void aNewlineCannotStartALineOfItsOwn() {
        assertEquals("x\\nhotload: forged.py", PrintableName.of(Path.of("x\nhotload: forged.py")));
    }

    @Test
    void everyControlCharacterIsEscapedVisibly() {
        assertEquals("a\\rb\\tc\\x1b[2Jd\\x00e\\x7ff\\x85g\\u2028h",
                PrintableName.of("a\rb\tc\u001b[2Jd\0e\u007ff\u0085g\u2028h"));
    }
}
