package dev.hotload.loop;

import static dev.hotload.watch.FileChange.Kind.DELETE;
import static dev.hotload.watch.FileChange.Kind.MODIFY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StatusLine statusLine = new StatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void aRunOfTestsSaysHowManyPassedOrHowManyFailed() {
        statusLine.ran(ChangeSet.initial(), Outcome.ok().withUpdate("8 tests passed"), Duration.ofMillis(2900));
        statusLine.ran(changed("Calc.java"), Outcome.testsFailed("6 tests, 2 failed"), Duration.ofMillis(205));
        statusLine.ran(changed("Calc.java"), Outcome.ok().withUpdate("6 tests passed"), Duration.ofMillis(71));

        assertThat(lines()).containsExactly("hotload: started; 8 tests passed in 2.9 s",
                "hotload: Calc.java changed, 6 tests, 2 failed, in 205 ms; waiting for the next save",
                "hotload: Calc.java changed, 6 tests passed in 71 ms");
    }

    @Test
    void theFirstRunSaysWhatItsTimeMeasures() {
        statusLine.ran(ChangeSet.initial(), Outcome.ok(), Duration.ofMillis(37));

        assertThat(lines()).containsExactly("hotload: started; the first run took 37 ms");
    }

    @Test
    void theFirstRunCountsFromTheCommandWhenItsStartIsKnown() {
        // A first start that built hotload for a minute: the user waited that long, not the run's 41 ms.
        Instant command = Instant.parse("2026-12-05T14:00:00Z");
        StatusLine launched = statusLine.launchedAt(command, () -> command.plusMillis(65_300));

        launched.ran(ChangeSet.initial(), Outcome.ok(), Duration.ofMillis(41));

        assertThat(lines()).containsExactly("hotload: started 65.3 s after the command; the first run took 41 ms");
    }

    @Test
    void aFirstRunThatFailsOrExitsSaysSo() {
        statusLine.ran(ChangeSet.initial(), Outcome.failed("SyntaxError"), Duration.ofMillis(37));
        statusLine.ran(ChangeSet.initial(), Outcome.exited(3), Duration.ofMillis(37));

        assertThat(lines()).containsExactly(
                "hotload: first run failed in 37 ms (SyntaxError); waiting for the next save",
                "hotload: first run exited with status 3 in 37 ms");
    }

    @Test
    void aSingleRunThatExitsSaysTheProgramDid() {
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        StatusLine single = StatusLine.once(new PrintStream(once, true, StandardCharsets.UTF_8));

        single.ran(ChangeSet.initial(), Outcome.exited(3), Duration.ofMillis(37));

        assertThat(once.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "hotload: the program exited with status 3 in 37 ms");
    }

    @Test
    void aSingleRunPromisesNoNextSave() {
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        StatusLine single = StatusLine.once(new PrintStream(once, true, StandardCharsets.UTF_8));

        single.ran(ChangeSet.initial(), Outcome.ok(), Duration.ofMillis(37));
        single.ran(ChangeSet.initial(), Outcome.failed("SyntaxError"), Duration.ofMillis(37));

        assertThat(once.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "hotload: ran in 37 ms",
                "hotload: the program failed in 37 ms (SyntaxError)");
    }

    @Test
    void aNameWithANewlineCannotForgeALineOfHotloads() {
        statusLine.ran(changed("x\nhotload: forged.py"), Outcome.ok(), Duration.ofMillis(5));
        statusLine.say("watching /tmp/a\rb");

        assertThat(lines()).containsExactly(
                "hotload: x\\nhotload: forged.py changed, reloaded in 5.0 ms",
                "hotload: watching /tmp/a\\rb");
    }

    @Test
    void aReloadNamesTheChangedFile() {
        statusLine.ran(changed("lib.py"), Outcome.ok(), Duration.ofNanos(4_200_000));

        assertThat(lines()).containsExactly("hotload: lib.py changed, reloaded in 4.2 ms");
    }

    @Test
    void aRunTheUserAskedForSaysSoAndThatTheProgramStartedAgain() {
        statusLine.ran(ChangeSet.requestedRun(), Outcome.ok(), Duration.ofMillis(15));
        statusLine.ran(ChangeSet.requestedRun().plus(changed("lib.py")), Outcome.failed("NameError"), Duration.ofMillis(3));

        assertThat(lines()).containsExactly(
                "hotload: rerun on request, restarted in 15 ms",
                "hotload: rerun on request (lib.py changed), failed in 3.0 ms (NameError); waiting for the next save");
    }

    @Test
    void anUpdateInPlaceSaysSoInsteadOfReloaded() {
        statusLine.ran(changed("Lib.java"), Outcome.ok().withUpdate("redefined 3 classes in place"),
                Duration.ofNanos(4_200_000));

        assertThat(lines()).containsExactly("hotload: Lib.java changed, redefined 3 classes in place in 4.2 ms");
    }

    @Test
    void aRunThatFailsAfterAnUpdateSaysBoth() {
        statusLine.ran(changed("app.py"), Outcome.failed("NameError").withUpdate("patched in place (1 function)"),
                Duration.ofMillis(12));

        assertThat(lines()).containsExactly("hotload: app.py changed, patched in place (1 function), then failed in"
                + " 12 ms (NameError); waiting for the next save");
    }

    @Test
    void aFailedRunSaysWhyAndThatItWaitsForTheNextSave() {
        statusLine.ran(changed("lib.py"), Outcome.failed("NameError"), Duration.ofMillis(1300));

        assertThat(lines()).containsExactly(
                "hotload: lib.py changed, failed in 1.3 s (NameError); waiting for the next save");
    }

    @Test
    void aCompileErrorShowsTheCompilersReportBeforeTheStatusLine() {
        statusLine.ran(changed("Lib.java"), Outcome.invalid("compile error", "Lib.java:3: error: ';' expected\n1 error"),
                Duration.ofMillis(12));

        assertThat(lines()).containsExactly("Lib.java:3: error: ';' expected", "1 error",
                "hotload: Lib.java changed, failed in 12 ms (compile error); waiting for the next save");
    }

    @Test
    void aFailedRunWithoutDetailSaysNoParentheses() {
        statusLine.ran(changed("lib.py"), Outcome.failed(""), Duration.ofMillis(37));

        assertThat(lines()).containsExactly("hotload: lib.py changed, failed in 37 ms; waiting for the next save");
    }

    @Test
    void anExitedRunGivesItsStatus() {
        statusLine.ran(changed("lib.py"), Outcome.exited(3), Duration.ofMillis(37));

        assertThat(lines()).containsExactly("hotload: lib.py changed, exited with status 3 in 37 ms");
    }

    @Test
    void aCommandThatExitsNonZeroIsNamed() {
        Outcome command = Outcome.exited(2).from("command 'make test'");

        statusLine.ran(changed("a.c"), command, Duration.ofMillis(1200));
        statusLine.ran(ChangeSet.initial(), command, Duration.ofMillis(37));
        statusLine.ran(changed("lib.py"), command.withUpdate("patched in place (1 function)"), Duration.ofMillis(37));

        assertThat(lines()).containsExactly(
                "hotload: a.c changed, command 'make test' exited with status 2 in 1.2 s",
                "hotload: first run, command 'make test' exited with status 2 in 37 ms",
                "hotload: lib.py changed, patched in place (1 function), then command 'make test' exited with status 2"
                        + " in 37 ms");
    }

    @Test
    void aSingleRunOfCommandsNamesTheOneThatFailed() {
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        StatusLine single = StatusLine.once(new PrintStream(once, true, StandardCharsets.UTF_8)).runningCommands();

        single.ran(ChangeSet.initial(), Outcome.exited(4).from("command 'exit 4'"), Duration.ofMillis(37));
        single.ran(ChangeSet.initial(), Outcome.ok(), Duration.ofMillis(37));

        assertThat(once.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "hotload: command 'exit 4' exited with status 4 in 37 ms",
                "hotload: ran in 37 ms");
    }

    @Test
    void commandsAloneRanRatherThanReloaded() {
        StatusLine commands = statusLine.runningCommands();

        commands.ran(ChangeSet.initial(), Outcome.ok(), Duration.ofMillis(37));
        commands.ran(changed("a.c"), Outcome.ok(), Duration.ofMillis(1200));

        assertThat(lines()).containsExactly("hotload: started; the first run took 37 ms",
                "hotload: a.c changed, ran in 1.2 s");
    }

    @Test
    void deletedFilesAreSaidDeleted() {
        ChangeSet changes = new ChangeSet(List.of(new FileChange(Path.of("old.py").toAbsolutePath(), DELETE)), false);

        statusLine.ran(changes, Outcome.ok(), Duration.ofMillis(37));

        assertThat(lines()).containsExactly("hotload: old.py deleted, reloaded in 37 ms");
    }

    @Test
    void deletedFilesAmongChangedOnesAreMarked() {
        ChangeSet changes = new ChangeSet(List.of(new FileChange(Path.of("a.py").toAbsolutePath(), MODIFY),
                new FileChange(Path.of("old.py").toAbsolutePath(), DELETE)), false);

        statusLine.ran(changes, Outcome.ok(), Duration.ofMillis(37));

        assertThat(lines()).containsExactly("hotload: a.py, old.py (deleted) changed, reloaded in 37 ms");
    }

    @Test
    void aDeletedEntryIsAWaitNotAFailure() {
        ChangeSet changes = new ChangeSet(List.of(new FileChange(Path.of("del.py").toAbsolutePath(), DELETE)), false);

        statusLine.ran(changes, Outcome.entryDeleted(), Duration.ofMillis(3));
        statusLine.ran(changed("lib.py"), Outcome.entryDeleted(), Duration.ofMillis(3));

        assertThat(lines()).containsExactly("hotload: del.py deleted; waiting for it to come back",
                "hotload: lib.py changed; waiting for the entry to come back");
    }

    @Test
    void namesThreeFilesAndCountsTheRest() {
        statusLine.ran(changed("e.py", "d.py", "c.py", "b.py", "a.py"), Outcome.ok(), Duration.ofMillis(37));

        assertThat(lines()).containsExactly("hotload: a.py, b.py, c.py and 2 more changed, reloaded in 37 ms");
    }

    @Test
    void durationsReadAsPeopleReadThem() {
        assertThat(StatusLine.format(Duration.ofNanos(4_200_000))).isEqualTo("4.2 ms");
        assertThat(StatusLine.format(Duration.ofNanos(37_400_000))).isEqualTo("37 ms");
        assertThat(StatusLine.format(Duration.ofMillis(1300))).isEqualTo("1.3 s");
    }

    @Test
    void durationsJustUnderABoundaryRoundUpToTheNextStyle() {
        assertThat(StatusLine.format(Duration.ofNanos(9_960_000))).isEqualTo("10 ms");
        assertThat(StatusLine.format(Duration.ofNanos(999_600_000))).isEqualTo("1.0 s");
    }

    @Test
    void aFailedStepIsNamedAndItsTracePrinted() {
        IllegalStateException error = new IllegalStateException("boom");

        statusLine.failed(Step.of("reload lib.py", () -> { }), error);

        assertThat(lines()).first().isEqualTo("hotload: reload lib.py failed: java.lang.IllegalStateException: boom");
        assertThat(lines()).contains("java.lang.IllegalStateException: boom");
    }

    @Test
    void ownMessagesArePrefixed() {
        statusLine.say("watching 3 files");

        assertThat(lines()).containsExactly("hotload: watching 3 files");
    }

    private static ChangeSet changed(String... names) {
        return new ChangeSet(Arrays.stream(names)
                .map(name -> new FileChange(Path.of(name).toAbsolutePath(), MODIFY))
                .toList(), false);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
