package dev.hotload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void aFlagIsSetToItsOwnNameAsInTheOriginalOrToATrueWord() {
        assertThat(flag("HOTLOAD_NO_CLEAR")).isTrue();
        assertThat(flag("1")).isTrue();
        assertThat(flag("TRUE")).isTrue();
        assertThat(flag("yes")).isTrue();
    }

    @Test
    void aFlagIsOffWhenUnsetEmptyOrFalse() {
        assertThat(new Environment(Map.of(), true, true).flag("HOTLOAD_NO_CLEAR")).isFalse();
        assertThat(flag("")).isFalse();
        assertThat(flag("0")).isFalse();
        assertThat(flag("false")).isFalse();
    }

    private static boolean flag(String value) {
        return new Environment(Map.of("HOTLOAD_NO_CLEAR", value), true, true).flag("HOTLOAD_NO_CLEAR");
    }
}
