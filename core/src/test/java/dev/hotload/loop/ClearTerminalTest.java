package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.watch.ChangeSet;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClearTerminalTest {

    private static final String HOME_AND_ERASE_SCREEN = "\u001b[H\u001b[2J";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(new BufferedOutputStream(bytes), false, StandardCharsets.UTF_8);
    private final ClearTerminal clear = new ClearTerminal(terminal);

    @Test
    void clearsTheScreenButNotTheScrollback() {
        Outcome outcome = clear.run(ChangeSet.initial());

        assertThat(outcome).isEqualTo(Outcome.ok());
        // Cursor home, erase the screen; flushed, not left in the stream's buffer. No \e[3J: the user's
        // scrollback (what they ran before hotload, earlier runs) is theirs.
        assertThat(written()).isEqualTo(HOME_AND_ERASE_SCREEN);
    }

    @Test
    void theRunAfterAClearNowKeepsWhatWasPrintedInBetweenAndLaterRunsClearAgain() {
        clear.clearNow();
        terminal.print("hotload: watching\n");
        clear.run(ChangeSet.initial());
        terminal.print("first run\n");
        clear.run(ChangeSet.initial());
        terminal.flush();

        assertThat(written()).isEqualTo(HOME_AND_ERASE_SCREEN + "hotload: watching\nfirst run\n" + HOME_AND_ERASE_SCREEN);
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
