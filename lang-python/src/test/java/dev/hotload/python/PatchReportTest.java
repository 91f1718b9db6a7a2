package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotload.python.PatchReport.Replacement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The few words a patch adds to the status line. */
class PatchReportTest {

    @Test
    void countsWhatWasPatchedInTheSingularAndPlural() {
        assertThat(new PatchReport(2, 1, List.of()).words()).isEqualTo("patched in place (2 functions, 1 class)");
        assertThat(new PatchReport(1, 0, List.of()).words()).isEqualTo("patched in place (1 function)");
        assertThat(new PatchReport(0, 3, List.of()).words()).isEqualTo("patched in place (3 classes)");
    }

    @Test
    void namesWhatWasReplacedAndWhy() {
        PatchReport report = new PatchReport(1, 0, List.of(new Replacement("handler", "closure changed")));

        assertThat(report.words()).isEqualTo("patched in place (1 function; handler replaced: closure changed)");
    }

    @Test
    void whenNothingCouldBePatchedItIsAReloadThatSaysWhy() {
        PatchReport report = new PatchReport(0, 0, List.of(new Replacement("Greeter", "bases changed")));

        assertThat(report.words()).isEqualTo("reloaded (Greeter replaced: bases changed)");
    }

    @Test
    void manyReplacementsAreCountedRatherThanListedSoTheLineStaysOne() {
        List<Replacement> five = List.of(new Replacement("a", "closure changed"), new Replacement("b", "closure changed"),
                new Replacement("c", "closure changed"), new Replacement("d", "closure changed"),
                new Replacement("e", "closure changed"));

        assertThat(new PatchReport(2, 0, five).words()).isEqualTo("patched in place (2 functions; a replaced: closure"
                + " changed, b replaced: closure changed, c replaced: closure changed and 2 more)");
    }

    @Test
    void nothingPatchedSaysNothingAndReportsAdd() {
        assertThat(PatchReport.NONE.words()).isEmpty();
        assertThat(new PatchReport(1, 0, List.of()).plus(new PatchReport(1, 1, List.of())))
                .isEqualTo(new PatchReport(2, 1, List.of()));
    }

    @Test
    void aNameIsPrintedEscaped() {
        PatchReport report = new PatchReport(0, 1, List.of(new Replacement("Odd.na\nme", "closure changed")));

        assertThat(report.words()).doesNotContain("\n");
    }
}
