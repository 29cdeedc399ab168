package org.esphub.hub.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.esphub.processes.IntegratedCase;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case view of a person, whole, before the data-sharing gate cuts it to what the reader's agency
 * may see: the person's latest integrated case, its joint plan in force (and the versions agreed), the
 * open tasks of both agencies in the case and its linked processes, the timeline of those processes
 * from the engine's history, and the exchanges about the person from the audit log.
 */
@Component
public class CaseView {

    /** Activities a caseworker reads as steps of the person's story; gateways and joins are not. */
    private static final Set<String> STEPS = Set.of("userTask", "serviceTask", "callActivity", "startEvent",
            "messageStartEvent", "intermediateMessageCatch", "intermediateTimer", "noneEndEvent", "terminateEndEvent",
            "intermediateNoneThrowEvent", "boundaryMessage", "boundaryTimer", "boundaryError", "errorEndEvent");
    private static final int MAX_TIMELINE = 500;

    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final PlanVersions plans;
    private final PersonExchanges exchanges;

    public CaseView(@Lazy HistoryService history, @Lazy TaskService tasks, @Lazy RepositoryService repository,
            JdbcTemplate jdbc, PlanVersions plans, PersonExchanges exchanges) {
        this.history = history;
        this.tasks = tasks;
        this.repository = repository;
        this.jdbc = jdbc;
        this.plans = plans;
        this.exchanges = exchanges;
    }

    /** The person's latest case (the open one, else the last closed), or empty if they never had one. */
    Optional<Map<String, Object>> of(String personId, CaseViewer viewer) {
        Optional<HistoricProcessInstance> latest = latestCase(personId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        HistoricProcessInstance theCase = latest.get();
        Map<String, Object> variables = variablesOf(theCase.getId());
        List<String> linked = jdbc.queryForList(
                "SELECT process_instance_id FROM esp_case_link WHERE case_instance_id = ? ORDER BY linked_at",
                String.class, theCase.getId());
        Set<String> instances = new LinkedHashSet<>();
        instances.add(theCase.getId());
        instances.addAll(linked);

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("person_id", personId);
        view.put("viewer", Map.of("user", viewer.userId(), "agency", viewer.agency()));
        view.put("case", caseOf(theCase, variables, linked.size()));
        view.put("plan", planOf(theCase.getId()));
        view.put("open_tasks", openTasks(instances));
        view.put("timeline", timeline(instances));
        view.put("exchanges", exchanges.of(personId));
        return Optional.of(view);
    }

    /** The running case a caseworker may ask a conference in, if the person has one. */
    Optional<String> openCaseId(String personId) {
        return latestCase(personId).filter(theCase -> theCase.getEndTime() == null).map(HistoricProcessInstance::getId);
    }

    private Optional<HistoricProcessInstance> latestCase(String personId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(IntegratedCase.PROCESS_KEY)
                .variableValueEquals(IntegratedCase.VAR_PERSON_ID, personId)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst();
    }

    private Map<String, Object> variablesOf(String processInstanceId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableNameIn(IntegratedCase.VAR_GIVEN_NAME,
                        IntegratedCase.VAR_FAMILY_NAME, IntegratedCase.VAR_OPENED_BY, IntegratedCase.VAR_OPENED_FOR)
                .list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        return variables;
    }

    private static Map<String, Object> caseOf(HistoricProcessInstance theCase, Map<String, Object> variables,
            int linkedProcesses) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference_id", theCase.getBusinessKey());
        view.put("state", theCase.getEndTime() == null ? "OPEN" : "CLOSED");
        view.put("given_name", variables.get(IntegratedCase.VAR_GIVEN_NAME));
        view.put("family_name", variables.get(IntegratedCase.VAR_FAMILY_NAME));
        view.put("opened_at", iso(theCase.getStartTime()));
        view.put("opened_by", variables.get(IntegratedCase.VAR_OPENED_BY));
        view.put("opened_for", variables.get(IntegratedCase.VAR_OPENED_FOR));
        view.put("closed_at", iso(theCase.getEndTime()));
        view.put("closed_how", closedHow(theCase.getEndActivityId()));
        view.put("linked_processes", linkedProcesses);
        return view;
    }

    private static String closedHow(String endActivityId) {
        if (IntegratedCase.CLOSED_BY_JOINT_DECISION.equals(endActivityId)) {
            return "JOINT_DECISION";
        }
        return IntegratedCase.CLOSED_WITH_THE_LAST_PROCESS.equals(endActivityId) ? "LAST_PROCESS_ENDED" : null;
    }

    private Map<String, Object> planOf(String caseId) {
        List<Map<String, Object>> versions = plans.of(caseId);
        Map<String, Object> plan = new LinkedHashMap<>();
        if (versions.isEmpty()) {
            plan.put("version", 0);
            plan.put("versions_agreed", List.of());
            return plan;
        }
        Map<String, Object> current = versions.get(0);
        plan.put("version", ((Number) value(current, "version")).intValue());
        plan.put("goal", value(current, "goal"));
        plan.put("sa_action", value(current, "sa_action"));
        plan.put("sa_action_due_date", value(current, "sa_action_due_date"));
        plan.put("pes_action", value(current, "pes_action"));
        plan.put("pes_action_due_date", value(current, "pes_action_due_date"));
        plan.put("pes_case_notes", value(current, "pes_case_notes"));
        plan.put("proposed_by", value(current, "proposed_by"));
        plan.put("agreed_by", value(current, "agreed_by"));
        plan.put("agreed_at", iso(value(current, "agreed_at")));
        plan.put("versions_agreed", versions.stream().map(version -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", ((Number) value(version, "version")).intValue());
            row.put("agreed_at", iso(value(version, "agreed_at")));
            row.put("agreed_by", value(version, "agreed_by"));
            return row;
        }).toList());
        return plan;
    }

    private List<Map<String, Object>> openTasks(Set<String> instances) {
        List<Map<String, Object>> open = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .orderByDueDate().asc().list()) {
            List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).sorted().toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", task.getName());
            row.put("process", processName(task.getProcessDefinitionId()));
            row.put("candidate_groups", groups);
            row.put("agency", groups.stream().map(CaseViewer::agencyOfGroup).filter(agency -> agency != null)
                    .findFirst().orElse(null));
            row.put("assignee", task.getAssignee());
            row.put("created", iso(task.getCreateTime()));
            row.put("due", iso(task.getDueDate()));
            open.add(row);
        }
        return open;
    }

    private List<Map<String, Object>> timeline(Set<String> instances) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (HistoricProcessInstance process : history.createHistoricProcessInstanceQuery()
                .processInstanceIds(instances).list()) {
            String name = processName(process.getProcessDefinitionId());
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(process.getId()).list()) {
                if (activity.getActivityName() == null || !STEPS.contains(activity.getActivityType())) {
                    continue;
                }
                Map<String, Object> step = new LinkedHashMap<>();
                Date at = activity.getEndTime() != null ? activity.getEndTime() : activity.getStartTime();
                step.put("at", iso(at));
                step.put("process", name);
                step.put("process_key", process.getProcessDefinitionKey());
                step.put("reference_id", process.getBusinessKey());
                step.put("step", activity.getActivityName());
                step.put("state", activity.getEndTime() == null ? "IN_PROGRESS"
                        : activity.isCanceled() ? "CANCELLED" : "DONE");
                steps.add(step);
            }
        }
        steps.sort(Comparator.comparing((Map<String, Object> step) -> (String) step.get("at")).reversed());
        return steps.size() > MAX_TIMELINE ? steps.subList(0, MAX_TIMELINE) : steps;
    }

    private String processName(String processDefinitionId) {
        var definition = repository.getProcessDefinition(processDefinitionId);
        return definition.getName() != null ? definition.getName() : definition.getKey();
    }

    /** Column names as the database spells them (PostgreSQL lower case, H2 upper case). */
    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase());
    }

    private static String iso(Object time) {
        if (time instanceof Date date) {
            return date.toInstant().toString();
        }
        if (time instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        return time instanceof Instant instant ? instant.toString() : null;
    }
}
