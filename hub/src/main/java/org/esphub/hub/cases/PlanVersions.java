package org.esphub.hub.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.esphub.processes.IntegratedCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every version of a joint plan both agencies agreed, kept when the case passes
 * {@link IntegratedCase#PLAN_AGREED} (in that step's transaction): the goal, both actions with their due
 * dates, PES's notes, who proposed and who agreed, when. The case's {@code planVersion} is set to the
 * new number, so the tasks of the plan name the version they carry out.
 */
@Component
public class PlanVersions {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PlanVersions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(DelegateExecution theCase) {
        String caseId = theCase.getProcessInstanceId();
        Integer last = jdbc.queryForObject("SELECT MAX(version) FROM esp_case_plan_version WHERE case_instance_id = ?",
                Integer.class, caseId);
        int version = last == null ? 1 : last + 1;
        jdbc.update("INSERT INTO esp_case_plan_version (case_instance_id, version, person_id, goal, sa_action, "
                + "sa_action_due_date, pes_action, pes_action_due_date, pes_case_notes, proposed_by, agreed_by, agreed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseId, version, text(theCase, IntegratedCase.VAR_PERSON_ID, 64),
                text(theCase, IntegratedCase.VAR_PLAN_GOAL, 2000), text(theCase, IntegratedCase.VAR_SA_ACTION, 1000),
                text(theCase, IntegratedCase.VAR_SA_ACTION_DUE_DATE, 10), text(theCase, IntegratedCase.VAR_PES_ACTION, 1000),
                text(theCase, IntegratedCase.VAR_PES_ACTION_DUE_DATE, 10),
                text(theCase, IntegratedCase.VAR_PES_CASE_NOTES, 4000), text(theCase, IntegratedCase.VAR_PLAN_PROPOSED_BY, 64),
                text(theCase, IntegratedCase.VAR_PLAN_AGREED_BY, 64), Timestamp.from(clock.instant()));
        // a Long, as the model's own 0 is
        theCase.setVariable(IntegratedCase.VAR_PLAN_VERSION, (long) version);
    }

    /** The versions of a case, newest first (column names as in the table). */
    List<Map<String, Object>> of(String caseInstanceId) {
        return jdbc.queryForList("SELECT * FROM esp_case_plan_version WHERE case_instance_id = ? ORDER BY version DESC",
                caseInstanceId);
    }

    /**
     * The form bounds every field (its maxLength); a value longer than its column never comes through
     * Tasklist, and one written otherwise is cut rather than failing the agreement of the plan.
     */
    private static String text(DelegateExecution execution, String variable, int maxLength) {
        Object value = execution.getVariable(variable);
        if (value == null) {
            return variable.equals(IntegratedCase.VAR_PES_CASE_NOTES) || variable.endsWith("By") ? null : "";
        }
        String text = value.toString();
        return text.length() > maxLength ? text.substring(0, maxLength) : text;
    }
}
