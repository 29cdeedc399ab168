package org.esphub.simulators.testapp;

import java.time.Duration;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.core.MessageCreator;
import org.springframework.stereotype.Component;

/**
 * Plays the hub's side of the queues in tests. Receives by message selector, so messages left
 * behind by other tests in the shared broker can never be mistaken for the one a test awaits.
 */
@Component
public class QueueProbe {

    /** Generous, because the first message after start-up can take a moment on a busy machine. */
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Short: the simulators send synchronously within the HTTP request, so anything they were
     * going to send is already on the queue when the response arrives.
     */
    private static final Duration ABSENCE_TIMEOUT = Duration.ofMillis(500);

    private final ConnectionFactory connectionFactory;

    public QueueProbe(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public void send(String queue, MessageCreator creator) {
        new JmsTemplate(connectionFactory).send(queue, creator);
    }

    /** The matching message, or {@code null} if none arrives within ten seconds. */
    public Message awaitMessage(String queue, String selector) {
        return receive(queue, selector, ARRIVAL_TIMEOUT);
    }

    /** The matching message if there is one now, else {@code null}. */
    public Message pollMessage(String queue, String selector) {
        return receive(queue, selector, ABSENCE_TIMEOUT);
    }

    private Message receive(String queue, String selector, Duration timeout) {
        JmsTemplate template = new JmsTemplate(connectionFactory);
        template.setReceiveTimeout(timeout.toMillis());
        return template.receiveSelected(queue, selector);
    }

    public static String referenceSelector(String referenceId) {
        return "esp_referenceId = '" + referenceId.replace("'", "''") + "'";
    }
}
