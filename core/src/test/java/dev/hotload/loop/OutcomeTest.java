package dev.hotload.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A loop's verdict on a run of steps, and what an update in place adds to it. */
class OutcomeTest {

    @Test
    void theFirstOutcomeThatIsNotOkIsTheVerdict() {
        assertThat(Outcome.ok().then(Outcome.failed("NameError"))).isEqualTo(Outcome.failed("NameError"));
        assertThat(Outcome.failed("NameError").then(Outcome.exited(3))).isEqualTo(Outcome.failed("NameError"));
        assertThat(Outcome.exited(0).then(Outcome.ok())).isEqualTo(Outcome.exited(0));
        assertThat(Outcome.exited(0).then(Outcome.exited(2))).isEqualTo(Outcome.exited(2));
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

    @Test
    void anOutcomeFromAStepKeepsItsNameThroughTheVerdict() {
        Outcome command = Outcome.exited(2).from("command 'make test'");

        assertThat(command.origin()).isEqualTo("command 'make test'");
        assertThat(Outcome.ok().then(command)).isEqualTo(command);
        assertThat(Outcome.ok().withUpdate("patched in place (1 function)").then(command).origin())
                .isEqualTo("command 'make test'");
    }

    @Test
    void successIsAnExitStatusOfZero() {
        assertThat(Outcome.ok().isSuccess()).isTrue();
        assertThat(Outcome.exited(0).isSuccess()).isTrue();
        assertThat(Outcome.exited(3).isSuccess()).isFalse();
        assertThat(Outcome.failed("NameError").isSuccess()).isFalse();
        assertThat(Outcome.invalid("compile error", "").isSuccess()).isFalse();
        assertThat(Outcome.entryDeleted().isSuccess()).isFalse();
    }
}
