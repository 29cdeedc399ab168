package org.esphub.workers.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.esphub.workers.handoff.RetrySchedule.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.parse("PT10S, PT1M,PT5M");

    @Test
    void one_attempt_is_made_plus_one_after_each_delay() {
        assertThat(schedule.attempts()).isEqualTo(4);
        assertThat(RetrySchedule.parse("PT1S").attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10s", "PT10S,soon", "PT10S,,PT1M", ","})
    void a_schedule_that_is_not_a_list_of_iso_durations_is_refused_naming_the_text(String text) {
        assertThatThrownBy(() -> RetrySchedule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void an_empty_schedule_is_refused(String text) {
        assertThatThrownBy(() -> RetrySchedule.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_failure_waits_the_next_delay_and_the_last_one_raises_an_incident_at_once() {
        // the engine reports no retries until the worker first sets them
        Decision first = schedule.afterFailure(null);
        Decision second = schedule.afterFailure(first.retries());
        Decision third = schedule.afterFailure(second.retries());
        Decision last = schedule.afterFailure(third.retries());

        assertThat(first).isEqualTo(new Decision(3, Duration.ofSeconds(10)));
        assertThat(second).isEqualTo(new Decision(2, Duration.ofMinutes(1)));
        assertThat(third).isEqualTo(new Decision(1, Duration.ofMinutes(5)));
        assertThat(last).isEqualTo(new Decision(0, Duration.ZERO));
    }

    @Test
    void a_failure_after_the_incident_was_resolved_with_one_retry_raises_the_incident_again() {
        // Cockpit's "retry" on an incident sets the retries to 1
        assertThat(schedule.afterFailure(1)).isEqualTo(new Decision(0, Duration.ZERO));
    }

    @Test
    void retries_set_beyond_the_schedule_start_again_at_its_first_delay() {
        // an operator may give a task more retries than the schedule has, or the model's schedule
        // may have been shortened while the task was retrying
        assertThat(schedule.afterFailure(10)).isEqualTo(new Decision(9, Duration.ofSeconds(10)));
    }
}
