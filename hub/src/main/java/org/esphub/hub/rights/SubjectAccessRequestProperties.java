package org.esphub.hub.rights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of an access request ({@code esp.lifecycle.subject-access-request}).
 *
 * @param answerWithin how long the hub has to answer, from receipt (DG.EMPL.05: 30 days)
 * @param escalateBefore how long before the deadline an export nobody has reviewed becomes an urgent review
 */
@ConfigurationProperties(prefix = "esp.lifecycle.subject-access-request")
public record SubjectAccessRequestProperties(
        @DefaultValue("P30D") Duration answerWithin,
        @DefaultValue("P5D") Duration escalateBefore) {

    public SubjectAccessRequestProperties {
        if (answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("esp.lifecycle.subject-access-request.answer-within must be positive");
        }
        if (escalateBefore.isNegative() || escalateBefore.compareTo(answerWithin) >= 0) {
            throw new IllegalArgumentException(
                    "esp.lifecycle.subject-access-request.escalate-before must be at least 0 and less than answer-within");
        }
    }
}
