package org.esphub.hub.operations;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of the dead-letter queue for operators: what was parked, from which queue,
 * and why, without a broker console. Browsing leaves the messages where they are. Only
 * {@code camunda-admin} and {@code process-owners} may read it, since parked messages may hold
 * personal data (ApiSecurityConfiguration).
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    private static final int MAX_BODY = 4000;

    private final JmsTemplate jms;
    private final String deadLetterQueue;

    public DeadLetterController(JmsTemplate jms, @Value("${esp.queues.dead-letter}") String deadLetterQueue) {
        this.jms = jms;
        this.deadLetterQueue = deadLetterQueue;
    }

    @GetMapping
    public ResponseEntity<?> list(@RequestParam(defaultValue = "100") int limit) {
        int max = Math.max(1, Math.min(limit, 1000));
        List<Map<String, Object>> parked = jms.browse(deadLetterQueue, (session, browser) -> {
            List<Map<String, Object>> found = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements() && found.size() < max) {
                found.add(describe((Message) messages.nextElement()));
            }
            return found;
        });
        return ResponseEntity.ok(parked);
    }

    private static Map<String, Object> describe(Message message) throws JMSException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("jms_message_id", message.getJMSMessageID());
        entry.put("correlation_id", message.getJMSCorrelationID());
        entry.put("parked_at", Instant.ofEpochMilli(message.getJMSTimestamp()).toString());
        entry.put("rejected_from", firstOf(message, "EspRejectedFrom", "_AMQ_ORIG_ADDRESS"));
        entry.put("rejection_code", message.getStringProperty("EspRejectionCode"));
        entry.put("rejection_reason", message.getStringProperty("EspRejectionReason") != null
                ? message.getStringProperty("EspRejectionReason")
                : "redelivery attempts exhausted (technical failure; see the hub log for this message id)");
        entry.put("delivery_count", message.propertyExists("JMSXDeliveryCount")
                ? message.getIntProperty("JMSXDeliveryCount") : null);
        entry.put("body", bodyOf(message));
        return entry;
    }

    private static String firstOf(Message message, String... properties) throws JMSException {
        for (String property : properties) {
            if (message.propertyExists(property)) {
                return String.valueOf(message.getObjectProperty(property));
            }
        }
        return null;
    }

    private static String bodyOf(Message message) throws JMSException {
        String text;
        if (message instanceof TextMessage textMessage) {
            text = textMessage.getText();
        } else if (message instanceof BytesMessage bytes) {
            byte[] data = new byte[(int) Math.min(bytes.getBodyLength(), MAX_BODY)];
            bytes.readBytes(data);
            text = new String(data, StandardCharsets.UTF_8);
        } else {
            text = "(" + message.getClass().getSimpleName() + ")";
        }
        return text != null && text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "..." : text;
    }
}
