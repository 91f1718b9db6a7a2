package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeTimeTest {

    @TempDir
    Path dir;

    @Test
    void isTheInodeChangeTimeTheSystemKeeps() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"), "no inode change time here");
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");

        long expected = ((FileTime) Files.getAttribute(lib, "unix:ctime")).to(TimeUnit.NANOSECONDS);
        assertThat(ChangeTime.nanos(lib, Files.readAttributes(lib, BasicFileAttributes.class))).isEqualTo(expected);
    }

    @Test
    void movesWhenTheModificationTimeIsSetBack() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"), "no inode change time here");
        Path lib = Files.writeString(dir.resolve("lib.py"), "x = 1\n");
        FileTime modified = Files.getLastModifiedTime(lib);
        long before = ChangeTime.nanos(lib, Files.readAttributes(lib, BasicFileAttributes.class));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long after = before;
        // The system stamps from a coarse clock: saved again until its next tick, as a later save would be.
        while (after == before && System.nanoTime() < deadline) {
            Files.setLastModifiedTime(Files.writeString(lib, "x = 2\n"), modified);
            after = ChangeTime.nanos(lib, Files.readAttributes(lib, BasicFileAttributes.class));
        }

        assertThat(Files.getLastModifiedTime(lib)).isEqualTo(modified);
        assertThat(after).isGreaterThan(before);
    }
}
