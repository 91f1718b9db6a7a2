package dev.hotload.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.watch.WatchSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReloaderTest {

    @Test
    void byDefaultTheEntrysFolderTreeIsWatchedForTheReloadersExtensions() {
        Launch launch = Launch.of(Path.of("project/src/main.beta")).build();

        WatchSet watchSet = new TestReloaders.Beta().defaultWatchSet(launch);

        assertThat(watchSet.folders()).containsExactly(Path.of("project/src").toAbsolutePath());
        assertThat(watchSet.extensions()).containsExactlyInAnyOrder(".beta", ".bt");
        assertThat(watchSet.files()).isEmpty();
    }

    @Test
    void theDefaultDescriptionIsTheNameTheSortedExtensionsAndTheClass() {
        assertThat(new TestReloaders.Beta().description()).isEqualTo("beta (.beta, .bt): " + TestReloaders.Beta.class.getName());
    }
}
