package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The time window of inbound DCI messages ({@link MessageWindowProperties}): a
 * {@code header.message_ts} older than the maximum age or ahead of the hub's clock by more than
 * the skew is refused with the standard's {@code rjct.message_ts.invalid}, on every channel,
 * before anything is stored. Together with the {@code sender_id + message_id} deduplication this
 * bounds replays, and the signature's own window bounds a signed message's.
 */
@Component
@EnableConfigurationProperties(MessageWindowProperties.class)
public class MessageWindow {

    private final MessageWindowProperties properties;
    private final Clock clock;

    public MessageWindow(MessageWindowProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws DciRejection {@code rjct.message_ts.invalid} */
    public void check(JsonNode header) {
        String text = header.path("message_ts").asText("");
        Instant messageTs;
        try {
            messageTs = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new DciRejection(DciReasonCode.MESSAGE_TS_INVALID,
                    "header.message_ts is not a date-time with an offset such as 2026-03-01T09:00:00Z");
        }
        Instant now = clock.instant();
        if (messageTs.isBefore(now.minus(properties.maxAge()))) {
            throw new DciRejection(DciReasonCode.MESSAGE_TS_INVALID, "header.message_ts " + messageTs
                    + " is older than the hub accepts (" + properties.maxAge().toSeconds()
                    + " s before its time " + now + ", esp.messages.max-age); nothing was stored");
        }
        if (messageTs.isAfter(now.plus(properties.clockSkew()))) {
            throw new DciRejection(DciReasonCode.MESSAGE_TS_INVALID, "header.message_ts " + messageTs
                    + " is in the future (the hub's time is " + now + ", allowed clock skew "
                    + properties.clockSkew().toSeconds() + " s); nothing was stored");
        }
    }
}
