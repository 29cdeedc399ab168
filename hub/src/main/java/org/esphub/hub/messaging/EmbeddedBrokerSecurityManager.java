package org.esphub.hub.messaging;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;

/**
 * Hands the embedded broker its users before Spring starts it. Spring Boot builds the
 * {@link EmbeddedActiveMQ} without a security manager (it expects security off); without one
 * the broker would look for a JAAS login file the hub does not ship.
 */
final class EmbeddedBrokerSecurityManager implements BeanPostProcessor {

    private final BrokerProperties broker;
    private final ArtemisProperties artemis;

    EmbeddedBrokerSecurityManager(BrokerProperties broker, ArtemisProperties artemis) {
        this.broker = broker;
        this.artemis = artemis;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof EmbeddedActiveMQ embedded) {
            embedded.setSecurityManager(
                    new BrokerSecurity(broker, artemis.getUser(), artemis.getPassword()).securityManager());
        }
        return bean;
    }
}
