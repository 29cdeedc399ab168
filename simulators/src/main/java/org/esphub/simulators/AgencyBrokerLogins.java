package org.esphub.simulators;

import jakarta.jms.ConnectionFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.connection.UserCredentialsConnectionFactoryAdapter;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.lang.Nullable;

/**
 * Lets each simulated agency use the hub's broker as that agency's own broker user
 * ({@code esp.simulators.broker-users}), as the real agency would: the hub binds the broker user to
 * the sender_id, and each agency may read only its own notifications. Without a login configured
 * (a broker without security, as in the simulators' own tests) the hub's connection is used.
 */
public class AgencyBrokerLogins implements DisposableBean {

    private final JmsTemplate hubTemplate;
    private final List<SingleConnectionFactory> opened = new CopyOnWriteArrayList<>();

    public AgencyBrokerLogins(JmsTemplate hubTemplate) {
        this.hubTemplate = hubTemplate;
    }

    /** Sends as the agency. */
    public JsonMessageSender senderFor(@Nullable SimulatorProperties.BrokerLogin login) {
        if (!configured(login)) {
            return new JsonMessageSender(hubTemplate);
        }
        return new JsonMessageSender(new JmsTemplate(connectionFactoryFor(login)));
    }

    /** Listens as the agency (its notifications queue). */
    public DefaultJmsListenerContainerFactory listenersFor(@Nullable SimulatorProperties.BrokerLogin login) {
        DefaultJmsListenerContainerFactory listeners = new DefaultJmsListenerContainerFactory();
        listeners.setConnectionFactory(configured(login) ? connectionFactoryFor(login) : hubTemplate.getConnectionFactory());
        return listeners;
    }

    @Override
    public void destroy() {
        opened.forEach(SingleConnectionFactory::destroy);
    }

    private static boolean configured(@Nullable SimulatorProperties.BrokerLogin login) {
        return login != null && login.user() != null && !login.user().isBlank();
    }

    private ConnectionFactory connectionFactoryFor(SimulatorProperties.BrokerLogin login) {
        // the hub's factory caches one connection with the hub's credentials; log in underneath it
        ConnectionFactory hub = hubTemplate.getConnectionFactory();
        ConnectionFactory target = hub instanceof SingleConnectionFactory single
                && single.getTargetConnectionFactory() != null ? single.getTargetConnectionFactory() : hub;
        UserCredentialsConnectionFactoryAdapter asAgency = new UserCredentialsConnectionFactoryAdapter();
        asAgency.setTargetConnectionFactory(target);
        asAgency.setUsername(login.user());
        asAgency.setPassword(login.password());
        CachingConnectionFactory cached = new CachingConnectionFactory(asAgency);
        cached.setSessionCacheSize(2);
        cached.setReconnectOnException(true);
        opened.add(cached);
        return cached;
    }
}
