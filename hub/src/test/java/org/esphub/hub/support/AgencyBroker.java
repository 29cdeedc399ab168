package org.esphub.hub.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hub's broker as an agency sees it: over the agencies' acceptor, logged in as a demo broker
 * user (password {@code demo}). The hub binds the broker user to {@code header.sender_id}, so a
 * test sends as the agency whose sender_id its message carries.
 */
public final class AgencyBroker {

    public static final String SA = "sa-system";
    public static final String PES = "pes-system";
    public static final String TVET = "tvet-provider";
    public static final String EMPLOYER = "employer-system";
    public static final String DEMO_PASSWORD = "demo";

    private static final Map<String, JmsTemplate> TEMPLATES = new ConcurrentHashMap<>();

    private AgencyBroker() {
    }

    /**
     * @param acceptorUrl the hub's {@code esp.messaging.acceptor-url}
     * @param user a demo broker user
     */
    public static JmsTemplate as(String acceptorUrl, String user) {
        return TEMPLATES.computeIfAbsent(clientUrl(acceptorUrl) + " " + user, key -> {
            CachingConnectionFactory cached = new CachingConnectionFactory(
                    new ActiveMQConnectionFactory(clientUrl(acceptorUrl), user, DEMO_PASSWORD));
            // a hub context of another test class may have stopped the broker meanwhile: reconnect then
            cached.setReconnectOnException(true);
            return new JmsTemplate(cached);
        });
    }

    /** The acceptor's URL without the server-side options (protocols=...). */
    public static String clientUrl(String acceptorUrl) {
        int query = acceptorUrl.indexOf('?');
        return query < 0 ? acceptorUrl : acceptorUrl.substring(0, query);
    }
}
