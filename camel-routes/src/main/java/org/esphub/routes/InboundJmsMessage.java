package org.esphub.routes;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * The first step of every inbound queue route ({@code esp.referrals.in}, {@code esp.pes.events.in},
 * {@code esp.sa.events.in}). The routes consume with {@code mapJmsMessage=false}, so the body is
 * the JMS message as it came and nothing has looked inside it yet; this step admits it or refuses
 * it before any of its content is read:
 * <ul>
 *   <li>only a {@link TextMessage} is read: an {@code ObjectMessage} is never deserialized (that
 *       would run the sender's code), bytes, maps and streams are not the contract either;</li>
 *   <li>a text longer than the limit is not parsed;</li>
 *   <li>the broker user that authenticated the sender (stamped by the broker, not the client) goes
 *       to the header {@value #BROKER_USER}, for the intake to bind it to {@code header.sender_id}.</li>
 * </ul>
 * A refusal is a {@link DciRejection}: the route parks the message with its reason. What is parked
 * for a message that is not text is an empty body; the reason names the kind of message.
 */
public class InboundJmsMessage {

    /** Header the broker user travels in from here to the intake. */
    public static final String BROKER_USER = "EspBrokerUser";

    /** Property Artemis stamps the authenticated user in (populate-validated-user), on every protocol. */
    public static final String VALIDATED_USER_PROPERTY = "_AMQ_VALIDATED_USER";

    private final long maxMessageBytes;

    /** @param maxMessageBytes the largest text, in UTF-8 bytes, the hub reads */
    public InboundJmsMessage(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Replaces the body by the message's text and sets {@value #BROKER_USER}, or throws the refusal. */
    public void admit(Exchange exchange) throws JMSException {
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof Message message)) {
            // not from a JMS consumer with mapJmsMessage=false: a route was changed, which must not pass silently
            throw new IllegalStateException("inbound route must consume with mapJmsMessage=false; body was "
                    + (body == null ? "null" : body.getClass().getName()));
        }
        String brokerUser = message.getStringProperty(VALIDATED_USER_PROPERTY);
        exchange.getMessage().setHeader(BROKER_USER, brokerUser);
        if (!(message instanceof TextMessage text)) {
            exchange.getMessage().setBody("");
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "only JSON text messages are accepted; this was a "
                    + kindOf(message) + " (not read)");
        }
        String json = text.getText();
        long size = json == null ? 0 : utf8Length(json);
        if (size > maxMessageBytes) {
            exchange.getMessage().setBody("");
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "message of " + size + " bytes is larger than the "
                    + maxMessageBytes + " bytes the hub accepts (not read)");
        }
        exchange.getMessage().setBody(json == null ? "" : json);
    }

    private static String kindOf(Message message) {
        if (message instanceof ObjectMessage) {
            return "ObjectMessage";
        }
        if (message instanceof BytesMessage) {
            return "BytesMessage";
        }
        if (message instanceof MapMessage) {
            return "MapMessage";
        }
        if (message instanceof StreamMessage) {
            return "StreamMessage";
        }
        return "Message without a body";
    }

    /** UTF-8 length without encoding a possibly huge string twice. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
