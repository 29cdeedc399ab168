package org.esphub.hub.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the hub's groups, their authorizations and one Tasklist inbox filter per caseworker
 * group, in every profile. Idempotent: it adds what is missing and leaves what an administrator
 * changed alone.
 */
@Component
@Order(1)
public class AgencyRolesSetup extends AbstractCamundaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyRolesSetup.class);

    private IdentityService identityService;
    private AuthorizationService authorizationService;
    private FilterService filterService;
    private TaskService taskService;

    /** Runs once the engine is built, before the job executor, workers or users touch it. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        identityService = processEngine.getIdentityService();
        authorizationService = processEngine.getAuthorizationService();
        filterService = processEngine.getFilterService();
        taskService = processEngine.getTaskService();
        for (AgencyRole role : AgencyRole.values()) {
            ensureGroup(role);
            for (AgencyRole.Grant grant : role.grants()) {
                ensureGrant(role.groupId(), grant);
            }
            if (role.inboxFilterName() != null) {
                ensureInbox(role);
            }
        }
    }

    private void ensureGroup(AgencyRole role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
            Group group = identityService.newGroup(role.groupId());
            group.setName(role.groupName());
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            LOG.info("Created group {}", role.groupId());
        }
    }

    private void ensureGrant(String groupId, AgencyRole.Grant grant) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        for (Permission permission : grant.permissions()) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    /** A Tasklist filter showing the group's tasks, readable by that group only. */
    private void ensureInbox(AgencyRole role) {
        Filter filter = filterService.createFilterQuery().filterName(role.inboxFilterName()).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(role.inboxFilterName())
                    .setQuery(taskService.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks())
                    .setProperties(Map.of(
                            "description", "Open tasks for " + role.groupName(),
                            "priority", 10,
                            "refresh", true,
                            "variables", List.of(
                                    Map.of("name", "referenceId", "label", "Reference"),
                                    Map.of("name", "personId", "label", "Person"))));
            filter = filterService.saveFilter(filter);
            LOG.info("Created Tasklist filter '{}'", role.inboxFilterName());
        }
        ensureGrant(role.groupId(), new AgencyRole.Grant(Resources.FILTER, filter.getId(),
                List.of(Permissions.READ)));
    }
}
