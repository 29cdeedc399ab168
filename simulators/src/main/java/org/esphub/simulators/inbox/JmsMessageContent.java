package org.esphub.simulators.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * Reads what a received JMS message carries, whatever protocol the sender used: the hub may
 * send text (CORE, STOMP) or bytes (AMQP clients often do); both are UTF-8 JSON by contract.
 */
public final class JmsMessageContent {

    private JmsMessageContent() {
    }

    /**
     * The body as text, or {@code null} if the message type has no text form (map, object and
     * stream messages), so the caller can still keep a trace of it.
     */
    public static String bodyAsText(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytesMessage) {
            byte[] bytes = new byte[(int) bytesMessage.getBodyLength()];
            bytesMessage.readBytes(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return null;
    }

    /** The application properties, sorted by name for a stable view. */
    public static Map<String, Object> properties(Message message) throws JMSException {
        Map<String, Object> properties = new TreeMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            String key = name.toString();
            properties.put(key, message.getObjectProperty(key));
        }
        return properties;
    }
}
