package org.esphub.simulators;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Puts a JSON document onto a queue as a UTF-8 {@link TextMessage}, with an optional JMS
 * correlation id and string properties. Text rather than bytes because every stack an agency
 * may run (CORE, AMQP 1.0, STOMP) maps a JMS text message to something readable.
 */
public class JsonMessageSender {

    private final JmsTemplate jmsTemplate;

    public JsonMessageSender(JmsTemplate jmsTemplate) {
        this.jmsTemplate = jmsTemplate;
    }

    /**
     * Sends and returns the JMS message id the broker assigned (the JMS spec fills it in on the
     * sent message once {@code send} returns).
     */
    public String send(String queue, String json, @Nullable String correlationId, Map<String, String> properties) {
        AtomicReference<Message> sent = new AtomicReference<>();
        jmsTemplate.send(queue, session -> {
            TextMessage message = session.createTextMessage(json);
            if (StringUtils.hasText(correlationId)) {
                message.setJMSCorrelationID(correlationId);
            }
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            sent.set(message);
            return message;
        });
        try {
            return sent.get().getJMSMessageID();
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }
}
