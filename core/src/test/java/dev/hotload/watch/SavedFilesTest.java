package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which changes a run has read already (the settler's rule 6), as the watcher asks before it reports one. */
class SavedFilesTest {

    private static final FileTime LAST_WEEK = FileTime.fromMillis(System.currentTimeMillis() - 7 * 24 * 3600_000L);

    @TempDir
    Path dir;

    private final SavedFiles savedFiles = new SavedFiles(new SteppedClock());

    @Test
    void aSaveARunReadIsNotRunAgainWhenTheWatcherSeesIt() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");
        savedFiles.readWhole(lib);

        assertThat(savedFiles.hasRun(lib, settled(lib))).isTrue();
    }

    @Test
    void aTouchOfUnchangedContentRunsAgain() throws Exception {
        Path lib = Files.setLastModifiedTime(Files.writeString(dir.resolve("lib.py"), "x = 1\n"), LAST_WEEK);
        savedFiles.readWhole(lib);
        Files.setLastModifiedTime(lib, FileTime.fromMillis(System.currentTimeMillis()));

        assertThat(savedFiles.hasRun(lib, settled(lib))).isFalse();
    }

    @Test
    void otherContentOfTheSameSizeWithTheTimeSetBackRuns() throws Exception {
        Path lib = Files.setLastModifiedTime(Files.writeString(dir.resolve("lib.py"), "x = 1\n"), LAST_WEEK);
        savedFiles.readWhole(lib);
        Files.setLastModifiedTime(Files.writeString(lib, "x = 2\n"), LAST_WEEK);

        assertThat(savedFiles.hasRun(lib, settled(lib))).isFalse();
    }

    @Test
    void theSameContentWithItsTimeSetBackAfterItRanDoesNotRunAgain() throws Exception {
        // cp -p writes, then sets the time: a run may have read the content in between.
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");
        savedFiles.readWhole(lib);
        Files.setLastModifiedTime(lib, LAST_WEEK);

        assertThat(savedFiles.hasRun(lib, settled(lib))).isTrue();
    }

    @Test
    void aChmodDoesNotRunButAFileMadeReadableAfterAFailedReadDoes() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");
        savedFiles.readWhole(lib);
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(savedFiles.hasRun(lib, settled(lib))).isTrue();

        Files.delete(lib);
        assertThatThrownBy(() -> savedFiles.readWhole(lib)).isInstanceOf(NoSuchFileException.class);
        Files.writeString(lib, "x = 1\n");
        assertThat(savedFiles.hasRun(lib, settled(lib))).isFalse();
    }

    @Test
    void aFileNoRunReadIsNotTakenForRun() throws Exception {
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");

        assertThat(savedFiles.hasRun(lib, settled(lib))).isFalse();
    }

    private static FileSnapshot settled(Path file) throws IOException {
        return FileSnapshot.of(file, Files.readAttributes(file, BasicFileAttributes.class), FileSnapshot.epochNanos());
    }
}
