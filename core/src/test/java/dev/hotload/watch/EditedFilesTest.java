package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditedFilesTest {

    private static final Path ENTRY = Path.of("/src/main.py");

    @Test
    void areTheEntryAndTheFilesModifiedLastAtTheStart() {
        EditedFiles edited = new EditedFiles(List.of(ENTRY), List.of(file(1), file(2)));

        assertThat(edited.scope().paths()).containsExactlyInAnyOrder(ENTRY, file(1), file(2));
    }

    @Test
    void keepTheFilesSavedLastAndAlwaysTheEntry() {
        List<Path> newestFirst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            newestFirst.add(file(i));
        }
        EditedFiles edited = new EditedFiles(List.of(ENTRY), newestFirst);
        assertThat(edited.scope().paths()).hasSize(EditedFiles.RECENT + 1).contains(ENTRY, file(0))
                .doesNotContain(file(EditedFiles.RECENT));

        edited.saved(List.of(file(39)));

        // The file saved now comes in; the one modified longest ago of those kept goes.
        assertThat(edited.scope().paths()).hasSize(EditedFiles.RECENT + 1).contains(ENTRY, file(39), file(0))
                .doesNotContain(file(EditedFiles.RECENT - 1));
    }

    private static Path file(int n) {
        return Path.of("/src/data/file" + n + ".txt");
    }
}
