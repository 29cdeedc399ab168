package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.junit.jupiter.api.Test;

class YouthTransitionSettingsTest {

    private static final YouthTransitionSettings SETTINGS = new YouthTransitionSettings(15, 24, Duration.ofDays(7), 3,
            Period.ofMonths(6), Period.ofMonths(12));
    private static final Date REFERRAL_DAY = Date.from(Instant.parse("2025-03-03T09:00:00Z"));

    @Test
    void the_band_admits_from_the_15th_birthday_until_the_day_before_the_25th() {
        assertThat(SETTINGS.inAgeBand("2010-03-04", REFERRAL_DAY)).as("14, 15 tomorrow").isFalse();
        assertThat(SETTINGS.inAgeBand("2010-03-03", REFERRAL_DAY)).as("15 today").isTrue();
        assertThat(SETTINGS.inAgeBand("2000-03-04", REFERRAL_DAY)).as("24, 25 tomorrow").isTrue();
        assertThat(SETTINGS.inAgeBand("2000-03-03", REFERRAL_DAY)).as("25 today").isFalse();
    }

    @Test
    void due_dates_count_from_the_moment_given_in_calendar_months() {
        assertThat(SETTINGS.contactAttemptDueAt(REFERRAL_DAY)).isEqualTo(Date.from(Instant.parse("2025-03-10T09:00:00Z")));
        Date chosen = Date.from(Instant.parse("2025-08-31T10:00:00Z"));
        assertThat(SETTINGS.firstOutcomeDueAt(chosen)).isEqualTo(Date.from(Instant.parse("2026-02-28T10:00:00Z")));
        assertThat(SETTINGS.secondOutcomeDueAt(chosen)).isEqualTo(Date.from(Instant.parse("2026-08-31T10:00:00Z")));
    }

    @Test
    void settings_that_policy_cannot_mean_are_refused_at_start_up() {
        assertThatThrownBy(() -> new YouthTransitionSettings(25, 15, Duration.ofDays(7), 3, Period.ofMonths(6),
                Period.ofMonths(12))).hasMessageContaining("age band");
        assertThatThrownBy(() -> new YouthTransitionSettings(15, 24, Duration.ZERO, 3, Period.ofMonths(6),
                Period.ofMonths(12))).hasMessageContaining("contactAttemptPeriod");
        assertThatThrownBy(() -> new YouthTransitionSettings(15, 24, Duration.ofDays(7), 0, Period.ofMonths(6),
                Period.ofMonths(12))).hasMessageContaining("maxContactAttempts");
        assertThatThrownBy(() -> new YouthTransitionSettings(15, 24, Duration.ofDays(7), 3, Period.ofMonths(12),
                Period.ofMonths(6))).hasMessageContaining("secondOutcomeAfter");
    }
}
