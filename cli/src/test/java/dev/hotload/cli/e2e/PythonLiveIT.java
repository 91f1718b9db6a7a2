package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live update of Python, as the issue tried it: a module registers {@code handler} once with a ticking thread
 * (kept with the NameError idiom), and a save of {@code handler} reaches the running ticker.
 */
class PythonLiveIT {

    /**
     * The ticks go to standard error, where hotload's status lines go too: one pipe, so their order is the order
     * they were written in, and "within one tick of the save" can be read off the lines.
     */
    private static final String TICKER = """
            import sys, threading, time

            def handler():
                return "tick v1"

            try:
                listeners
            except NameError:
                listeners = [handler]
                def tick():
                    while True:
                        for listener in listeners:
                            sys.stderr.write(listener() + "\\n")
                        time.sleep(0.05)
                ticker = threading.Thread(target=tick, name="ticker")
                ticker.daemon = True
                ticker.start()
            """;

    @TempDir
    Path dir;

    @Test
    void theRegisteredListenerRunsTheNewCodeWithinOneTickOfEachSave() throws Exception {
        Path app = write("app.py", TICKER);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "app.py")) {
            hotload.awaitErr("tick v1", START);

            write("app.py", TICKER.replace("tick v1", "tick v2")); // same size, in place
            assertThat(hotload.awaitErr("app.py changed", RELOAD)).contains("patched in place (1 function) in");
            assertThat(ticksUntil(hotload, "tick v2")).hasSizeLessThanOrEqualTo(1);

            Path temporary = write("app.py.tmp", TICKER.replace("tick v1", "tick v3"));
            Files.move(temporary, app, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            hotload.awaitErr("app.py changed, patched in place (1 function)", RELOAD);
            assertThat(ticksUntil(hotload, "tick v3")).hasSizeLessThanOrEqualTo(1);

            write("app.py", TICKER.replace("tick v1", "tick v4").stripTrailing()); // no final line end
            hotload.awaitErr("app.py changed, patched in place (1 function)", RELOAD);
            assertThat(ticksUntil(hotload, "tick v4")).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void withRestartTheTickerGoesOnRunningTheOldHandler() throws Exception {
        write("app.py", TICKER);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--restart", "app.py")) {
            hotload.awaitErr("tick v1", START);

            write("app.py", TICKER.replace("tick v1", "tick v2"));
            assertThat(hotload.awaitErr("app.py changed", RELOAD)).contains("reloaded in").doesNotContain("patched");

            // Today's behaviour: the new handler is registered nowhere, the old one still ticks.
            hotload.awaitErr("tick v1", RELOAD);
            hotload.awaitErr("tick v1", RELOAD);
            assertThat(hotload.stderrLines()).noneMatch(line -> line.contains("tick v2"));
        }
    }

    @Test
    void theExampleTickerPrintsTheNewTickAfterASave() throws Exception {
        Path example = HotloadProcess.home().resolve("examples/python/live/ticker.py");
        Path ticker = write("ticker.py", Files.readString(example));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "ticker.py")) {
            hotload.awaitOut("tick v1", START);

            write("ticker.py", Files.readString(ticker).replace("\"tick v1\"", "\"tick v2\""));

            hotload.awaitErr("ticker.py changed, patched in place (1 function)", RELOAD);
            hotload.awaitOut("tick v2", RELOAD);
        }
    }

    /**
     * @return the ticks of the old version written after the status line just awaited and before the first
     *     {@code wanted}: at most the one whose handler was called as the save was patched in
     */
    private static List<String> ticksUntil(HotloadProcess hotload, String wanted) throws InterruptedException {
        List<String> before = new ArrayList<>();
        for (String line = hotload.awaitErr("tick v", RELOAD); !line.contains(wanted);
                line = hotload.awaitErr("tick v", RELOAD)) {
            before.add(line);
        }
        return before;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
