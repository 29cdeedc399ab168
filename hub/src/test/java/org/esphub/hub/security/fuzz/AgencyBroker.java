package org.esphub.hub.security.fuzz;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An agency's connection to the hub's broker over TCP, as its own broker user, sending what the
 * fuzzer makes: mostly text messages, now and then the same bytes as a bytes message or a Java
 * object (the intake takes text only). Each message carries a fuzz id to find it when parked.
 */
final class AgencyBroker implements AutoCloseable {

    static final String FUZZ_ID = "EspFuzzId";

    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;

    AgencyBroker(String acceptorUrl, String user, String password) throws JMSException {
        URI acceptor = URI.create(acceptorUrl);
        this.factory = new ActiveMQConnectionFactory("tcp://" + acceptor.getHost() + ":" + acceptor.getPort(), user,
                password);
        this.connection = factory.createConnection();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Sends the body to the queue; {@code kind} 0 a bytes message, 1 an object message, else text. Returns its fuzz id. */
    String send(String queue, String body, int kind) throws JMSException {
        Message message = switch (kind) {
            case 0 -> {
                var bytes = session.createBytesMessage();
                bytes.writeBytes(body.getBytes(StandardCharsets.UTF_8));
                yield bytes;
            }
            case 1 -> session.createObjectMessage(new ArrayList<>(List.of(body.substring(0,
                    Math.min(body.length(), 1000)))));
            default -> session.createTextMessage(body);
        };
        String id = UUID.randomUUID().toString();
        message.setStringProperty(FUZZ_ID, id);
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
        }
        return id;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
        factory.close();
    }
}
