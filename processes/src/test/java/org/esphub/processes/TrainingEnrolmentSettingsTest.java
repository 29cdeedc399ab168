package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingEnrolmentSettingsTest {

    @Test
    void a_training_place_is_held_for_the_configured_working_days() {
        assertThat(new TrainingEnrolmentSettings(5).getSlotHoldWorkingDays()).isEqualTo(5);
    }

    @Test
    void a_hold_of_less_than_one_working_day_is_rejected() {
        assertThatThrownBy(() -> new TrainingEnrolmentSettings(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
