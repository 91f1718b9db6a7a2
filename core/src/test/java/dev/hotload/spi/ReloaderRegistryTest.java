package dev.hotload.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.spi.TestReloaders.Alpha;
import dev.hotload.spi.TestReloaders.AlphaExtensionTwin;
import dev.hotload.spi.TestReloaders.AlphaNameTwin;
import dev.hotload.spi.TestReloaders.Beta;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloaderRegistryTest {

    @TempDir
    Path classPathEntry;

    @Test
    void discoverFindsTheReloadersListedInServiceFiles() throws Exception {
        ReloaderRegistry registry = discoverListing(Beta.class, Alpha.class);

        assertThat(registry.names()).isEqualTo("alpha, beta");
        assertThat(registry.reloaders()).extracting(Object::getClass).containsExactly(Beta.class, Alpha.class);
    }

    @Test
    void discoverWithoutServicesFindsNothingAndSaysWhatToAdd() throws Exception {
        ReloaderRegistry registry = discoverListing();

        assertThat(registry.names()).isEqualTo("none");
        assertThatThrownBy(() -> registry.forEntry(Path.of("lib.py"), Optional.empty()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("no language is installed")
                .hasMessageContaining("dev.hotload.spi.Reloader service")
                .hasMessageContaining("on the class path");
    }

    @Test
    void discoverRejectsTwoReloadersClaimingOneExtension() {
        assertThatThrownBy(() -> discoverListing(Alpha.class, AlphaExtensionTwin.class))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("two reloaders claim the extension '.ALPHA': ")
                .hasMessageContaining(Alpha.class.getName())
                .hasMessageContaining(AlphaExtensionTwin.class.getName());
    }

    @Test
    void twoReloadersClaimingOneNameAreRejected() {
        assertThatThrownBy(() -> ReloaderRegistry.of(List.of(new Alpha(), new AlphaNameTwin())))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("two reloaders claim the name 'ALPHA': ")
                .hasMessageContaining(Alpha.class.getName())
                .hasMessageContaining(AlphaNameTwin.class.getName());
    }

    @Test
    void reloadersRegisteredByHandAreExactlyThose() throws Exception {
        Alpha alpha = new Alpha();

        ReloaderRegistry registry = ReloaderRegistry.of(List.of(alpha));

        assertThat(registry.reloaders()).containsExactly(alpha);
    }

    @Test
    void theEntrysExtensionPicksTheReloaderInAnyCase() throws Exception {
        ReloaderRegistry registry = ReloaderRegistry.of(List.of(new Alpha(), new Beta()));

        assertThat(registry.forEntry(Path.of("src/Main.ALPHA"), Optional.empty())).isInstanceOf(Alpha.class);
        assertThat(registry.forEntry(Path.of("notes.bt"), Optional.empty())).isInstanceOf(Beta.class);
    }

    @Test
    void theLanguageNamedByLangIsPickedWhateverTheExtension() throws Exception {
        ReloaderRegistry registry = ReloaderRegistry.of(List.of(new Alpha(), new Beta()));

        assertThat(registry.forEntry(Path.of("script"), Optional.of("Beta"))).isInstanceOf(Beta.class);
        assertThat(registry.forEntry(Path.of("main.alpha"), Optional.of("beta"))).isInstanceOf(Beta.class);
    }

    @Test
    void anUnknownExtensionNamesTheInstalledLanguagesAndSuggestsLang() throws Exception {
        ReloaderRegistry registry = ReloaderRegistry.of(List.of(new Beta(), new Alpha()));

        assertThatThrownBy(() -> registry.forEntry(Path.of("notes.xyz"), Optional.empty()))
                .isInstanceOf(LaunchException.class)
                .hasMessage("no language for 'notes.xyz'; installed: alpha (.alpha), beta (.beta, .bt); "
                        + "use --lang NAME to choose one");
    }

    @Test
    void theListingGivesEachLanguagesDescriptionVersionAndOrigin() throws Exception {
        ReloaderRegistry registry = ReloaderRegistry.of(List.of(new Beta(), new Alpha()));
        // The test reloaders come from a folder of classes, with no manifest: no version to tell.
        String origin = Alpha.class.getProtectionDomain().getCodeSource().getLocation().getPath();

        assertThat(registry.listing()).containsExactly(
                new Alpha().description() + " (no version, " + origin + ")",
                new Beta().description() + " (no version, " + origin + ")");
    }

    @Test
    void anUnknownLanguageNameListsTheInstalledOnes() throws Exception {
        ReloaderRegistry registry = ReloaderRegistry.of(List.of(new Beta(), new Alpha()));

        assertThatThrownBy(() -> registry.forEntry(Path.of("main.alpha"), Optional.of("ruby")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("no language named 'ruby' (installed: alpha, beta)");
    }

    /** Discovers through a class loader whose only service file is one this test writes. */
    private ReloaderRegistry discoverListing(Class<?>... providers) throws Exception {
        List<String> lines = new ArrayList<>(List.of("# reloaders for this test"));
        for (Class<?> provider : providers) {
            lines.add(provider.getName());
        }
        Path services = classPathEntry.resolve("META-INF/services/" + Reloader.class.getName());
        Files.createDirectories(services.getParent());
        Files.write(services, lines);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classPathEntry.toUri().toURL()},
                getClass().getClassLoader())) {
            return ReloaderRegistry.discover(loader);
        }
    }
}
