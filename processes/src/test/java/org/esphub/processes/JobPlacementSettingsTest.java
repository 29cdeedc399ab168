package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

class JobPlacementSettingsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final JobPlacementSettings settings =
            new JobPlacementSettings(10, 30, Duration.ofDays(7), List.of(30, 90, 180, 365), 1000.0, BERLIN);

    @Test
    void a_start_date_begins_at_midnight_in_the_configured_zone() {
        assertThat(settings.startOf("2025-04-01")).isEqualTo(at(2025, 4, 1, BERLIN));
    }

    @Test
    void days_after_a_start_date_are_calendar_days_across_months_and_years() {
        assertThat(settings.daysAfter("2025-04-01", 30)).isEqualTo(at(2025, 5, 1, BERLIN));
        assertThat(settings.daysAfter("2025-04-01", 365)).isEqualTo(at(2026, 4, 1, BERLIN));
        assertThat(settings.isoDateAfter("2025-04-01", 180)).isEqualTo("2025-09-28");
    }

    @Test
    void the_recheck_interval_is_an_ISO_duration_a_timer_accepts() {
        assertThat(settings.getVerificationRecheckInterval()).isEqualTo("PT168H");
    }

    @Test
    void a_missing_date_or_negative_days_are_rejected() {
        assertThatThrownBy(() -> settings.daysAfter(null, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.daysAfter("2025-04-01", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.daysAfter("2025-04-01", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpoints_must_be_positive_and_ascending() {
        assertThatThrownBy(() -> withCheckpoints(List.of(90, 30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withCheckpoints(List.of(0, 30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withCheckpoints(List.of(30, 30))).isInstanceOf(IllegalArgumentException.class);
        assertThat(withCheckpoints(List.of()).getRetentionCheckpointDays()).isEmpty();
    }

    @Test
    void impossible_durations_and_wages_are_rejected() {
        assertThatThrownBy(() -> new JobPlacementSettings(0, 30, Duration.ofDays(7), List.of(30), 1000.0, BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobPlacementSettings(10, -1, Duration.ofDays(7), List.of(30), 1000.0, BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobPlacementSettings(10, 30, Duration.ZERO, List.of(30), 1000.0, BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobPlacementSettings(10, 30, Duration.ofDays(7), List.of(30), -1.0, BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JobPlacementSettings withCheckpoints(List<Integer> days) {
        return new JobPlacementSettings(10, 30, Duration.ofDays(7), days, 1000.0, BERLIN);
    }

    private static Date at(int year, int month, int day, ZoneId zone) {
        return Date.from(LocalDateTime.of(year, month, day, 0, 0).atZone(zone).toInstant());
    }
}
