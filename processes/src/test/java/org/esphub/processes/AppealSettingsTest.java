package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

class AppealSettingsTest {

    private static final Date RECEIVED = Date.from(Instant.parse("2025-03-03T09:00:00Z"));

    @Test
    void the_decision_is_due_and_the_supervisors_are_alerted_at_their_distances_from_receipt() {
        AppealSettings settings = new AppealSettings(Duration.ofDays(30), Duration.ofDays(20));

        assertThat(settings.decisionDueAt(RECEIVED)).isEqualTo(Date.from(Instant.parse("2025-04-02T09:00:00Z")));
        assertThat(settings.escalationAt(RECEIVED)).isEqualTo(Date.from(Instant.parse("2025-03-23T09:00:00Z")));
        assertThat(settings.getDecisionDeadline()).isEqualTo(Duration.parse("P30D"));
        assertThat(settings.getEscalationAfter()).isEqualTo(Duration.parse("P20D"));
    }

    @Test
    void an_escalation_at_or_after_the_deadline_is_refused_because_it_could_not_help() {
        assertThatThrownBy(() -> new AppealSettings(Duration.ofDays(30), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalationAfter");
        assertThatThrownBy(() -> new AppealSettings(Duration.ofDays(30), Duration.ofDays(31)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missing_zero_or_negative_durations_are_refused() {
        assertThatThrownBy(() -> new AppealSettings(null, Duration.ofDays(20))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AppealSettings(Duration.ofDays(30), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AppealSettings(Duration.ZERO, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppealSettings(Duration.ofDays(30), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_date_is_needed_to_count_from() {
        AppealSettings settings = new AppealSettings(Duration.ofDays(30), Duration.ofDays(20));
        assertThatThrownBy(() -> settings.decisionDueAt(null)).isInstanceOf(NullPointerException.class);
    }
}
