package org.esphub.simulators.sa;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.annotation.JmsListener;

/**
 * Consumes the hub's notifications to SA and records each one in the {@link SaNotificationInbox}.
 * A body that is not JSON is still recorded, as raw text with a flag: a simulator that silently
 * dropped malformed messages would hide exactly the bugs it exists to reveal.
 */
public class SaNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(SaNotificationListener.class);

    private final SaNotificationInbox inbox;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public SaNotificationListener(SaNotificationInbox inbox, ObjectMapper objectMapper, Clock clock) {
        this.inbox = inbox;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @JmsListener(id = "sim-sa-notifications", destination = SimulatorQueues.SA_NOTIFICATIONS_OUT)
    public void onNotification(Message message) throws JMSException {
        String text = JmsMessageContent.bodyAsText(message);
        if (text == null) {
            text = "[unsupported JMS message type " + message.getClass().getSimpleName() + "]";
        }
        JsonNode body = parseOrNull(text);
        Map<String, Object> properties = JmsMessageContent.properties(message);
        inbox.add(new ReceivedNotification(
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                message.getJMSMessageID(),
                message.getJMSCorrelationID(),
                properties,
                body != null,
                body,
                body == null ? text : null));
        log.debug("SA simulator received notification {} (correlation id {})",
                message.getJMSMessageID(), message.getJMSCorrelationID());
    }

    private JsonNode parseOrNull(String text) {
        try {
            JsonNode node = objectMapper.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            log.warn("SA simulator received a notification that is not JSON; kept as raw text");
            return null;
        }
    }
}
