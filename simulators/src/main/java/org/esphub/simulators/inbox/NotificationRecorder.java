package org.esphub.simulators.inbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a notification the hub sent to a simulated agency in that agency's inbox. A body that
 * is not JSON is still recorded, as raw text with a flag: a simulator that silently dropped
 * malformed messages would hide exactly the bugs it exists to reveal.
 */
public class NotificationRecorder {

    private static final Logger log = LoggerFactory.getLogger(NotificationRecorder.class);

    private final NotificationInbox inbox;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public NotificationRecorder(NotificationInbox inbox, ObjectMapper objectMapper, Clock clock) {
        this.inbox = inbox;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public void record(Message message) throws JMSException {
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
        log.debug("Simulator received notification {} (correlation id {})",
                message.getJMSMessageID(), message.getJMSCorrelationID());
    }

    private JsonNode parseOrNull(String text) {
        try {
            JsonNode node = objectMapper.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            log.warn("Simulator received a notification that is not JSON; kept as raw text");
            return null;
        }
    }
}
