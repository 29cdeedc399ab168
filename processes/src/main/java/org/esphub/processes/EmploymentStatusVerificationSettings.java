package org.esphub.processes;

import java.time.Duration;
import java.util.Objects;

/**
 * Durations of {@code processes/employment-status-verification.bpmn} that policy, not code, decides,
 * read by bean name, e.g. {@code ${employmentStatusVerificationSettings.sourceWaitLimit}}.
 *
 * <p>Plain class without defaults: the hub binds it from {@code esp.status-verification.*}; process
 * tests register it with {@code Mocks}.
 */
public class EmploymentStatusVerificationSettings {

    private final Duration sourceWaitLimit;

    /**
     * @param sourceWaitLimit how long the hub waits for one source (its retries included) before weighing
     *                        the findings without it; a source that is down lowers the confidence instead
     *                        of holding the verification up
     */
    public EmploymentStatusVerificationSettings(Duration sourceWaitLimit) {
        Objects.requireNonNull(sourceWaitLimit, "sourceWaitLimit");
        if (sourceWaitLimit.isNegative() || sourceWaitLimit.isZero()) {
            throw new IllegalArgumentException("sourceWaitLimit must be longer than zero: " + sourceWaitLimit);
        }
        this.sourceWaitLimit = sourceWaitLimit;
    }

    /** ISO-8601 duration, as a BPMN timer's timeDuration takes it. */
    public String getSourceWaitLimit() {
        return sourceWaitLimit.toString();
    }
}
