package org.esphub.processes;

import java.time.Duration;
import java.util.Date;
import java.util.Objects;

/**
 * Durations of {@code processes/appeal.bpmn} that policy, not code, decides: the statutory deadline for
 * deciding an appeal and when the appeals supervisors are alerted before it passes. The model reads
 * them by bean name, e.g. {@code ${appealSettings.decisionDueAt(appealReceivedAt)}}.
 *
 * <p>Plain class without defaults: the hub binds it from {@code esp.lifecycle.appeal.*}; process tests
 * register it with {@code Mocks}.
 */
public class AppealSettings {

    private final Duration decisionDeadline;
    private final Duration escalationAfter;

    /**
     * @param decisionDeadline time from receipt within which the appeal must be decided (e.g. {@code P30D})
     * @param escalationAfter  time from receipt after which the appeals supervisors are alerted while the
     *                         review is still open (e.g. {@code P20D}); must fall before the deadline, or
     *                         the alert comes too late to help
     */
    public AppealSettings(Duration decisionDeadline, Duration escalationAfter) {
        this.decisionDeadline = requirePositive(decisionDeadline, "decisionDeadline");
        this.escalationAfter = requirePositive(escalationAfter, "escalationAfter");
        if (escalationAfter.compareTo(decisionDeadline) >= 0) {
            throw new IllegalArgumentException("escalationAfter (" + escalationAfter
                    + ") must be shorter than decisionDeadline (" + decisionDeadline + ")");
        }
    }

    /** The statutory deadline for an appeal received at {@code receivedAt}; the review task's due date. */
    public Date decisionDueAt(Date receivedAt) {
        return plus(receivedAt, decisionDeadline);
    }

    /** When an appeal received at {@code receivedAt} and still under review is escalated. */
    public Date escalationAt(Date receivedAt) {
        return plus(receivedAt, escalationAfter);
    }

    public Duration getDecisionDeadline() {
        return decisionDeadline;
    }

    public Duration getEscalationAfter() {
        return escalationAfter;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero: " + duration);
        }
        return duration;
    }

    private static Date plus(Date receivedAt, Duration duration) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        return Date.from(receivedAt.toInstant().plus(duration));
    }
}
