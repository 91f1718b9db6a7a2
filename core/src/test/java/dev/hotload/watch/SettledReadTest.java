package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settler's rule for what a run reads ({@link Settler#read}), on a {@link SteppedClock}: the next save's
 * steps are performed between the reader's looks, as a script saving every few milliseconds performs them
 * while a compile reads.
 */
class SettledReadTest {

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock();
    private final Settler settler = new Settler(clock);

    @Test
    void aFileReadBetweenTheTruncateAndTheWriteOfASaveIsReadOnceTheWriteIsDone() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "");
        clock.then(() -> Files.writeString(lib, "x = 2\n"));

        assertThat(new String(settler.read(lib, false, null).content())).isEqualTo("x = 2\n");
        assertThat(clock.isDone()).isTrue();
    }

    @Test
    void aFreshFileReadAsTheWatcherSettledOnItIsNotLookedAtAgain() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 2\n");
        FileSnapshot settled = FileSnapshot.of(lib, Files.readAttributes(lib, BasicFileAttributes.class),
                FileSnapshot.epochNanos());
        clock.then(() -> Files.writeString(lib, "x = 3\n"));

        assertThat(new String(settler.read(lib, false, settled).content())).isEqualTo("x = 2\n");
        assertThat(clock.isDone()).as("no pause: the next save's step never came").isFalse();
    }

    @Test
    void aFreshFileThatIsNotWhatTheWatcherSettledOnIsLookedAtAgain() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 2\n");
        FileSnapshot settled = FileSnapshot.of(lib, Files.readAttributes(lib, BasicFileAttributes.class),
                FileSnapshot.epochNanos());
        Files.writeString(lib, "x = 22\n");
        clock.then(() -> Files.writeString(lib, "x = 222\n"));

        assertThat(new String(settler.read(lib, false, settled).content())).isEqualTo("x = 222\n");
        assertThat(clock.isDone()).isTrue();
    }

    @Test
    void aFileGrowingWhileReadIsReadWhole() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 2\n");
        clock.then(() -> Files.writeString(lib, "print(x)\n", StandardOpenOption.APPEND))
                .then(() -> Files.writeString(lib, "print(x * 2)\n", StandardOpenOption.APPEND));

        assertThat(new String(settler.read(lib, false, null).content())).isEqualTo("x = 2\nprint(x)\nprint(x * 2)\n");
        assertThat(clock.isDone()).isTrue();
    }

    @Test
    void aFileSavedEmptyIsReadEmptyOnceItStayedSoForTheGapTime() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "");
        long start = clock.nanoTime();

        assertThat(settler.read(lib, false, null).content()).isEmpty();
        assertThat(clock.since(start)).isGreaterThanOrEqualTo(Settler.GAP_QUIET)
                .isLessThan(Settler.GAP_QUIET.plus(Duration.ofMillis(2)));
    }

    @Test
    void aFileARunReadContentFromIsWaitedForLongerWhenEmptied() throws Exception {
        // A script's in-place save on a busy disk: the truncate done, the write waiting 200 ms for the disk.
        Path lib = Files.writeString(dir.resolve("lib.py"), "");
        clock.after(Duration.ofMillis(200), () -> Files.writeString(lib, "x = 2\n"));

        assertThat(new String(settler.read(lib, true, null).content())).isEqualTo("x = 2\n");
    }

    @Test
    void aFileARunReadContentFromIsReadEmptyOnceItStayedSoForTheLongerGapTime() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "");
        long start = clock.nanoTime();

        assertThat(settler.read(lib, true, null).content()).isEmpty();
        assertThat(clock.since(start)).isGreaterThanOrEqualTo(Settler.EMPTIED_QUIET)
                .isLessThan(Settler.EMPTIED_QUIET.plus(Duration.ofMillis(2)));
    }

    @Test
    void aFileRenamedAwayAndWrittenAnewIsReadAnew() throws Exception {
        // vim: the original renamed to a backup, a new file written a few milliseconds later.
        Path lib = dir.resolve("lib.py");
        Files.move(Files.writeString(lib, "x = 1\n"), dir.resolve("lib.py~"));
        clock.after(Duration.ofMillis(15), () -> Files.writeString(lib, "x = 2\n"));

        assertThat(new String(settler.read(lib, false, null).content())).isEqualTo("x = 2\n");
    }

    @Test
    void aFileThatStaysMissingIsNoSuchFileAfterTheGapTime() {
        long start = clock.nanoTime();

        assertThatThrownBy(() -> settler.read(dir.resolve("gone.py"), false, null)).isInstanceOf(NoSuchFileException.class);
        assertThat(clock.since(start)).isGreaterThanOrEqualTo(Settler.GAP_QUIET);
    }

    @Test
    void aFileThatCannotBeReadFailsAtOnceSayingWhy() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("lib.py"));
        long start = clock.nanoTime();

        assertThatThrownBy(() -> settler.read(folder, false, null)).isInstanceOfSatisfying(IOException.class,
                error -> assertThat(SavedFiles.reason(error)).isEqualTo("is a directory"));
        assertThat(clock.since(start)).isZero();
    }

    @Test
    void aFileWithoutReadPermissionIsPermissionDenied() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("-w-------"));

        assertThatThrownBy(() -> settler.read(lib, false, null)).isInstanceOfSatisfying(AccessDeniedException.class,
                error -> assertThat(SavedFiles.reason(error)).isEqualTo("permission denied"));
    }
}
