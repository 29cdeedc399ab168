package org.esphub.hub.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: one user per role, all with the demo password, for trying the hub locally.
 * Active only with {@code esp.demo.identities=true} (the default profile); production has none.
 * The {@code admin} user is made by {@code camunda.bpm.admin-user}. The in-JVM workers need no
 * user: they authenticate with a per-start secret ({@code InJvmWorkerCredential}).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "esp.demo.identities", havingValue = "true")
public class DemoUsers extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    private static final String DEMO_PASSWORD = "demo";

    private record DemoUser(String id, String firstName, String lastName, AgencyRole role) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("sa-worker", "Sara", "Social Assistance", AgencyRole.SA_CASEWORKERS),
            new DemoUser("pes-worker", "Pablo", "Employment Service", AgencyRole.PES_CASEWORKERS),
            new DemoUser("pes-supervisor", "Petra", "PES Supervisor", AgencyRole.PES_SUPERVISORS),
            new DemoUser("appeals-officer", "Ali", "Appeals", AgencyRole.APPEALS_OFFICERS),
            new DemoUser("appeals-supervisor", "Amira", "Appeals Supervisor", AgencyRole.APPEALS_SUPERVISORS),
            new DemoUser("subsidy-officer", "Sun", "Subsidies", AgencyRole.SUBSIDY_OFFICERS),
            new DemoUser("process-owner", "Olga", "Process Owner", AgencyRole.PROCESS_OWNERS),
            new DemoUser("auditor", "Aude", "Auditor", AgencyRole.AUDITORS),
            new DemoUser("dpo", "Dana", "Data Protection", AgencyRole.DATA_PROTECTION_OFFICERS),
            new DemoUser("oversight", "Otto", "Oversight", AgencyRole.OVERSIGHT),
            new DemoUser("sa-supervisor", "Sam", "SA Supervisor", AgencyRole.SA_SUPERVISORS));

    private IdentityService identityService;

    /** Runs after {@link AgencyRolesSetup} (order 2), so the groups exist. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        identityService = processEngine.getIdentityService();
        for (DemoUser user : USERS) {
            ensureUser(user.id(), user.firstName(), user.lastName(), DEMO_PASSWORD, user.role());
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String password, AgencyRole role) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@demo.esp-hub.invalid");
            user.setPassword(password);
            identityService.saveUser(user);
            LOG.info("Created demo user {} ({})", id, role.groupId());
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(role.groupId()).count() == 0) {
            identityService.createMembership(id, role.groupId());
        }
    }
}
