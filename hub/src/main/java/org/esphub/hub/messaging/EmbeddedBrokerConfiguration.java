package org.esphub.hub.messaging;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Makes Spring Boot's embedded Artemis reachable by agencies and safe for their messages.
 *
 * <p>Spring Boot embeds Artemis for in-JVM use only. The hub adds a TCP acceptor speaking CORE,
 * AMQP 1.0 and STOMP (agencies run many stacks), optionally a TLS one, and the redelivery policy
 * that makes at-least-once delivery real: a message whose processing fails is redelivered with
 * back-off and, when the attempts are spent, parked in the dead-letter queue instead of being lost.
 * Security is on ({@link BrokerSecurity}): no anonymous client, per-queue roles, and the broker
 * stamps the authenticated user on every message so the hub can bind it to the sender_id.
 * Only used when the broker is embedded (the single-node default); production and every node of a
 * cluster point at an external broker whose broker.xml (docker/artemis) carries the same settings,
 * and {@link BrokerPlacement} refuses a hub set up for both.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer espBrokerCustomizer(
            @Value("${esp.messaging.acceptor-url}") String acceptorUrl,
            @Value("${esp.queues.dead-letter}") String deadLetterQueue,
            @Value("${esp.messaging.redelivery-delay-ms}") long redeliveryDelay,
            @Value("${esp.messaging.redelivery-multiplier}") double redeliveryMultiplier,
            @Value("${esp.messaging.max-redelivery-delay-ms}") long maxRedeliveryDelay,
            @Value("${esp.messaging.max-delivery-attempts}") int maxDeliveryAttempts,
            BrokerProperties broker, ArtemisProperties artemis) {
        BrokerSecurity security = new BrokerSecurity(broker, artemis.getUser(), artemis.getPassword());
        return configuration -> {
            addAcceptor(configuration, "agencies", acceptorUrl, "esp.messaging.acceptor-url");
            if (StringUtils.hasText(broker.tlsAcceptorUrl())) {
                addAcceptor(configuration, "agencies-tls", broker.tlsAcceptorUrl(), "esp.broker.tls-acceptor-url");
            }
            security.applyTo(configuration);
            SimpleString dlq = SimpleString.of(deadLetterQueue);
            configuration.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(dlq)
                    .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                    .setRedeliveryDelay(redeliveryDelay)
                    .setRedeliveryMultiplier(redeliveryMultiplier)
                    .setMaxRedeliveryDelay(maxRedeliveryDelay)
                    .setMaxDeliveryAttempts(maxDeliveryAttempts)
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                    .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true));
        };
    }

    /** Refuses to start when the broker settings say both embedded and external ({@link BrokerPlacement}). */
    @Bean
    static BrokerPlacement espBrokerPlacement(Environment environment) {
        return new BrokerPlacement(environment);
    }

    /** Gives the embedded broker the security manager of {@link BrokerSecurity} before it starts. */
    @Bean
    static EmbeddedBrokerSecurityManager espBrokerSecurityManager(ObjectProvider<BrokerProperties> broker,
            ObjectProvider<ArtemisProperties> artemis) {
        return new EmbeddedBrokerSecurityManager(broker, artemis);
    }

    /** Logs the hub in and forbids deserializing any ObjectMessage on its connection factory. */
    @Bean
    static HubConnectionFactoryHardening espHubConnectionFactoryHardening(ObjectProvider<ArtemisProperties> artemis) {
        return new HubConnectionFactoryHardening(artemis);
    }

    private static void addAcceptor(org.apache.activemq.artemis.core.config.Configuration configuration, String name,
            String url, String property) {
        try {
            configuration.addAcceptorConfiguration(name, url);
        } catch (Exception e) {
            throw new IllegalStateException("invalid " + property + " " + url, e);
        }
    }
}
