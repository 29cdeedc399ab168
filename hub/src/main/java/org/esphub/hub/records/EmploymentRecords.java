package org.esphub.hub.records;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.TrainingEnrolment;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's read models of the benefits and placements its processes decide
 * ({@code esp_employment_benefit}, {@code esp_job_placement}), written when the deciding step
 * ends, from the engine's history events inside the engine's transaction: a row changes exactly
 * when its step commits. The searches ({@code GET /employment-benefits}, {@code GET
 * /job-placements}) read these tables and never the engine's variables.
 */
@Component
public class EmploymentRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EmploymentRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    public void onActivityEnd(HistoricActivityInstanceEventEntity event) {
        if (!HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType())) {
            return;
        }
        String process = event.getProcessDefinitionKey();
        String step = event.getActivityId();
        if (TrainingEnrolment.PROCESS_KEY.equals(process)) {
            training(step, event.getProcessInstanceId());
        } else if (BenefitAdjustment.PROCESS_KEY.equals(process)) {
            adjustment(step, event.getProcessInstanceId());
        } else if (JobPlacement.PROCESS_KEY.equals(process)) {
            placement(step, event.getProcessInstanceId());
        }
    }

    private void training(String step, String instanceId) {
        if (TrainingEnrolment.CONFIRM_ENROLMENT.equals(step)) {
            ExecutionEntity instance = instance(instanceId);
            if (instance == null || instance.getBusinessKey() == null) {
                return;
            }
            LocalDate start = date(instance.getVariable(TrainingEnrolment.VAR_START_DATE));
            Object weeks = instance.getVariable(TrainingEnrolment.VAR_DURATION_WEEKS);
            LocalDate end = start == null || !(weeks instanceof Number number) ? null
                    : start.plusWeeks(number.longValue());
            insertBenefit(instanceId, instance, BenefitTypes.TRAINING,
                    text(instance.getVariable(TrainingEnrolment.VAR_PROGRAMME_ID)),
                    text(instance.getVariable(TrainingEnrolment.VAR_PROGRAMME_NAME)), start, end, BenefitTypes.ENROLLED);
        } else if (TrainingEnrolment.TRAINING_COMPLETED_END.equals(step)) {
            updateBenefit(instanceId, BenefitTypes.COMPLETED);
        } else if (TrainingEnrolment.DROPPED_OUT.equals(step)) {
            updateBenefit(instanceId, BenefitTypes.WITHDRAWN);
        }
    }

    private void adjustment(String step, String instanceId) {
        if (BenefitAdjustment.ADJUSTMENT_APPLIED.equals(step)
                || BenefitAdjustment.AMENDED_ADJUSTMENT_APPLIED.equals(step)) {
            ExecutionEntity instance = instance(instanceId);
            if (instance == null || instance.getBusinessKey() == null) {
                return;
            }
            insertBenefit(instanceId, instance, BenefitTypes.BENEFIT_ADJUSTMENT,
                    text(instance.getVariable(BenefitAdjustment.VAR_ADJUSTMENT_DECISION)),
                    text(instance.getVariable(BenefitAdjustment.VAR_ADJUSTMENT_RULE_REASON)),
                    LocalDate.now(clock), null, BenefitTypes.ACTIVE);
        }
    }

    private void placement(String step, String instanceId) {
        if (JobPlacement.PLACEMENT_VERIFIED.equals(step)) {
            ExecutionEntity instance = instance(instanceId);
            if (instance == null || instance.getBusinessKey() == null) {
                return;
            }
            String personId = personOf(instance);
            if (personId == null) {
                return;
            }
            LocalDate verified = date(instance.getVariable(JobPlacement.VAR_PLACEMENT_VERIFIED_AT));
            // a re-engagement may verify a second placement in the same instance: the row follows the latest
            jdbc.update("DELETE FROM esp_job_placement WHERE placement_id = ?", instanceId);
            jdbc.update("INSERT INTO esp_job_placement (placement_id, reference_id, person_id, employer_id, job_title,"
                    + " contract_type, placement_date, start_date, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    instanceId, instance.getBusinessKey(), personId,
                    cut(text(instance.getVariable(JobPlacement.VAR_EMPLOYER_ID)), 255),
                    cut(text(instance.getVariable(JobPlacement.VAR_JOB_TITLE)), 255),
                    cut(text(instance.getVariable(JobPlacement.VAR_CONTRACT_TYPE)), 32),
                    sqlDate(verified == null ? LocalDate.now(clock) : verified),
                    sqlDate(date(instance.getVariable(JobPlacement.VAR_START_DATE))), PlacementStatus.VERIFIED,
                    now());
        } else if (JobPlacement.CHECKPOINT_PASSED.equals(step)) {
            updatePlacement(instanceId, PlacementStatus.RETAINED, null);
        } else if (JobPlacement.EMPLOYMENT_ENDED.equals(step)) {
            ExecutionEntity instance = instance(instanceId);
            updatePlacement(instanceId, PlacementStatus.ENDED,
                    instance == null ? null : date(instance.getVariable(JobPlacement.VAR_EMPLOYMENT_END_DATE)));
        } else if (JobPlacement.RETENTION_CHECK_FAILED.equals(step)) {
            updatePlacement(instanceId, PlacementStatus.FAILED, null);
        }
    }

    private void insertBenefit(String benefitId, ExecutionEntity instance, String type, String subtype,
            String description, LocalDate start, LocalDate end, String status) {
        String personId = personOf(instance);
        if (personId == null) {
            return;
        }
        jdbc.update("DELETE FROM esp_employment_benefit WHERE benefit_id = ?", benefitId);
        jdbc.update("INSERT INTO esp_employment_benefit (benefit_id, reference_id, person_id, benefit_type,"
                + " benefit_subtype, description, start_date, end_date, status, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", benefitId, instance.getBusinessKey(),
                personId, type, cut(subtype, 64), cut(description, 255),
                sqlDate(start), sqlDate(end), status, now());
    }

    private void updateBenefit(String benefitId, String status) {
        jdbc.update("UPDATE esp_employment_benefit SET status = ?, updated_at = ? WHERE benefit_id = ?", status, now(),
                benefitId);
    }

    private void updatePlacement(String placementId, String status, LocalDate endDate) {
        jdbc.update("UPDATE esp_job_placement SET status = ?, end_date = COALESCE(?, end_date), updated_at = ?"
                + " WHERE placement_id = ?", status, sqlDate(endDate), now(), placementId);
    }

    /**
     * The person the instance is about: its variable, else the referral's record. Null for an
     * instance the intake never started (e.g. one started by hand), which gets no row.
     */
    private String personOf(ExecutionEntity instance) {
        Object variable = instance.getVariable(TrainingEnrolment.VAR_PERSON_ID);
        if (variable != null) {
            return cut(String.valueOf(variable), 64);
        }
        return jdbc.queryForList("SELECT person_id FROM esp_referral WHERE reference_id = ?", String.class,
                instance.getBusinessKey()).stream().findFirst().orElse(null);
    }

    /** Read from the command's own execution: RuntimeService would check the caller's authorizations. */
    private static ExecutionEntity instance(String instanceId) {
        return Context.getCommandContext().getExecutionManager().findExecutionById(instanceId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** A date variable as the forms and workers write it: ISO date, or an ISO timestamp's date. */
    static LocalDate date(Object value) {
        if (value instanceof java.util.Date date) {
            return new Date(date.getTime()).toLocalDate();
        }
        String text = value == null ? "" : String.valueOf(value);
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
