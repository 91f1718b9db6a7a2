package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.watch.ChangeSet;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClearTerminalTest {

    @Test
    void writesTheAnsiSequenceThatClearsScreenAndScrollback() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(new BufferedOutputStream(bytes), false, StandardCharsets.UTF_8);
        ClearTerminal clear = new ClearTerminal(terminal);

        Outcome outcome = clear.run(ChangeSet.initial());

        assertThat(outcome).isEqualTo(Outcome.ok());
        // Cursor home, erase the screen, erase the scrollback; flushed, not left in the stream's buffer.
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b[H\u001b[2J\u001b[3J");
    }
}
