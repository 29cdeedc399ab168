package org.esphub.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final RetrySchedule COMPANION_DOCUMENT = new RetrySchedule(List.of(Duration.ZERO,
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofHours(24)));

    @Test
    void the_first_attempt_is_immediate() {
        assertThat(COMPANION_DOCUMENT.firstAttempt(NOW)).isEqualTo(NOW);
    }

    @Test
    void each_failed_attempt_waits_for_the_next_step_and_the_seventh_gives_up() {
        List<Duration> waits = new ArrayList<>();
        int failedAttempts = 0;
        Optional<Instant> next;
        while ((next = COMPANION_DOCUMENT.nextAttempt(++failedAttempts, NOW)).isPresent()) {
            waits.add(Duration.between(NOW, next.get()));
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));
        assertThat(failedAttempts).as("attempts made when the delivery is given up").isEqualTo(7);
        assertThat(COMPANION_DOCUMENT.maxAttempts()).isEqualTo(7);
    }

    @Test
    void an_empty_or_negative_schedule_is_refused() {
        assertThatThrownBy(() -> new RetrySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
