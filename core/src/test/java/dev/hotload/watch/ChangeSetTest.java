package dev.hotload.watch;

import static dev.hotload.watch.FileChange.Kind.CREATE;
import static dev.hotload.watch.FileChange.Kind.DELETE;
import static dev.hotload.watch.FileChange.Kind.MODIFY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

    private final Path dir = Path.of("").toAbsolutePath();

    @Test
    void changesAreInPathOrder() {
        ChangeSet changes = new ChangeSet(List.of(change("b.py", MODIFY), change("a.py", CREATE)), false);

        assertThat(changes.changes()).containsExactly(change("a.py", CREATE), change("b.py", MODIFY));
    }

    @Test
    void presentPathsLeaveOutDeletedFiles() {
        ChangeSet changes = new ChangeSet(
                List.of(change("a.py", CREATE), change("b.py", DELETE), change("c.py", MODIFY)), false);

        assertThat(changes.presentPaths()).containsExactly(dir.resolve("a.py"), dir.resolve("c.py"));
    }

    @Test
    void containsAcceptsRelativePaths() {
        ChangeSet changes = new ChangeSet(List.of(change("lib.py", MODIFY)), false);

        assertThat(changes.contains(Path.of("lib.py"))).isTrue();
        assertThat(changes.contains(Path.of("pkg/../lib.py"))).isTrue();
        assertThat(changes.contains(Path.of("other.py"))).isFalse();
    }

    @Test
    void theFirstRunIsNotEmptyButNoneIs() {
        assertThat(ChangeSet.initial().isEmpty()).isFalse();
        assertThat(ChangeSet.none().isEmpty()).isTrue();
    }

    @Test
    void aRunAskedForIsNotEmptyAndStaysAskedForWhenSavesJoinIt() {
        ChangeSet save = new ChangeSet(List.of(change("lib.py", MODIFY)), false);

        assertThat(ChangeSet.requestedRun().isEmpty()).isFalse();
        assertThat(save.plus(ChangeSet.requestedRun())).satisfies(both -> {
            assertThat(both.requested()).isTrue();
            assertThat(both.changes()).isEqualTo(save.changes());
            assertThat(both).hasToString("(requested run) lib.py (MODIFY)");
        });
        assertThat(save.requested()).isFalse();
    }

    @Test
    void savesJoinedAreNoticedWhenTheFirstWas() {
        ChangeSet first = new ChangeSet(List.of(change("a.py", MODIFY)), false).noticedAt(100);
        ChangeSet later = new ChangeSet(List.of(change("b.py", MODIFY)), false).noticedAt(250);

        assertThat(first.plus(later).noticed()).hasValue(100);
        assertThat(later.plus(first).noticed()).hasValue(100);
        assertThat(ChangeSet.requestedRun().plus(later).noticed()).hasValue(250);
        assertThat(ChangeSet.initial().noticed()).isEmpty();
    }

    @Test
    void readsAsFileNamesAndWhatHappened() {
        ChangeSet changes = new ChangeSet(List.of(change("lib.py", MODIFY), change("old.py", DELETE)), false);

        assertThat(changes).hasToString("lib.py (MODIFY), old.py (DELETE)");
        assertThat(ChangeSet.initial()).hasToString("(first run)");
    }

    private FileChange change(String name, FileChange.Kind kind) {
        return new FileChange(dir.resolve(name), kind);
    }
}
