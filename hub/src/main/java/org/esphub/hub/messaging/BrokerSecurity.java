package org.esphub.hub.messaging;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.springframework.util.StringUtils;

/**
 * The embedded broker's users and per-queue roles, from {@link BrokerProperties}.
 *
 * <p>Each agency user gets a role of its own name, allowed to send to and consume from exactly
 * the queues configured for it. The hub's internal user (role {@value #HUB_ROLE}) sends, consumes
 * and browses everywhere and creates the queues it uses. Artemis applies only the most specific
 * match, so every queue's entry repeats the hub's role. Nobody may manage the broker remotely.
 * No default user: a client without valid credentials is refused on every protocol.
 */
final class BrokerSecurity {

    static final String HUB_ROLE = "esp-hub";

    private final BrokerProperties broker;
    private final String hubUser;
    private final String hubPassword;

    BrokerSecurity(BrokerProperties broker, String hubUser, String hubPassword) {
        this.broker = broker;
        this.hubUser = hubUser;
        this.hubPassword = hubPassword;
    }

    void applyTo(Configuration configuration) {
        configuration.setSecurityEnabled(true);
        // stamps the authenticated user on every message (_AMQ_VALIDATED_USER), whatever the client claims
        configuration.setPopulateValidatedUser(true);
        configuration.setSecurityRoles(roles());
    }

    Map<String, Set<Role>> roles() {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        roles.put("#", new LinkedHashSet<>(Set.of(hubRole())));
        Map<String, Map<String, boolean[]>> perQueue = new LinkedHashMap<>();
        broker.users().forEach((user, rights) -> {
            rights.send().forEach(queue -> perQueue.computeIfAbsent(queue, q -> new HashMap<>())
                    .computeIfAbsent(user, u -> new boolean[2])[0] = true);
            rights.consume().forEach(queue -> perQueue.computeIfAbsent(queue, q -> new HashMap<>())
                    .computeIfAbsent(user, u -> new boolean[2])[1] = true);
        });
        perQueue.forEach((queue, users) -> {
            Set<Role> queueRoles = new LinkedHashSet<>();
            queueRoles.add(hubRole());
            users.forEach((user, sendConsume) -> queueRoles.add(agencyRole(user, sendConsume[0], sendConsume[1])));
            roles.put(queue, queueRoles);
        });
        return roles;
    }

    ActiveMQJAASSecurityManager securityManager() {
        SecurityConfiguration users = new SecurityConfiguration();
        if (!StringUtils.hasText(hubUser)) {
            throw new IllegalStateException("spring.artemis.user must name the hub's own broker user: "
                    + "the embedded broker admits no anonymous client");
        }
        users.addUser(hubUser, hubPassword);
        users.addRole(hubUser, HUB_ROLE);
        broker.users().forEach((user, rights) -> {
            if (user.equals(hubUser)) {
                throw new IllegalStateException("esp.broker.users." + user + " is the hub's own user");
            }
            if (!StringUtils.hasText(rights.password())) {
                throw new IllegalStateException("esp.broker.users." + user + ".password is not set");
            }
            users.addUser(user, rights.password());
            users.addRole(user, user);
        });
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
    }

    private static Role hubRole() {
        // name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
        // deleteNonDurableQueue, manage, browse, createAddress, deleteAddress
        return new Role(HUB_ROLE, true, true, true, false, true, true, false, true, true, false);
    }

    private static Role agencyRole(String user, boolean send, boolean consume) {
        return new Role(user, send, consume, false, false, false, false, false, consume, false, false);
    }
}
