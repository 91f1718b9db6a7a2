package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A loop's verdict on a run of steps, and what an update in place adds to it. */
class OutcomeTest {

    @Test
    void theFirstOutcomeThatIsNotOkIsTheVerdict() {
        assertThat(Outcome.ok().then(Outcome.failed("NameError"))).isEqualTo(Outcome.failed("NameError"));
        assertThat(Outcome.failed("NameError").then(Outcome.exited(3))).isEqualTo(Outcome.failed("NameError"));
    }

    @Test
    void aStepsUpdateInPlaceIsKeptByTheVerdictOfTheStepsAfterIt() {
        Outcome patched = Outcome.ok().withUpdate("patched in place (1 function)");

        assertThat(patched.then(Outcome.ok())).isEqualTo(patched);
        assertThat(patched.then(Outcome.failed("ValueError")))
                .isEqualTo(Outcome.failed("ValueError").withUpdate("patched in place (1 function)"));
        assertThat(patched.then(Outcome.ok().withUpdate("patched in place (1 class)")))
                .isEqualTo(Outcome.ok().withUpdate("patched in place (1 function), patched in place (1 class)"));
    }
}
