package dev.hotload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandStartTest {

    @Test
    void bashsEpochRealtimeIsReadWithEitherDecimalSeparator() {
        assertThat(CommandStart.parse("1733407200.123456")).contains(Instant.parse("2024-12-05T14:00:00.123456Z"));
        assertThat(CommandStart.parse("1733407200,5")).contains(Instant.parse("2024-12-05T14:00:00.5Z"));
    }

    @Test
    void anythingElseIsNoStart() {
        // Unset in bin/hotload's line (bash before 5 has no $EPOCHREALTIME): the JVM's start is used instead.
        assertThat(CommandStart.parse("")).isEmpty();
        assertThat(CommandStart.parse("soon")).isEmpty();
        assertThat(CommandStart.parse("1733407200")).isEmpty();
    }
}
