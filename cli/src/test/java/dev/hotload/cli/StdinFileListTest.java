package dev.hotload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdinFileListTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Path base = Path.of("/work/project");
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

    @Test
    void namesAreResolvedAgainstTheWorkingFolderAndBlankLinesSkipped() throws Exception {
        var in = new ByteArrayInputStream("./lib.py\n\n  sub/my math.py  \n/abs/x.py\n".getBytes(StandardCharsets.UTF_8));
        assertThat(StdinFileList.read(in, base, new PrintStream(messages)))
                .containsExactly(base.resolve("lib.py"), base.resolve("sub/my math.py"), Path.of("/abs/x.py"));
        assertThat(messages.toString()).isEmpty();
    }

    @Test
    void aUserWhoPipedNothingIsToldWhatHotloadWaitsFor() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(writer);
        Thread late = new Thread(() -> {
            try {
                // Ends input only once the hint is out: the test waits on the hint, not on a clock.
                await().atMost(DEADLINE).pollInterval(Duration.ofMillis(1)).until(() -> messages.size() > 0);
                writer.write("lib.py\n".getBytes(StandardCharsets.UTF_8));
                writer.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();

        List<Path> files = StdinFileList.read(in, base, new PrintStream(messages, true), Duration.ofMillis(1));

        assertThat(files).containsExactly(base.resolve("lib.py"));
        assertThat(messages.toString()).contains("standard input").contains("--watch");
        late.join(DEADLINE.toMillis());
    }
}
