package org.esphub.processes;

import static org.assertj.core.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

class ActivationComplianceSettingsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private final ActivationComplianceSettings settings = new ActivationComplianceSettings(Duration.ofDays(30),
            Duration.ofDays(10), Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(60), 4);

    @Test
    void the_rolling_window_counts_only_the_steps_within_it() {
        String history = settings.withStep(settings.withStep("", Date.from(NOW.minus(Duration.ofDays(400)))),
                Date.from(NOW.minus(Duration.ofDays(10))));
        assertThat(history).isEqualTo(NOW.minus(Duration.ofDays(400)) + "," + NOW.minus(Duration.ofDays(10)));
        assertThat(settings.stepsInWindow(history, Date.from(NOW))).isEqualTo(1);
        assertThat(settings.stepsInWindow(null, Date.from(NOW))).isZero();
        assertThat(settings.stepsInWindow("", Date.from(NOW))).isZero();
    }

    @Test
    void each_sanction_type_lasts_its_own_duration_and_a_programme_exit_does_not_end() {
        assertThat(settings.sanctionEndsAt(ActivationCompliance.SANCTION_BENEFIT_REDUCTION, Date.from(NOW)))
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(90))));
        assertThat(settings.sanctionEndsAt(ActivationCompliance.SANCTION_BENEFIT_SUSPENSION, Date.from(NOW)))
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(60))));
        assertThat(settings.sanctionEndsAt(ActivationCompliance.SANCTION_PROGRAM_EXIT, Date.from(NOW))).isNull();
    }

    @Test
    void SA_s_obligation_wins_over_the_default() {
        assertThat(settings.minimumApplications(10L)).isEqualTo(10);
        assertThat(settings.minimumApplications(null)).isEqualTo(4);
    }

    @Test
    void periods_must_be_longer_than_zero() {
        assertThatThrownBy(() -> new ActivationComplianceSettings(Duration.ZERO, Duration.ofDays(10), Duration.ofDays(30),
                Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(60), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monitoringPeriod");
    }
}
