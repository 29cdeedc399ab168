package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

class BenefitAdjustmentSettingsTest {

    @Test
    void the_appeal_window_closes_its_length_after_the_notice() {
        BenefitAdjustmentSettings settings = new BenefitAdjustmentSettings(Duration.parse("P30D"));

        Date noticeSent = Date.from(Instant.parse("2025-03-03T09:00:00Z"));
        assertThat(settings.appealWindowClosesAt(noticeSent)).isEqualTo(Date.from(Instant.parse("2025-04-02T09:00:00Z")));
        assertThat(settings.getAppealWindow()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void a_missing_zero_or_negative_window_is_refused() {
        assertThatThrownBy(() -> new BenefitAdjustmentSettings(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BenefitAdjustmentSettings(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenefitAdjustmentSettings(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_notice_date_is_needed_to_count_from() {
        BenefitAdjustmentSettings settings = new BenefitAdjustmentSettings(Duration.ofDays(30));
        assertThatThrownBy(() -> settings.appealWindowClosesAt(null)).isInstanceOf(NullPointerException.class);
    }
}
