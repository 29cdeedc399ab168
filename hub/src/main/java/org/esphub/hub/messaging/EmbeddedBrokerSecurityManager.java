package org.esphub.hub.messaging;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;

/**
 * Hands the embedded broker its users before Spring starts it. Spring Boot builds the
 * {@link EmbeddedActiveMQ} without a security manager (it expects security off); without one
 * the broker would look for a JAAS login file the hub does not ship.
 *
 * <p>A post-processor is created before the other beans; it looks its settings up only when the
 * broker is built, so binding them does not happen that early (Spring would warn, on every start,
 * that the beans it needed then miss some post-processing).
 */
final class EmbeddedBrokerSecurityManager implements BeanPostProcessor {

    private final ObjectProvider<BrokerProperties> broker;
    private final ObjectProvider<ArtemisProperties> artemis;

    EmbeddedBrokerSecurityManager(ObjectProvider<BrokerProperties> broker, ObjectProvider<ArtemisProperties> artemis) {
        this.broker = broker;
        this.artemis = artemis;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof EmbeddedActiveMQ embedded) {
            ArtemisProperties hub = artemis.getObject();
            embedded.setSecurityManager(
                    new BrokerSecurity(broker.getObject(), hub.getUser(), hub.getPassword()).securityManager());
        }
        return bean;
    }
}
