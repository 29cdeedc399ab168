package org.esphub.hub.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.messages}: how old or how far ahead an inbound DCI message's {@code header.message_ts}
 * may be. A message written long ago is a replay or has waited past any use; one from the future
 * comes from a clock that is wrong.
 *
 * @param maxAge the oldest message_ts accepted, before now
 * @param clockSkew how far ahead of the hub's clock a message_ts may be
 */
@ConfigurationProperties("esp.messages")
public record MessageWindowProperties(
        @DefaultValue("24h") Duration maxAge,
        @DefaultValue("60s") Duration clockSkew) {

    public MessageWindowProperties {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("esp.messages.max-age must be positive: " + maxAge);
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("esp.messages.clock-skew must not be negative: " + clockSkew);
        }
    }
}
