package dev.hotload.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Output shown above the prompt a whole line at a time, whatever pieces it is written in. */
class AboveThePromptTest {

    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AboveThePrompt above = new AboveThePrompt(shown::add, StandardCharsets.UTF_8, timer);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aLineWrittenInPiecesShowsOnceWholeWithoutItsLineEnd() {
        above.write("hel".getBytes(StandardCharsets.UTF_8), 0, 3);
        above.write('l');
        above.write("o\r\nwor".getBytes(StandardCharsets.UTF_8), 0, 6);
        above.write("ld\n".getBytes(StandardCharsets.UTF_8), 0, 3);

        assertThat(shown).containsExactly("hello", "world");
    }

    @Test
    void manyLinesInOneWriteShowEachAndAnEmptyLineToo() {
        byte[] text = "a\n\nb\n".getBytes(StandardCharsets.UTF_8);
        above.write(text, 0, text.length);

        assertThat(shown).containsExactly("a", "", "b");
    }

    @Test
    void aLineLeftUnfinishedShowsAsItIsOnceTheWriterPauses() {
        byte[] text = "Password: ".getBytes(StandardCharsets.UTF_8);
        above.write(text, 0, text.length);
        assertThat(shown).isEmpty();

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> shown.contains("Password: "));
        byte[] rest = "x\n".getBytes(StandardCharsets.UTF_8);
        above.write(rest, 0, rest.length);
        assertThat(shown).containsExactly("Password: ", "x");
    }

    @Test
    void aCharacterOfSeveralBytesSplitAcrossWritesShowsWhole() {
        byte[] text = "café\n".getBytes(StandardCharsets.UTF_8);
        above.write(text, 0, 4); // "caf" and the first byte of é
        above.write(text, 4, text.length - 4);

        assertThat(shown).containsExactly("café");
    }
}
