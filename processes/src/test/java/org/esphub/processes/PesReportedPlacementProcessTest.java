package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.esphub.processes.LifecycleProcessSteps.WORKER;
import static org.esphub.processes.LifecycleProcessSteps.agencyReports;
import static org.esphub.processes.LifecycleProcessSteps.at;
import static org.esphub.processes.LifecycleProcessSteps.fireTimer;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.PesReportedPlacement.*;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pes-reported-placement, path by path, with job-placement and benefit-adjustment deployed and driven
 * as the agencies, the workers and the SA caseworker drive them (never a wait).
 */
@Deployment(resources = {
        BPMN_RESOURCE,
        JobPlacement.BPMN_RESOURCE, JobPlacement.DMN_RESOURCE, JobPlacement.FORM_VACANCY_MATCH_RESOURCE,
        BenefitAdjustment.BPMN_RESOURCE, BenefitAdjustment.DMN_RESOURCE, BenefitAdjustment.FORM_APPROVAL_RESOURCE,
        Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class PesReportedPlacementProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final long LOCK_MS = 60_000;
    private static final String PERSON = "PERS-0042";
    private static final String EMPLOYER = "EMP-ABC-001";
    private static final String START_DATE = "2025-04-01";
    private static final double WAGE = 1500.0;

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(2025, 3, 3, 9, 0));
        Mocks.register("workingCalendar", new WorkingCalendar(List.of(), ZONE));
        Mocks.register(CatalogueChoice.BEAN_NAME, new CatalogueChoice());
        Mocks.register(JobPlacement.SETTINGS_BEAN,
                new JobPlacementSettings(10, 30, Duration.ofDays(7), List.of(30, 90), 1000.0, ZONE));
        Mocks.register(BenefitAdjustment.SETTINGS_BEAN, new BenefitAdjustmentSettings(Duration.parse("P30D")));
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void a_beneficiary_placed_by_PES_has_the_benefit_adjusted_at_verification_and_again_at_stable_employment() {
        ProcessInstance pi = pesReportsAPlacement();
        ProcessInstance placement = running(JobPlacement.PROCESS_KEY);
        assertThat(placement).hasBusinessKey(referenceId)
                .hasPassed(JobPlacement.PLACEMENT_MADE_GATEWAY).hasNotPassed(JobPlacement.MATCH_VACANCY)
                .isWaitingAt(JobPlacement.PLACEMENT_REPORTED, JobPlacement.START_DATE_REACHED);

        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        assertThat(pi).hasPassed(PLACEMENT_VERIFIED).isWaitingAt(JOB_PLACEMENT, FETCH_BENEFIT_ON_PLACEMENT);
        assertThat(saTellsTheBenefit(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_STATUS_ACTIVE, 800.0)).containsOnly(
                entry(JobPlacement.VAR_PERSON_ID, PERSON),
                entry(JobPlacement.VAR_REFERENCE_ID, referenceId),
                entry(JobPlacement.VAR_CORRELATION_ID, correlationId));
        assertThat(running(BenefitAdjustment.PROCESS_KEY)).hasBusinessKey(referenceId).variables()
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 800.0)
                .containsEntry(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, WAGE)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER, BenefitAdjustment.TRIGGER_PLACEMENT_VERIFIED)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_DECISION, BenefitAdjustment.DECISION_REDUCE);
        adjustmentApprovedAndApplied();
        assertThat(pi).hasPassed(ADJUST_BENEFIT_TO_PLACEMENT, BENEFIT_ADJUSTED_TO_PLACEMENT).isWaitingAt(JOB_PLACEMENT)
                .variables().containsEntry(VAR_PLACEMENT_ADJUSTMENT_OUTCOME, BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED);

        retentionCheckpointsPass();
        saTellsTheBenefit(FETCH_BENEFIT_ON_STABLE_EMPLOYMENT, BENEFIT_STATUS_ACTIVE, 200.0);
        assertThat(running(BenefitAdjustment.PROCESS_KEY)).variables()
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 200.0)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER, BenefitAdjustment.TRIGGER_STABLE_EMPLOYMENT)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_DECISION, BenefitAdjustment.DECISION_GRADUATE);
        adjustmentApprovedAndApplied();

        assertThat(pi).isEnded()
                .hasPassedInOrder(JOB_PLACEMENT_ENDED, PLACEMENT_OUTCOME_GATEWAY, FETCH_BENEFIT_ON_STABLE_EMPLOYMENT,
                        BENEFIT_PAID_ON_STABLE_EMPLOYMENT_GATEWAY, ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT,
                        BENEFIT_ADJUSTED_TO_STABLE_EMPLOYMENT)
                .variables().containsEntry(VAR_GRADUATION_ADJUSTMENT_OUTCOME, BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED);
    }

    @Test
    void a_person_SA_pays_nothing_is_verified_and_followed_without_an_adjustment() {
        ProcessInstance pi = pesReportsAPlacement();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));

        saTellsTheBenefit(FETCH_BENEFIT_ON_PLACEMENT, ReferralToPes.BENEFIT_STATUS_NONE, null);
        assertThat(pi).hasPassed(NO_BENEFIT_ON_PLACEMENT).isWaitingAt(JOB_PLACEMENT);

        retentionCheckpointsPass();
        saTellsTheBenefit(FETCH_BENEFIT_ON_STABLE_EMPLOYMENT, ReferralToPes.BENEFIT_STATUS_ENDED, null);

        assertThat(pi).isEnded().hasPassed(NO_BENEFIT_ON_STABLE_EMPLOYMENT)
                .hasNotPassed(ADJUST_BENEFIT_TO_PLACEMENT, ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT);
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(BenefitAdjustment.PROCESS_KEY).count()).isZero();
    }

    @Test
    void new_terms_adjust_again_and_a_job_that_ends_ends_the_adjustment_under_way_and_the_case() {
        ProcessInstance pi = pesReportsAPlacement();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        saTellsTheBenefit(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_STATUS_ACTIVE, 800.0);
        adjustmentApprovedAndApplied();

        // PES reports fewer hours at a lower wage: job-placement raises the verified placement again
        agencyReports(JobPlacement.MESSAGE_PLACEMENT_TERMS_CHANGED, referenceId,
                vars(JobPlacement.VAR_HOURS_PER_WEEK, 20, JobPlacement.VAR_MONTHLY_WAGE, 700.0));
        saTellsTheBenefit(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_STATUS_ACTIVE, 400.0);
        ProcessInstance again = running(BenefitAdjustment.PROCESS_KEY);
        assertThat(again).isWaitingAt(BenefitAdjustment.APPROVE_ADJUSTMENT).variables()
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 400.0)
                .containsEntry(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, 700.0);

        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_TERMS_CHANGED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);
        agencyReports(JobPlacement.MESSAGE_EMPLOYMENT_ENDED, referenceId,
                vars(JobPlacement.VAR_EMPLOYMENT_END_DATE, "2025-05-20", JobPlacement.VAR_EMPLOYMENT_END_REASON, "RESIGNED"));
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_RE_ENGAGEMENT, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_EMPLOYMENT_ENDED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);

        assertThat(again).isEnded();
        assertThat(pi).isEnded().hasPassedInOrder(JOB_PLACEMENT_ENDED, PLACEMENT_OUTCOME_GATEWAY, PLACEMENT_ENDED)
                .hasNotPassed(FETCH_BENEFIT_ON_STABLE_EMPLOYMENT)
                .variables().containsEntry(JobPlacement.VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_RE_ENGAGEMENT);
    }

    @Test
    void an_exchange_the_gate_refuses_ends_the_placement_and_PES_learns_why() {
        ProcessInstance pi = pesReportsAPlacement();
        fireTimer(running(JobPlacement.PROCESS_KEY), JobPlacement.START_DATE_REACHED);
        execute(jobAt(running(JobPlacement.PROCESS_KEY), JobPlacement.VERIFY_EMPLOYMENT));
        LockedExternalTask check = externalTaskService().fetchAndLock(1, WORKER)
                .topic(JobPlacement.TOPIC_VERIFY_EMPLOYMENT, LOCK_MS).businessKey(referenceId).execute().get(0);
        String reason = "CONSENT_MISSING: tax-verify-employment: no consent of the person for this purpose is recorded";

        externalTaskService().handleBpmnError(check.getId(), WORKER, ERROR_EXCHANGE_REFUSED, reason);

        assertThat(pi).hasPassed(PLACEMENT_REFUSED).isWaitingAt(NOTIFY_PES_PLACEMENT_REFUSED);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(JobPlacement.PROCESS_KEY)
                .processInstanceBusinessKey(referenceId).count()).as("job-placement ends with the case").isZero();
        assertThat(serve(PROCESS_KEY, NOTIFY_PES_PLACEMENT_REFUSED, TOPIC_PES_NOTIFY_OUTCOME)).containsOnly(
                entry(JobPlacement.VAR_REFERENCE_ID, referenceId),
                entry(JobPlacement.VAR_PERSON_ID, PERSON),
                entry(JobPlacement.VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_EXCHANGE_REFUSED),
                entry(INPUT_REASON, reason));
        assertThat(pi).isEnded().hasPassed(PLACEMENT_NOT_FOLLOWED).hasNotPassed(FETCH_BENEFIT_ON_PLACEMENT)
                .variables().containsEntry(VAR_REFUSAL_REASON, reason);
    }

    // ---- steps ----------------------------------------------------------------------------------------

    /** The hub's placement intake: a permanent job at 1,500 a month PES found itself. */
    private ProcessInstance pesReportsAPlacement() {
        referenceId = "PLACE-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        return runtimeService().createMessageCorrelation(MESSAGE_PLACEMENT_MADE_BY_PES)
                .processInstanceBusinessKey(referenceId)
                .setVariables(vars(
                        JobPlacement.VAR_REFERENCE_ID, referenceId,
                        JobPlacement.VAR_PERSON_ID, PERSON,
                        JobPlacement.VAR_CORRELATION_ID, correlationId,
                        JobPlacement.VAR_EMPLOYER_ID, EMPLOYER,
                        JobPlacement.VAR_JOB_TITLE, "Warehouse operative",
                        JobPlacement.VAR_START_DATE, START_DATE,
                        JobPlacement.VAR_MONTHLY_WAGE, WAGE,
                        JobPlacement.VAR_CONTRACT_TYPE, JobPlacement.CONTRACT_PERMANENT,
                        JobPlacement.VAR_HOURS_PER_WEEK, null,
                        JobPlacement.VAR_CONTRACT_MONTHS, null,
                        JobPlacement.VAR_VACANCY_ID, null))
                .correlateStartMessage();
    }

    /** The start date comes, the record shows the job, then the employer confirms at {@code when}. */
    private void placementVerifiedOn(Date when) {
        fireTimer(running(JobPlacement.PROCESS_KEY), JobPlacement.START_DATE_REACHED);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.VERIFY_EMPLOYMENT, JobPlacement.TOPIC_VERIFY_EMPLOYMENT,
                vars(JobPlacement.VAR_INSURED_EMPLOYMENT_FOUND, true));
        ClockUtil.setCurrentTime(when);
        agencyReports(JobPlacement.MESSAGE_PLACEMENT_REPORTED, referenceId, Map.of());
        assertThat(running(JobPlacement.PROCESS_KEY)).hasPassed(JobPlacement.ESCALATE_PLACEMENT_VERIFIED);
    }

    /** The notices of the verified placement go out, then both checkpoints find the job. */
    private void retentionCheckpointsPass() {
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_PLACEMENT_VERIFIED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_PLACEMENT_VERIFIED, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);
        for (int checkpoint = 0; checkpoint < 2; checkpoint++) {
            fireTimer(running(JobPlacement.PROCESS_KEY), JobPlacement.CHECKPOINT_REACHED);
            serve(JobPlacement.PROCESS_KEY, JobPlacement.REVERIFY_EMPLOYMENT, JobPlacement.TOPIC_VERIFY_EMPLOYMENT,
                    vars(JobPlacement.VAR_INSURED_EMPLOYMENT_FOUND, true));
            serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_RETENTION_CONFIRMED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);
            serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_RETENTION_CONFIRMED, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);
        }
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_STABLE_EMPLOYMENT, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_STABLE_EMPLOYMENT, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);
    }

    /** SA answers the sa.fetch-benefit task as the worker completes it; returns what the worker was given. */
    private Map<String, Object> saTellsTheBenefit(String fetchTask, String status, Double monthlyAmount) {
        return serve(PROCESS_KEY, fetchTask, TOPIC_FETCH_BENEFIT,
                vars(VAR_BENEFIT_STATUS, status, VAR_MONTHLY_BENEFIT_AMOUNT, monthlyAmount));
    }

    /** An SA caseworker approves, the notice goes out, nobody appeals within the window, SA applies it. */
    private void adjustmentApprovedAndApplied() {
        ProcessInstance adjustment = running(BenefitAdjustment.PROCESS_KEY);
        complete(task(BenefitAdjustment.APPROVE_ADJUSTMENT, adjustment),
                vars(BenefitAdjustment.VAR_APPROVAL_DECISION, BenefitAdjustment.APPROVAL_APPROVED));
        serve(BenefitAdjustment.PROCESS_KEY, BenefitAdjustment.NOTIFY_ADJUSTMENT_DECIDED, BenefitAdjustment.TOPIC_NOTIFY_SA);
        fireTimer(adjustment, BenefitAdjustment.APPEAL_WINDOW_CLOSED);
        serve(BenefitAdjustment.PROCESS_KEY, BenefitAdjustment.APPLY_ADJUSTMENT,
                BenefitAdjustment.TOPIC_APPLY_BENEFIT_ADJUSTMENT);
        assertThat(adjustment).isEnded();
    }

    /** Runs the task's async continuation in that process, then serves it as a worker does. */
    private Map<String, Object> serve(String processKey, String activityId, String topic) {
        return serve(processKey, activityId, topic, Map.of());
    }

    private Map<String, Object> serve(String processKey, String activityId, String topic, Map<String, Object> results) {
        execute(jobAt(running(processKey), activityId));
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(10, WORKER)
                .topic(topic, LOCK_MS)
                .businessKey(referenceId)
                .processDefinitionKey(processKey)
                .localVariables()
                .execute();
        assertThat(locked).as("%s tasks of %s", topic, processKey).hasSize(1);
        assertThat(locked.get(0).getActivityId()).isEqualTo(activityId);
        externalTaskService().complete(locked.get(0).getId(), WORKER, results);
        return locked.get(0).getVariables();
    }

    /** The one running instance of that process under this placement's business key. */
    private ProcessInstance running(String processKey) {
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(referenceId)
                .singleResult();
        assertThat(instance).as("running %s", processKey).isNotNull();
        return instance;
    }
}
