package org.esphub.processes;

import java.time.Duration;
import java.util.Date;
import java.util.Objects;

/**
 * Durations of {@code processes/benefit-adjustment.bpmn} that policy, not code, decides. The models
 * read them by bean name, e.g. {@code ${benefitAdjustmentSettings.appealWindowClosesAt(now())}}.
 *
 * <p>Plain class without defaults: the hub binds it from {@code esp.lifecycle.benefit-adjustment.*};
 * process tests register it with {@code Mocks}.
 */
public class BenefitAdjustmentSettings {

    private final Duration appealWindow;

    /**
     * @param appealWindow how long the beneficiary may appeal once the notice has been sent (calendar
     *                     time, e.g. {@code P30D}); the adjustment is applied only after it
     */
    public BenefitAdjustmentSettings(Duration appealWindow) {
        this.appealWindow = requirePositive(appealWindow, "appealWindow");
    }

    /** The moment the appeal window closes when the notice was sent at {@code noticeSentAt}. */
    public Date appealWindowClosesAt(Date noticeSentAt) {
        Objects.requireNonNull(noticeSentAt, "noticeSentAt");
        return Date.from(noticeSentAt.toInstant().plus(appealWindow));
    }

    public Duration getAppealWindow() {
        return appealWindow;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero: " + duration);
        }
        return duration;
    }
}
