package org.esphub.simulators;

import jakarta.jms.ConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.connection.UserCredentialsConnectionFactoryAdapter;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.lang.Nullable;

/**
 * Gives each simulated agency a {@link JsonMessageSender} that logs in to the hub's broker as that
 * agency's own broker user ({@code esp.simulators.broker-users}), as the real agency would: the
 * hub binds the broker user to the sender_id, so a simulator sending on the hub's own connection
 * would be refused. Without a login configured (a broker without security, as in the simulators'
 * own tests) the hub's connection is used.
 */
public class AgencyBrokerLogins {

    private final JmsTemplate hubTemplate;

    public AgencyBrokerLogins(JmsTemplate hubTemplate) {
        this.hubTemplate = hubTemplate;
    }

    public JsonMessageSender senderFor(@Nullable SimulatorProperties.BrokerLogin login) {
        if (login == null || login.user() == null || login.user().isBlank()) {
            return new JsonMessageSender(hubTemplate);
        }
        // the hub's factory caches one connection with the hub's credentials; log in underneath it
        ConnectionFactory hubConnectionFactory = hubTemplate.getConnectionFactory();
        ConnectionFactory target = hubConnectionFactory instanceof SingleConnectionFactory single
                && single.getTargetConnectionFactory() != null ? single.getTargetConnectionFactory() : hubConnectionFactory;
        UserCredentialsConnectionFactoryAdapter asAgency = new UserCredentialsConnectionFactoryAdapter();
        asAgency.setTargetConnectionFactory(target);
        asAgency.setUsername(login.user());
        asAgency.setPassword(login.password());
        CachingConnectionFactory cached = new CachingConnectionFactory(asAgency);
        cached.setSessionCacheSize(2);
        return new JsonMessageSender(new JmsTemplate(cached));
    }
}
