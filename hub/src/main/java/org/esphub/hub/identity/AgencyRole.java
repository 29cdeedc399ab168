package org.esphub.hub.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.IntegratedCase;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.processes.SubjectAccessRequest;

/**
 * The Camunda groups of the hub and what each may do. Caseworkers see only the tasks their
 * group is a candidate for: the engine grants that per task when the model names the group,
 * so a group needs no blanket task permission here.
 */
public enum AgencyRole {

    SA_CASEWORKERS("sa-caseworkers", "SA caseworkers", "SA caseworkers — inbox", caseworkerWho(List.of(
            // an SA caseworker opens an integrated case from its start form in Tasklist; nothing else starts by hand
            grant(Resources.PROCESS_DEFINITION, IntegratedCase.PROCESS_KEY, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE),
            grant(Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE)))),
    PES_CASEWORKERS("pes-caseworkers", "PES caseworkers", "PES caseworkers — inbox", caseworkerWho(List.of(
            // a PES caseworker refers a client to SA, or opens an integrated case, from the start forms in
            // Tasklist; nothing else starts by hand
            grant(Resources.PROCESS_DEFINITION, PesClientSaAccess.PROCESS_KEY, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE),
            grant(Resources.PROCESS_DEFINITION, IntegratedCase.PROCESS_KEY, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE),
            grant(Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE)))),
    PES_SUPERVISORS("pes-supervisors", "PES supervisors", "PES supervisors — escalations", caseworker()),
    APPEALS_OFFICERS("appeals-officers", "Appeals officers", "Appeals officers — inbox", caseworker()),
    APPEALS_SUPERVISORS("appeals-supervisors", "Appeals supervisors", "Appeals supervisors — escalations",
            caseworker()),
    SUBSIDY_OFFICERS("subsidy-officers", "Subsidy officers", "Subsidy officers — inbox", caseworkerWho(List.of(
            // a subsidy officer enters a paper application from the start form in Tasklist; nothing else starts by hand
            grant(Resources.PROCESS_DEFINITION, EmploymentSubsidy.PROCESS_KEY, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE),
            grant(Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE)))),
    PROCESS_OWNERS("process-owners", "Process owners", null, List.of(
            grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            grant(Resources.DEPLOYMENT, "*", Permissions.ALL),
            processOwnerDefinitions(),
            grant(Resources.DECISION_DEFINITION, "*", Permissions.ALL),
            grant(Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL),
            processOwnerInstances(),
            grant(Resources.TASK, "*", Permissions.READ),
            grant(Resources.FILTER, "*", Permissions.READ))),
    AUDITORS("auditors", "Auditors", null, List.of(
            grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            grant(Resources.DEPLOYMENT, "*", Permissions.READ),
            grant(Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE),
            grant(Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY),
            grant(Resources.PROCESS_INSTANCE, "*", Permissions.READ))),
    /** The hub operator's data-protection officers: they review a person's export before it is released. */
    DATA_PROTECTION_OFFICERS(SubjectAccessRequest.GROUP_DATA_PROTECTION_OFFICERS, "Data-protection officers",
            "Data-protection officers — access requests", caseworker()),
    /** Operators: metrics, the OpenAPI document, dead letters; no Camunda permission of their own. */
    OPERATORS("operators", "Operators", null, List.of()),
    /**
     * Technical group of external-task workers. Fetching and completing need READ and UPDATE on
     * process instances, which Camunda also takes as leave to read and write every instance's
     * variables; so members of this group reach only the external-task calls of
     * {@code /engine-rest} ({@code TechnicalIdentityBoundary}) and nothing of {@code /api}.
     */
    WORKERS("esp-workers", "External-task workers", null, List.of(
            grant(Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.UPDATE_INSTANCE),
            grant(Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE))),
    /**
     * Oversight bodies: the KPI dashboard ({@code /kpi}, {@code /api/kpis}), aggregates only; no Camunda
     * permission, so no instance, variable or person.
     */
    OVERSIGHT("oversight", "Oversight", null, List.of()),
    /** SA's supervisors: the follow-up of an SA action of an integrated case's joint plan past its due date. */
    SA_SUPERVISORS("sa-supervisors", "SA supervisors", "SA supervisors — escalations", caseworker());

    private final String groupId;
    private final String groupName;
    private final String inboxFilterName;
    private final List<Grant> grants;

    AgencyRole(String groupId, String groupName, String inboxFilterName, List<Grant> grants) {
        this.groupId = groupId;
        this.groupName = groupName;
        this.inboxFilterName = inboxFilterName;
        this.grants = grants;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }

    /** Name of the group's Tasklist filter, or null for groups that have no inbox. */
    public String inboxFilterName() {
        return inboxFilterName;
    }

    public List<Grant> grants() {
        return grants;
    }

    /** A caseworker's grants and the further ones of the group. */
    private static List<Grant> caseworkerWho(List<Grant> further) {
        List<Grant> grants = new ArrayList<>(caseworker());
        grants.addAll(further);
        return List.copyOf(grants);
    }

    private static List<Grant> caseworker() {
        return List.of(
                grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                // to show process names and load the deployed Camunda Forms of their tasks
                grant(Resources.PROCESS_DEFINITION, "*", Permissions.READ));
    }

    /**
     * Process owners run the models: deploy, start, read instances, their variables and history,
     * suspend, retry failed jobs. They never change or delete what a running instance holds (its
     * variables are personal data, written by the process and by caseworkers through their forms):
     * none of UPDATE_INSTANCE, UPDATE_INSTANCE_VARIABLE, DELETE_INSTANCE, UPDATE_TASK or TASK_WORK,
     * each of which would also let them write or delete variables. Camunda retries a failed
     * external task only for UPDATE on its instance, so retrying those incidents stays with
     * administrators ({@code camunda-admin}); jobs (timers, asynchronous continuations) need only
     * RETRY_JOB.
     */
    private static Grant processOwnerDefinitions() {
        return grant(Resources.PROCESS_DEFINITION, "*",
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.UPDATE,
                ProcessDefinitionPermissions.DELETE,
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE,
                // kept if an installation turns on enforceSpecificVariablePermission
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.SUSPEND,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB);
    }

    /** The instance side of {@link #processOwnerDefinitions()}: CREATE to start, no UPDATE, UPDATE_VARIABLE or DELETE. */
    private static Grant processOwnerInstances() {
        return grant(Resources.PROCESS_INSTANCE, "*",
                ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ,
                ProcessInstancePermissions.SUSPEND,
                ProcessInstancePermissions.RETRY_JOB);
    }

    private static Grant grant(Resource resource, String resourceId, Permission... permissions) {
        return new Grant(resource, resourceId, List.of(permissions));
    }

    /** A permission set on one resource (id {@code *} for all of that type). */
    public record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }
}
