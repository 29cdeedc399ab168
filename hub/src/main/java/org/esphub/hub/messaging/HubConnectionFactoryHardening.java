package org.esphub.hub.messaging;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.jms.connection.DelegatingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * The hub's own JMS connection factory (Spring Boot's, used by Camel, JmsTemplate and listeners):
 * <ul>
 *   <li>it logs in as {@code spring.artemis.user}; Spring Boot sets the credentials only for an
 *       external broker, and the embedded one admits no anonymous client;</li>
 *   <li>it deserializes no {@code ObjectMessage} at all (Artemis deny list {@code *}): the hub's
 *       contract is JSON text, and Java deserialization of a stranger's bytes runs their code.</li>
 * </ul>
 * The settings are looked up when the factory is built, not when this post-processor is (see
 * {@link EmbeddedBrokerSecurityManager}).
 */
final class HubConnectionFactoryHardening implements BeanPostProcessor {

    /** Artemis' wildcard: deny every class. */
    static final String DENY_ALL = "*";

    private final ObjectProvider<ArtemisProperties> artemisSettings;

    HubConnectionFactoryHardening(ObjectProvider<ArtemisProperties> artemis) {
        this.artemisSettings = artemis;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        ActiveMQConnectionFactory artemisFactory = unwrap(bean);
        if (artemisFactory != null) {
            artemisFactory.setDeserializationDenyList(DENY_ALL);
            ArtemisProperties artemis = artemisSettings.getObject();
            if (!StringUtils.hasText(artemisFactory.getUser()) && StringUtils.hasText(artemis.getUser())) {
                artemisFactory.setUser(artemis.getUser());
                artemisFactory.setPassword(artemis.getPassword());
            }
        }
        return bean;
    }

    private static ActiveMQConnectionFactory unwrap(Object bean) {
        Object factory = bean;
        for (int depth = 0; depth < 3; depth++) {
            if (factory instanceof ActiveMQConnectionFactory artemisFactory) {
                return artemisFactory;
            }
            if (factory instanceof SingleConnectionFactory single) {
                factory = single.getTargetConnectionFactory();
            } else if (factory instanceof DelegatingConnectionFactory delegating) {
                factory = delegating.getTargetConnectionFactory();
            } else {
                return null;
            }
        }
        return null;
    }
}
