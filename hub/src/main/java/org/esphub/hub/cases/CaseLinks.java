package org.esphub.hub.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.processes.IntegratedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one open integrated case per person and links to it every process about the person
 * ({@link IntegratedCase#LINKED_PROCESS_KEYS}): the first such process opens the case, later ones join it,
 * and the end of the last one still running closes it. Runs in the engine's listeners, in the transaction
 * of the step that started or ended the process, so a link exists exactly when its process does.
 *
 * <p>The caseworker or worker whose step this is may not be allowed to read or start the case (an SA
 * caseworker cannot read PES's processes, the workers start nothing): the case is the hub's own
 * bookkeeping, so its reads and starts run without the caller's authorization checks.
 */
@Component
public class CaseLinks {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLinks.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CaseLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A linked process started, or one of its steps with an agency ended: once it knows whom it is about
     * (the person's id and names: at its start, or for a referral from SA's profile) it joins the person's
     * open case, opening one if there is none, so the case's tasks name the person. Once per process.
     */
    void linkOnceNamed(DelegateExecution process) {
        String personId = personOf(process);
        if (personId == null || textOr(process.getVariable(IntegratedCase.VAR_GIVEN_NAME), null) == null
                || isLinked(process.getProcessInstanceId())) {
            return;
        }
        RuntimeService runtime = process.getProcessEngineServices().getRuntimeService();
        asTheHub(() -> {
            String caseId = openCaseOf(runtime, personId, null).map(ProcessInstance::getId)
                    .orElseGet(() -> open(runtime, process, personId));
            link(caseId, process.getProcessInstanceId(), keyOf(process), personId);
            return null;
        });
    }

    /**
     * An integrated case starts (the hub's or a caseworker's): refused if the person has an open case
     * already; otherwise it takes in the processes already running for the person.
     */
    void onCaseStart(DelegateExecution theCase) {
        String personId = personOf(theCase);
        if (personId == null) {
            throw new ProcessEngineException("an integrated case needs the person's id");
        }
        RuntimeService runtime = theCase.getProcessEngineServices().getRuntimeService();
        asTheHub(() -> {
            if (openCaseOf(runtime, personId, theCase.getProcessInstanceId()).isPresent()) {
                throw new CaseAlreadyOpen(personId);
            }
            for (String key : IntegratedCase.LINKED_PROCESS_KEYS) {
                for (ProcessInstance running : runtime.createProcessInstanceQuery().processDefinitionKey(key)
                        .variableValueEquals(IntegratedCase.VAR_PERSON_ID, personId).list()) {
                    if (stillRunning(running)) {
                        link(theCase.getProcessInstanceId(), running.getId(), key, personId);
                    }
                }
            }
            return null;
        });
    }

    /** A linked process ended: if it was the last one of its case still running, the case closes. */
    void closeIfLastEnded(DelegateExecution process) {
        String ended = process.getProcessInstanceId();
        List<String> cases = jdbc.queryForList(
                "SELECT case_instance_id FROM esp_case_link WHERE process_instance_id = ?", String.class, ended);
        if (cases.isEmpty()) {
            return;
        }
        RuntimeService runtime = process.getProcessEngineServices().getRuntimeService();
        asTheHub(() -> {
            for (String caseId : cases) {
                Set<String> others = new HashSet<>(jdbc.queryForList(
                        "SELECT process_instance_id FROM esp_case_link WHERE case_instance_id = ?", String.class, caseId));
                others.remove(ended);
                boolean anyRunning = !others.isEmpty() && runtime.createProcessInstanceQuery().processInstanceIds(others)
                        .list().stream().anyMatch(CaseLinks::stillRunning);
                if (!anyRunning) {
                    LOG.info("integrated case {}: the last linked process ({}) ended, the case closes", caseId, ended);
                    runtime.createMessageCorrelation(IntegratedCase.MESSAGE_LINKED_PROCESSES_ENDED)
                            .processInstanceId(caseId).correlateAll();
                }
            }
            return null;
        });
    }

    /** The person's open case, if any (but the one given). */
    static Optional<ProcessInstance> openCaseOf(RuntimeService runtime, String personId, String except) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(IntegratedCase.PROCESS_KEY)
                .variableValueEquals(IntegratedCase.VAR_PERSON_ID, personId).list().stream()
                .filter(CaseLinks::stillRunning)
                .filter(instance -> !instance.getId().equals(except))
                .findFirst();
    }

    private String open(RuntimeService runtime, DelegateExecution process, String personId) {
        String referenceId = IntegratedCase.REFERENCE_PREFIX + personId;
        Map<String, Object> variables = new HashMap<>();
        variables.put(IntegratedCase.VAR_REFERENCE_ID, referenceId);
        variables.put(IntegratedCase.VAR_PERSON_ID, personId);
        variables.put(IntegratedCase.VAR_CORRELATION_ID, textOr(process.getVariable(IntegratedCase.VAR_CORRELATION_ID),
                referenceId));
        variables.put(IntegratedCase.VAR_GIVEN_NAME, process.getVariable(IntegratedCase.VAR_GIVEN_NAME));
        variables.put(IntegratedCase.VAR_FAMILY_NAME, textOr(process.getVariable(IntegratedCase.VAR_FAMILY_NAME), ""));
        variables.put(IntegratedCase.VAR_OPENED_BY, IntegratedCase.OPENED_BY_HUB);
        variables.put(IntegratedCase.VAR_OPENED_FOR, keyOf(process));
        ProcessInstance opened = runtime.createMessageCorrelation(IntegratedCase.MESSAGE_OPENED)
                .processInstanceBusinessKey(referenceId).setVariables(variables).correlateStartMessage();
        LOG.info("integrated case {} opened for {} ({})", opened.getId(), keyOf(process), process.getProcessBusinessKey());
        return opened.getId();
    }

    private boolean isLinked(String processInstanceId) {
        Integer links = jdbc.queryForObject("SELECT COUNT(*) FROM esp_case_link WHERE process_instance_id = ?",
                Integer.class, processInstanceId);
        return links != null && links > 0;
    }

    private void link(String caseId, String processInstanceId, String processKey, String personId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM esp_case_link WHERE case_instance_id = ? "
                + "AND process_instance_id = ?", Integer.class, caseId, processInstanceId);
        if (known != null && known == 0) {
            jdbc.update("INSERT INTO esp_case_link (case_instance_id, process_instance_id, process_key, person_id, "
                    + "linked_at) VALUES (?, ?, ?, ?, ?)", caseId, processInstanceId, processKey, personId,
                    Timestamp.from(clock.instant()));
        }
    }

    /**
     * Running by the database, and not ended in this very transaction: a process ending with its caller
     * in one step is still a row until the step commits, but its entity in the command's cache knows.
     */
    private static boolean stillRunning(ProcessInstance instance) {
        if (instance.isEnded()) {
            return false;
        }
        CommandContext command = Context.getCommandContext();
        ExecutionEntity cached = command == null ? null
                : command.getDbEntityManager().getCachedEntity(ExecutionEntity.class, instance.getId());
        return cached == null || !cached.isEnded();
    }

    private static <T> T asTheHub(java.util.concurrent.Callable<T> work) {
        return Context.getCommandContext().runWithoutAuthorization(work);
    }

    private static String personOf(DelegateExecution execution) {
        return execution.getVariable(IntegratedCase.VAR_PERSON_ID) instanceof String id && !id.isBlank() ? id : null;
    }

    private static String keyOf(DelegateExecution process) {
        return process.getProcessDefinitionId().split(":")[0];
    }

    private static String textOr(Object value, String otherwise) {
        return value instanceof String text && !text.isBlank() ? text : otherwise;
    }

    /** A second open case for a person: the caseworker who tried is told, nothing starts. */
    static final class CaseAlreadyOpen extends ProcessEngineException {
        CaseAlreadyOpen(String personId) {
            super("an integrated case is already open for this person (" + IntegratedCase.REFERENCE_PREFIX + personId
                    + ")");
        }
    }
}
