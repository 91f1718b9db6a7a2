package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user's text, echoed under an error, prints as text: no control characters, no line of thousands. */
class PrintableTest {

    @Test
    void controlCharactersAreEscapedAndTabsKept() {
        assertThat(Printable.line("a\u0000b\u001b[2Jc\td")).isEqualTo("a\\x00b\\x1b[2Jc\td");
    }

    @Test
    void aLongLineIsCutAndSaysHowLongItWas() {
        String shown = Printable.line("\u0000".repeat(10_000));

        assertThat(shown).isEqualTo("\\x00".repeat(Printable.WIDTH / 4) + "... (10,000 characters)");
    }

    @Test
    void aLongLineIsShownAroundTheColumnWithItsPlaceInTheShownText() {
        String line = "x".repeat(1_000) + "!" + "y".repeat(1_000);

        Printable.Shown shown = Printable.around(line, 1_000);

        assertThat(shown.text()).startsWith("...x").contains("!").endsWith("y... (2,001 characters)");
        assertThat(shown.text().charAt(shown.column())).isEqualTo('!');
        assertThat(shown.text().length()).isLessThan(Printable.WIDTH + 40);
    }

    @Test
    void theColumnMovesWithTheEscapesBeforeIt() {
        Printable.Shown shown = Printable.around("\u0000\u0000x", 2);

        assertThat(shown.text()).isEqualTo("\\x00\\x00x");
        assertThat(shown.column()).isEqualTo(8);
    }

    @Test
    void eachLineOfATextIsMadePrintableAndCrlfLineEndsShowNoCarriageReturn() {
        assertThat(Printable.lines("  File \"lib.py\", line 1\r\n    \u0007bell\r\n"))
                .isEqualTo("  File \"lib.py\", line 1\n    \\x07bell\n");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "Traceback (most recent call last):\n  File \"lib.py\", line 3\n\tcafé ünïcode ✓\n";

        assertThat(Printable.lines(text)).isEqualTo(text);
    }
}
