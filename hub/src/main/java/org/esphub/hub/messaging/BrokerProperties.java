package org.esphub.hub.messaging;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code esp.broker}: who may connect to the hub's embedded broker and what each may do there.
 * The broker admits no anonymous client in any profile; the hub itself connects as
 * {@code spring.artemis.user}.
 *
 * @param users agency systems by broker user name: password and the queues each may send to and
 *        consume from (nothing else); which {@code header.sender_id} each may then use is
 *        {@code esp.agencies.sender-ids}
 * @param tlsAcceptorUrl an extra acceptor for agencies over TLS, e.g.
 *        {@code tcp://0.0.0.0:61617?protocols=CORE,AMQP,STOMP;sslEnabled=true;keyStorePath=...;keyStorePassword=...};
 *        none when empty
 * @param maxMessageSize the largest inbound message the hub reads; a larger one is parked unread
 */
@ConfigurationProperties("esp.broker")
public record BrokerProperties(@DefaultValue Map<String, BrokerUser> users, String tlsAcceptorUrl,
        @DefaultValue("1MB") DataSize maxMessageSize) {

    /**
     * @param password the user's password (plain: the embedded broker keeps it in memory only)
     * @param send the queues the user may send to
     * @param consume the queues the user may consume from (and browse)
     */
    public record BrokerUser(String password, @DefaultValue List<String> send, @DefaultValue List<String> consume) {
    }
}
