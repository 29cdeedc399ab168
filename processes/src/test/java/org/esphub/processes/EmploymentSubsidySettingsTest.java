package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic and periods {@link EmploymentSubsidySettings} gives the model, and what it refuses. */
class EmploymentSubsidySettingsTest {

    private static final EmploymentSubsidySettings SETTINGS = new EmploymentSubsidySettings(Duration.ofDays(30),
            Duration.ofDays(30), Duration.ofDays(20), List.of(6, 12), 50_000);
    private static final Date NOON = Date.from(Instant.parse("2025-03-31T12:00:00Z"));

    @Test
    void a_month_pays_the_wage_times_the_rate_rounded_down_and_never_more_than_the_cap() {
        assertThat(SETTINGS.monthlyPayment(300_001, 30, 120_000)).isEqualTo(90_000);
        assertThat(SETTINGS.monthlyPayment(450_000.5, 20, 120_000)).isEqualTo(90_000);
        assertThat(SETTINGS.monthlyPayment(700_000, 30, 120_000)).isEqualTo(120_000);
        assertThat(SETTINGS.monthlyPayment(null, 30, 120_000)).isZero();
        assertThat(SETTINGS.monthlyPayment(0, 30, 120_000)).isZero();
    }

    @Test
    void a_clawback_is_the_subsidy_paid_pro_rata_to_the_retention_period_not_served() {
        assertThat(SETTINGS.clawbackAmount(720_000L, 6)).isEqualTo(360_000);
        assertThat(SETTINGS.clawbackAmount(120_000L, 1)).isEqualTo(110_000);
        assertThat(SETTINGS.clawbackAmount(100_000L, 5)).isEqualTo(58_333);
        assertThat(SETTINGS.clawbackAmount(1_440_000L, 12)).isZero();
        assertThat(SETTINGS.clawbackAmount(null, null)).isZero();
        assertThat(SETTINGS.share(360_000L, 50)).isEqualTo(180_000);
        assertThat(SETTINGS.share(100_001L, 33)).isEqualTo(33_000);
    }

    @Test
    void retention_is_checked_at_the_configured_months_and_the_last_one_ends_the_subsidy() {
        assertThat(SETTINGS.isRetentionCheck(6L)).isTrue();
        assertThat(SETTINGS.isRetentionCheck(7)).isFalse();
        assertThat(SETTINGS.isRetentionCheck(null)).isFalse();
        assertThat(SETTINGS.isLastRetentionCheck(6)).isFalse();
        assertThat(SETTINGS.isLastRetentionCheck(12L)).isTrue();
        assertThat(SETTINGS.retentionMonths()).isEqualTo(12);
    }

    @Test
    void periods_run_from_the_moment_given_and_the_check_date_is_the_utc_day() {
        assertThat(SETTINGS.registrationDueAt(NOON)).isEqualTo(Date.from(Instant.parse("2025-04-30T12:00:00Z")));
        assertThat(SETTINGS.monthEndsAt(NOON)).isEqualTo(Date.from(Instant.parse("2025-04-30T12:00:00Z")));
        assertThat(SETTINGS.appealWindowClosesAt(NOON)).isEqualTo(Date.from(Instant.parse("2025-04-20T12:00:00Z")));
        assertThat(SETTINGS.isoDate(NOON)).isEqualTo("2025-03-31");
    }

    @Test
    void empty_periods_unordered_checks_and_a_negative_bonus_are_refused() {
        assertThatThrownBy(() -> new EmploymentSubsidySettings(Duration.ZERO, Duration.ofDays(30), Duration.ofDays(30),
                List.of(6), 0)).hasMessageContaining("registrationPeriod");
        assertThatThrownBy(() -> new EmploymentSubsidySettings(Duration.ofDays(1), Duration.ofDays(30),
                Duration.ofDays(30), List.of(12, 6), 0)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new EmploymentSubsidySettings(Duration.ofDays(1), Duration.ofDays(30),
                Duration.ofDays(30), List.of(), 0)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new EmploymentSubsidySettings(Duration.ofDays(1), Duration.ofDays(30),
                Duration.ofDays(30), List.of(6), -1)).hasMessageContaining("retentionBonus");
    }
}
