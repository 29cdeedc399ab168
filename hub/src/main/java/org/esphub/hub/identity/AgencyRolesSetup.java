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
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.esphub.hub.engine.inbox.CaseColumnsBackfill;
import org.esphub.hub.engine.inbox.InboxColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the hub's groups, their authorizations and one Tasklist inbox filter per caseworker
 * group, in every profile. Idempotent: it adds what is missing and sets the grants and filters
 * the hub defines back to the hub's definition where an installation holds an older one (so an
 * upgrade reaches existing databases); everything else an administrator added is left alone.
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
        boolean inboxesUpgraded = false;
        for (AgencyRole role : AgencyRole.values()) {
            ensureGroup(role);
            for (AgencyRole.Grant grant : role.grants()) {
                ensureGrant(role.groupId(), grant);
            }
            if (role.inboxFilterName() != null) {
                inboxesUpgraded |= ensureInbox(role);
            }
        }
        if (inboxesUpgraded) {
            // tasks created before the upgrade lack the columns the filters now show
            int tasks = CaseColumnsBackfill.onOpenTasks(taskService, processEngine.getRuntimeService());
            LOG.info("Copied the inbox columns onto {} open tasks", tasks);
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

    /**
     * The hub owns the grants it defines (group, resource type, resource id): a missing one is
     * created, and one whose permissions differ from the hub's is set to them, so an upgrade
     * reaches existing installations (process owners lost the right to write instance variables
     * this way). Administrators add their own grants on other groups or resource ids.
     */
    private void ensureGrant(String groupId, AgencyRole.Grant grant) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        } else if (GrantedPermissions.same(authorization, grant)) {
            return;
        } else {
            LOG.info("Setting the permissions of group {} on {} '{}' to the hub's {}", groupId,
                    grant.resource().resourceName(), grant.resourceId(), grant.permissions());
        }
        authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Returns whether an existing filter was upgraded.
     *
     * <p>A Tasklist filter showing the group's tasks, readable by that group only. Each row names the
     * person and the reference (filter variables, {@link InboxColumns}) and the inbox is ordered
     * by due date, earliest first. Tasklist sends its own sort with every list request (created, newest first, unless
     * the user picks one) and the engine applies the saved query's ordering before it, so the
     * filter's due-date ordering comes first and Tasklist's breaks ties. Like the grants, the
     * hub's filters are the hub's: one whose query or properties differ from these is updated.
     */
    private boolean ensureInbox(AgencyRole role) {
        TaskQuery query = taskService.createTaskQuery()
                .taskCandidateGroup(role.groupId()).includeAssignedTasks()
                .orderByDueDate().asc();
        Map<String, Object> properties = Map.of(
                "description", "Open tasks for " + role.groupName() + ", earliest due first",
                "priority", 10,
                "refresh", true,
                "variables", InboxColumns.COLUMNS.stream()
                        .map(column -> Map.of("name", column.variable(), "label", column.label())).toList());
        boolean upgraded = false;
        Filter filter = filterService.createFilterQuery().filterName(role.inboxFilterName()).singleResult();
        if (filter == null) {
            filter = filterService.saveFilter(filterService.newTaskFilter(role.inboxFilterName())
                    .setQuery(query).setProperties(properties));
            LOG.info("Created Tasklist filter '{}'", role.inboxFilterName());
        } else if (!properties.equals(filter.getProperties()) || !SavedTaskQuery.same(filter.getQuery(), query)) {
            upgraded = true;
            filter = filterService.saveFilter(filter.setQuery(query).setProperties(properties));
            LOG.info("Updated Tasklist filter '{}' to the hub's query and columns", role.inboxFilterName());
        }
        ensureGrant(role.groupId(), new AgencyRole.Grant(Resources.FILTER, filter.getId(),
                List.of(Permissions.READ)));
        return upgraded;
    }
}
