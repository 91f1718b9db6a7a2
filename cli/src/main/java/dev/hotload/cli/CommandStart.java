package dev.hotload.cli;

import java.time.Instant;
import java.util.Optional;

/**
 * When the user's command started: what "started in" means to the user, who waited for hotload's build on a
 * first start, and for the JVM's start on every one. bin/hotload passes bash's {@code $EPOCHREALTIME} as its first
 * act; without it (another launcher, bash before 5), the JVM's own start, the build left out.
 */
final class CommandStart {

    private CommandStart() {
    }

    /** @return the command's start as bin/hotload gave it, else the JVM's, if the system tells */
    static Optional<Instant> current() {
        return parse(System.getProperty("hotload.launched", ""))
                .or(() -> ProcessHandle.current().info().startInstant());
    }

    /**
     * @param epochRealtime seconds since the epoch with a fraction, as bash's {@code $EPOCHREALTIME} gives them:
     *     {@code 1733407200.123456}, with the locale's decimal separator
     * @return that instant; empty for anything else
     */
    static Optional<Instant> parse(String epochRealtime) {
        if (!epochRealtime.matches("\\d{1,12}[.,]\\d{1,9}")) {
            return Optional.empty();
        }
        String[] parts = epochRealtime.split("[.,]");
        long nanos = Long.parseLong((parts[1] + "00000000").substring(0, 9));
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos));
    }
}
