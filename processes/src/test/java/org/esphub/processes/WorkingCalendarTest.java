package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Good Friday and Easter Monday 2025. */
    private static final List<LocalDate> EASTER_2025 = List.of(LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21));

    private final WorkingCalendar calendar = new WorkingCalendar(EASTER_2025, UTC);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void working_days_inside_one_week_are_plain_days() {
        // Monday 09:30 + 3 working days = Thursday 09:30
        assertThat(calendar.addWorkingDays(at(2025, 3, 3, 9, 30, UTC), 3)).isEqualTo(at(2025, 3, 6, 9, 30, UTC));
    }

    @Test
    void weekends_are_skipped() {
        // Friday + 1 = Monday; Thursday + 5 = next Thursday
        assertThat(calendar.addWorkingDays(at(2025, 3, 7, 16, 0, UTC), 1)).isEqualTo(at(2025, 3, 10, 16, 0, UTC));
        assertThat(calendar.addWorkingDays(at(2025, 3, 6, 8, 0, UTC), 5)).isEqualTo(at(2025, 3, 13, 8, 0, UTC));
    }

    @Test
    void a_start_on_a_weekend_counts_from_the_next_working_day() {
        // Saturday + 1 = Monday
        assertThat(calendar.addWorkingDays(at(2025, 3, 8, 10, 0, UTC), 1)).isEqualTo(at(2025, 3, 10, 10, 0, UTC));
    }

    @Test
    void public_holidays_are_skipped() {
        // Thursday before Easter + 1 = Tuesday after Easter Monday
        assertThat(calendar.addWorkingDays(at(2025, 4, 17, 12, 0, UTC), 1)).isEqualTo(at(2025, 4, 22, 12, 0, UTC));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 18))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 19))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 22))).isTrue();
    }

    @Test
    void zero_working_days_is_the_start_itself() {
        Date saturday = at(2025, 3, 8, 10, 0, UTC);
        assertThat(calendar.addWorkingDays(saturday, 0)).isEqualTo(saturday);
    }

    @Test
    void the_time_of_day_is_kept_in_the_calendar_zone_across_a_daylight_saving_change() {
        WorkingCalendar berlin = new WorkingCalendar(List.of(), BERLIN);
        // Friday 28 March 2025 09:00 CET + 1 working day = Monday 31 March 09:00 CEST (clocks went forward on Sunday)
        Date result = berlin.addWorkingDays(at(2025, 3, 28, 9, 0, BERLIN), 1);
        assertThat(result).isEqualTo(at(2025, 3, 31, 9, 0, BERLIN));
        assertThat(result.getTime() - at(2025, 3, 28, 9, 0, BERLIN).getTime()).isEqualTo(71L * 3600 * 1000);
    }

    @Test
    void no_start_means_now_on_the_engine_clock() {
        ClockUtil.setCurrentTime(at(2025, 3, 3, 9, 0, UTC));
        assertThat(calendar.addWorkingDays(null, 5)).isEqualTo(at(2025, 3, 10, 9, 0, UTC));
    }

    @Test
    void a_missing_or_negative_number_of_days_is_rejected() {
        Date monday = at(2025, 3, 3, 9, 0, UTC);
        assertThatThrownBy(() -> calendar.addWorkingDays(monday, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(monday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void days_since_a_date_are_calendar_days_until_today_in_the_calendar_zone() {
        // 1 April 2025 to 30 June 2025 is 90 days, Easter and weekends included
        ClockUtil.setCurrentTime(at(2025, 6, 30, 0, 0, UTC));
        assertThat(calendar.daysSince("2025-04-01")).isEqualTo(90);
        ClockUtil.setCurrentTime(at(2025, 6, 30, 23, 59, UTC));
        assertThat(calendar.daysSince("2025-04-01")).isEqualTo(90);
        // 23:30 UTC on 29 June is already 30 June in Berlin
        ClockUtil.setCurrentTime(at(2025, 6, 29, 23, 30, UTC));
        assertThat(new WorkingCalendar(List.of(), BERLIN).daysSince("2025-04-01")).isEqualTo(90);
        assertThat(calendar.daysSince("2025-04-01")).isEqualTo(89);
    }

    @Test
    void days_since_today_or_a_later_date_are_zero_and_a_missing_date_is_rejected() {
        ClockUtil.setCurrentTime(at(2025, 4, 1, 12, 0, UTC));
        assertThat(calendar.daysSince("2025-04-01")).isZero();
        assertThat(calendar.daysSince("2025-05-01")).isZero();
        assertThatThrownBy(() -> calendar.daysSince(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Date at(int year, int month, int day, int hour, int minute, ZoneId zone) {
        return Date.from(ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), zone).toInstant());
    }
}
