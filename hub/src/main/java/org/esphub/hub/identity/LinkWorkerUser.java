package org.esphub.hub.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The technical user agency-link nodes authenticate as ({@link LinkWorkerProperties}): created
 * when absent, put in {@code esp-workers}, and given the configured password at every start, so
 * rotating {@code ESP_LINK_PASSWORD} takes effect at the hub's next start (a password set in
 * Camunda Admin meanwhile does not survive it: the configuration is where it lives). Its group
 * confines it to the external-task calls ({@code TechnicalIdentityBoundary}) whatever other
 * groups an administrator adds it to.
 */
@Component
@Order(3)
public class LinkWorkerUser extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LinkWorkerUser.class);

    private final LinkWorkerProperties properties;

    public LinkWorkerUser(LinkWorkerProperties properties) {
        this.properties = properties;
    }

    /** Runs after {@link AgencyRolesSetup} (order 1), so the group exists. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!properties.configured()) {
            return;
        }
        IdentityService identities = processEngine.getIdentityService();
        String id = properties.user();
        String group = AgencyRole.WORKERS.groupId();
        if (identities.createUserQuery().userId(id).count() == 0) {
            User user = identities.newUser(id);
            user.setFirstName("Agency-link");
            user.setLastName("nodes");
            user.setPassword(properties.password());
            identities.saveUser(user);
            LOG.info("Created the agency-link nodes' user {} ({})", id, group);
        } else {
            // set, not compared: a wrong password tried against the user would count as a failed login
            User user = identities.createUserQuery().userId(id).singleResult();
            user.setPassword(properties.password());
            identities.saveUser(user);
        }
        if (identities.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identities.createMembership(id, group);
        }
    }
}
