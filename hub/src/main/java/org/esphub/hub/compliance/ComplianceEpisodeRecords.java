package org.esphub.hub.compliance;

import static org.esphub.processes.ActivationCompliance.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.Appeal;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's read model of the compliance episodes ({@code esp_compliance_episode}) and their
 * enforcement actions ({@code esp_enforcement_action}), written when a step of
 * {@code activation-compliance} ends, from the engine's history events inside the engine's
 * transaction (as {@code EmploymentRecords} does for benefits and placements): a row changes
 * exactly when its step commits, and {@code GET /compliance-monitoring} never reads the engine.
 * An assessment also answers the compliance requests waiting for it ({@link ComplianceAnswers}); the
 * episode's start hands it the requests held until then ({@link ComplianceEpisodeFeed}).
 */
@Component
public class ComplianceEpisodeRecords {

    /** Steps after which the counters shown in the list may have changed. */
    private static final Set<String> COUNTING_STEPS = Set.of(EVIDENCE_RECEIVED, COMPLIANCE_REQUEST_RECEIVED);
    private static final Set<String> END_EVENTS = Set.of(MONITORING_ENDED, SANCTION_LIFTED_AT_END,
            MONITORING_ENDED_AFTER_EXIT);

    private final JdbcTemplate jdbc;
    private final ComplianceAnswers answers;
    private final ComplianceEpisodeFeed feed;
    private final Clock clock;

    public ComplianceEpisodeRecords(JdbcTemplate jdbc, ComplianceAnswers answers, ComplianceEpisodeFeed feed,
            Clock clock) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.feed = feed;
        this.clock = clock;
    }

    @EventListener
    public void onActivityEnd(HistoricActivityInstanceEventEntity event) {
        if (!HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType())
                || !ActivationCompliance.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            return;
        }
        String step = event.getActivityId();
        String monitoringId = event.getProcessInstanceId();
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(monitoringId);
        if (instance == null || instance.getBusinessKey() == null) {
            return;
        }
        if (ACTIVATION_PLAN_AGREED.equals(step)) {
            started(monitoringId, instance);
        } else if (COMPLIANCE_GATEWAY.equals(step)) {
            // the step after the assessment: the decision's outputs are mapped by then
            assessed(monitoringId, instance);
        } else if (COUNTING_STEPS.contains(step)) {
            counted(monitoringId, instance);
        } else if (EPISODE_CLOSED_MERGE.equals(step)) {
            // closing spends the misses and refusals the episode was about
            setState(monitoringId, EpisodeStates.MONITORING);
            counted(monitoringId, instance);
        } else if (END_EVENTS.contains(step)) {
            jdbc.update("UPDATE esp_compliance_episode SET state = ?, ended_at = ?, updated_at = ? WHERE monitoring_id = ?",
                    EpisodeStates.ENDED, now(), now(), monitoringId);
        } else {
            enforcement(step, monitoringId, instance);
        }
    }

    private void started(String monitoringId, ExecutionEntity instance) {
        Object person = instance.getVariable(VAR_PERSON_ID);
        if (person == null) {
            return;
        }
        jdbc.update("DELETE FROM esp_compliance_episode WHERE monitoring_id = ?", monitoringId);
        jdbc.update("INSERT INTO esp_compliance_episode (monitoring_id, reference_id, person_id, state, compliance_status,"
                + " monitored_areas, minimum_applications, applications_in_period, missed_appointments, training_absences,"
                + " refused_offers, next_review_date, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
                monitoringId, instance.getBusinessKey(), String.valueOf(person), EpisodeStates.MONITORING,
                EpisodeStates.PENDING, areas(instance),
                number(instance.getVariable(VAR_MINIMUM_APPLICATIONS)),
                sqlDate(instance.getVariable(VAR_PERIOD_ENDS_AT)), now(), now());
        // requests SA sent before the plan was agreed: handed to the episode once it is committed
        feed.feedHeldAfterCommit(instance.getBusinessKey());
    }

    private void assessed(String monitoringId, ExecutionEntity instance) {
        String result = text(instance.getVariable(VAR_ASSESSMENT_RESULT));
        if (result == null) {
            return;
        }
        boolean nonCompliant = RESULT_NON_COMPLIANT.equals(result);
        jdbc.update("UPDATE esp_compliance_episode SET compliance_status = ?, non_compliance_reason = ?,"
                + " assessment_rule_id = ?, state = ?, last_assessed_at = ?, next_review_date = ?, updated_at = ?"
                + " WHERE monitoring_id = ?", result, nonCompliant ? text(instance.getVariable(VAR_NON_COMPLIANCE_REASON))
                        : null, text(instance.getVariable(VAR_ASSESSMENT_RULE_ID)),
                nonCompliant ? EpisodeStates.UNDER_REVIEW : EpisodeStates.MONITORING, now(),
                sqlDate(instance.getVariable(VAR_PERIOD_ENDS_AT)), now(), monitoringId);
        counted(monitoringId, instance);
        answers.assessed(instance.getBusinessKey(), result,
                nonCompliant ? text(instance.getVariable(VAR_NON_COMPLIANCE_REASON)) : null);
    }

    private void counted(String monitoringId, ExecutionEntity instance) {
        jdbc.update("UPDATE esp_compliance_episode SET monitored_areas = ?, minimum_applications = ?,"
                + " applications_in_period = ?, missed_appointments = ?, training_absences = ?, refused_offers = ?,"
                + " updated_at = ? WHERE monitoring_id = ?", areas(instance),
                number(instance.getVariable(VAR_MINIMUM_APPLICATIONS)),
                number(instance.getVariable(VAR_APPLICATIONS_IN_PERIOD)),
                number(instance.getVariable(VAR_MISSED_APPOINTMENTS)),
                number(instance.getVariable(VAR_TRAINING_ABSENCES)), number(instance.getVariable(VAR_REFUSED_OFFERS)),
                now(), monitoringId);
    }

    /**
     * Each sanction step, from the ladder's proposal to its end; the state machine of one action. Read at
     * the gateway after a task, where the task's output mappings (type, share, end) have been made.
     */
    private void enforcement(String step, String monitoringId, ExecutionEntity instance) {
        String type = text(instance.getVariable(VAR_SANCTION_TYPE));
        Integer percent = number(instance.getVariable(VAR_REDUCTION_PERCENT));
        switch (step) {
            case WARNING_GATEWAY -> jdbc.update("INSERT INTO esp_enforcement_action (action_id, monitoring_id,"
                    + " action_type, reduction_percent, state, reason, proposed_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), monitoringId, type, percent,
                    EnforcementStates.PROPOSED, text(instance.getVariable(VAR_NON_COMPLIANCE_REASON)), now(), now());
            // a warning withholds nothing: it stands once the person is told
            case NOTIFY_WARNING -> move(monitoringId, EnforcementStates.PROPOSED, EnforcementStates.APPLIED, type,
                    percent, null);
            case APPROVAL_GATEWAY -> move(monitoringId, EnforcementStates.PROPOSED,
                    APPROVAL_REJECTED.equals(instance.getVariable(VAR_APPROVAL_DECISION)) ? EnforcementStates.REJECTED
                            : EnforcementStates.APPROVED, type, percent, null);
            case APPEAL_OUTCOME_GATEWAY -> {
                if (Appeal.OUTCOME_OVERTURNED.equals(instance.getVariable(Appeal.VAR_APPEAL_OUTCOME))) {
                    move(monitoringId, EnforcementStates.APPROVED, EnforcementStates.OVERTURNED, type, percent, null);
                }
            }
            case EXIT_GATEWAY -> move(monitoringId, EnforcementStates.APPROVED, EnforcementStates.APPLIED, type,
                    percent, instance.getVariable(VAR_SANCTION_ENDS_AT));
            case NOTIFY_SANCTION_ENDED, NOTIFY_SANCTION_ENDED_WITH_REFERRAL -> jdbc.update(
                    "UPDATE esp_enforcement_action SET state = ?, updated_at = ? WHERE monitoring_id = ? AND state = ?"
                            + " AND action_type IN (?, ?)", EnforcementStates.ENDED, now(), monitoringId,
                    EnforcementStates.APPLIED, SANCTION_BENEFIT_REDUCTION, SANCTION_BENEFIT_SUSPENSION);
            default -> {
                // other steps change nothing the list shows
            }
        }
    }

    /** The episode's latest action in state {@code from} moves on, with the type and share it has now. */
    private void move(String monitoringId, String from, String to, String type, Integer percent, Object endsAt) {
        List<String> latest = jdbc.queryForList("SELECT action_id FROM esp_enforcement_action WHERE monitoring_id = ?"
                + " AND state = ? ORDER BY proposed_at DESC", String.class, monitoringId, from);
        if (latest.isEmpty()) {
            return;
        }
        boolean applied = EnforcementStates.APPLIED.equals(to);
        jdbc.update("UPDATE esp_enforcement_action SET state = ?, action_type = COALESCE(?, action_type),"
                + " reduction_percent = COALESCE(?, reduction_percent), applied_at = ?, ends_at = ?, updated_at = ?"
                + " WHERE action_id = ?", to, type, percent, applied ? now() : null,
                endsAt instanceof Date date ? new Timestamp(date.getTime()) : null, now(), latest.get(0));
    }

    private void setState(String monitoringId, String state) {
        jdbc.update("UPDATE esp_compliance_episode SET state = ?, updated_at = ? WHERE monitoring_id = ? AND state <> ?",
                state, now(), monitoringId, EpisodeStates.ENDED);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static java.sql.Date sqlDate(Object value) {
        return value instanceof Date date ? new java.sql.Date(date.getTime()) : null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String areas(ExecutionEntity instance) {
        Object areas = instance.getVariable(VAR_MONITORED_AREAS);
        return areas == null ? "" : String.valueOf(areas);
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
