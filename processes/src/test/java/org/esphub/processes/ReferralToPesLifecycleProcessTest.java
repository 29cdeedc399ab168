package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.esphub.processes.LifecycleProcessSteps.WORKER;
import static org.esphub.processes.LifecycleProcessSteps.agencyReports;
import static org.esphub.processes.LifecycleProcessSteps.at;
import static org.esphub.processes.LifecycleProcessSteps.fireTimer;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.ReferralToPes.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * referral-to-pes after the activation plan is agreed: training, job placement, benefit adjustments,
 * re-engagement, graduation and exit, with the processes it calls deployed and driven as the agencies,
 * the workers and the caseworkers drive them (external tasks served, events correlated, tasks completed,
 * timers executed on a moved engine clock; never a wait).
 */
@Deployment(resources = {
        BPMN_RESOURCE, DMN_RESOURCE, FORM_INTAKE_ASSESSMENT_RESOURCE, FORM_OVERDUE_INTAKE_FOLLOW_UP_RESOURCE,
        FORM_RE_ENGAGEMENT_DECISION_RESOURCE,
        TrainingEnrolment.BPMN_RESOURCE, TrainingEnrolment.DMN_RESOURCE, TrainingEnrolment.FORM_PROGRAMME_CHOICE_RESOURCE,
        TrainingEnrolment.FORM_ATTENDANCE_COUNSELLING_RESOURCE, TrainingEnrolment.FORM_ATTENDANCE_WARNING_REVIEW_RESOURCE,
        JobPlacement.BPMN_RESOURCE, JobPlacement.DMN_RESOURCE, JobPlacement.FORM_VACANCY_MATCH_RESOURCE,
        BenefitAdjustment.BPMN_RESOURCE, BenefitAdjustment.DMN_RESOURCE, BenefitAdjustment.FORM_APPROVAL_RESOURCE,
        Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE,
        ActivationCompliance.BPMN_RESOURCE, ActivationCompliance.DMN_ASSESSMENT_RESOURCE,
        ActivationCompliance.DMN_LADDER_RESOURCE, ActivationCompliance.FORM_GOOD_CAUSE_RESOURCE,
        ActivationCompliance.FORM_SANCTION_APPROVAL_RESOURCE, ActivationCompliance.FORM_SUPPORT_FOLLOW_UP_RESOURCE})
class ReferralToPesLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Date MONDAY_3_MARCH_2025_0900 = at(2025, 3, 3, 9, 0);
    private static final long LOCK_MS = 60_000;
    private static final String PERSON = "PERS-0042";
    private static final String PES_CASE = "PES-2025-000123";
    private static final String EMPLOYER = "EMP-ABC-001";
    private static final String START_DATE_OF_THE_JOB = "2025-04-01";
    private static final double BENEFIT_AT_REFERRAL = 800.0;
    private static final double WAGE = 1500.0;
    private static final String VACANCY = "VAC-2025-0815";
    private static final String SA_CASEWORKER = "sa-worker";

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(MONDAY_3_MARCH_2025_0900);
        Mocks.register("workingCalendar", new WorkingCalendar(List.of(), ZONE));
        Mocks.register(CatalogueChoice.BEAN_NAME, new CatalogueChoice());
        Mocks.register(TrainingEnrolment.SETTINGS_BEAN, new TrainingEnrolmentSettings(5));
        Mocks.register(ActivationCompliance.SETTINGS_BEAN, new ActivationComplianceSettings(Duration.ofDays(30),
                Duration.ofDays(10), Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(90),
                Duration.ofDays(90), 10));
        Mocks.register(JobPlacement.SETTINGS_BEAN,
                new JobPlacementSettings(10, 30, Duration.ofDays(7), List.of(30, 90), 1000.0, ZONE));
        Mocks.register(BenefitAdjustment.SETTINGS_BEAN, new BenefitAdjustmentSettings(Duration.parse("P30D")));
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    // ---- graduation -------------------------------------------------------------------------------

    @Test
    void a_job_seeker_placed_and_kept_in_work_graduates_with_the_benefit_adjusted_at_verification_and_again_at_stable_employment() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        assertThat(pi).isWaitingAt(JOB_PLACEMENT)
                .hasPassedInOrder(NOTIFY_SERVICES_COMMENCED, ACTIVATION_PLAN_AGREED, ACTIVATION_STARTED, PATHWAY_GATEWAY,
                        JOB_SEARCH_MERGE, JOB_SEARCH_STARTED)
                .hasNotPassed(TRAINING);
        ProcessInstance placement = running(JobPlacement.PROCESS_KEY);
        assertThat(placement).hasBusinessKey(referenceId).variables()
                .containsEntry(JobPlacement.VAR_PREVIOUS_MONTHLY_INCOME, BENEFIT_AT_REFERRAL)
                .containsEntry(JobPlacement.VAR_GIVEN_NAME, "Amina")
                .containsEntry(JobPlacement.VAR_PES_CASE_NUMBER, PES_CASE);

        ProcessInstance monitoring = running(ActivationCompliance.PROCESS_KEY);
        assertThat(monitoring).hasBusinessKey(referenceId).isWaitingAt(ActivationCompliance.AWAIT_GATEWAY);

        counsellorMatchesAndEmployerAccepts();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        // in a verified job the person is no longer held to the job search
        assertThat(monitoring).isEnded().hasPassed(ActivationCompliance.REFERRAL_ENDED, ActivationCompliance.MONITORING_ENDED);

        // the escalation: the adjustment starts while job-placement goes on with its notices and checkpoints
        assertThat(pi).hasPassed(PLACEMENT_VERIFIED).isWaitingAt(JOB_PLACEMENT, FETCH_BENEFIT_ON_PLACEMENT)
                .variables()
                .containsEntry(VAR_MONTHLY_WAGE, WAGE)
                .containsEntry(VAR_START_DATE, START_DATE_OF_THE_JOB)
                .containsEntry(VAR_EMPLOYER_ID, EMPLOYER);
        assertThat(placement).isWaitingAt(JobPlacement.NOTIFY_SA_PLACEMENT_VERIFIED);
        assertThat(saTellsTheBenefitInPayment(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_AT_REFERRAL)).containsOnly(
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_CORRELATION_ID, correlationId));

        ProcessInstance atVerification = running(BenefitAdjustment.PROCESS_KEY);
        assertThat(atVerification).hasBusinessKey(referenceId).variables()
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, BENEFIT_AT_REFERRAL)
                .containsEntry(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, WAGE)
                .containsEntry(BenefitAdjustment.VAR_STABLE_EMPLOYMENT_DAYS, 1)
                .containsEntry(BenefitAdjustment.VAR_EMPLOYMENT_STATUS, BenefitAdjustment.EMPLOYMENT_STATUS_EMPLOYED)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER, BenefitAdjustment.TRIGGER_PLACEMENT_VERIFIED)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_DECISION, BenefitAdjustment.DECISION_REDUCE);
        benefitAdjustmentApprovedAndApplied();
        assertThat(atVerification).isEnded();
        assertThat(pi).hasPassed(BENEFIT_ADJUSTED_TO_PLACEMENT).isWaitingAt(JOB_PLACEMENT)
                .variables().containsEntry(VAR_PLACEMENT_ADJUSTMENT_OUTCOME, BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED);

        retentionCheckpointsPass();
        assertThat(placement).isEnded();
        assertThat(pi).isWaitingAt(FETCH_BENEFIT_ON_STABLE_EMPLOYMENT)
                .variables().containsEntry(VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_STABLE_EMPLOYMENT);

        // SA pays 25 % now: graduation tapers that, not the amount at the referral
        saTellsTheBenefitInPayment(FETCH_BENEFIT_ON_STABLE_EMPLOYMENT, 200.0);
        ProcessInstance atStableEmployment = running(BenefitAdjustment.PROCESS_KEY);
        assertThat(atStableEmployment).variables()
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 200.0)
                .containsEntry(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, WAGE)
                .containsEntry(BenefitAdjustment.VAR_STABLE_EMPLOYMENT_DAYS, 90)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER, BenefitAdjustment.TRIGGER_STABLE_EMPLOYMENT)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_DECISION, BenefitAdjustment.DECISION_GRADUATE);
        benefitAdjustmentApprovedAndApplied();

        assertThat(saIsTold(NOTIFY_GRADUATED)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_GRADUATED),
                entry(INPUT_REASON, BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED),
                entry(VAR_PES_CASE_NUMBER, PES_CASE));
        assertThat(pi).isEnded()
                .hasPassedInOrder(JOB_PLACEMENT, JOB_PLACEMENT_ENDED, PLACEMENT_OUTCOME_GATEWAY,
                        FETCH_BENEFIT_ON_STABLE_EMPLOYMENT, ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT, ACTIVATION_GRADUATED,
                        ACTIVATION_OUTCOME_GATEWAY, NOTIFY_GRADUATED, GRADUATED)
                .hasNotPassed(DECIDE_RE_ENGAGEMENT, NOTIFY_EXITED, NOTIFY_EXCHANGE_REFUSED)
                .variables()
                .containsEntry(VAR_ACTIVATION_OUTCOME, OUTCOME_GRADUATED)
                .containsEntry(VAR_GRADUATION_ADJUSTMENT_OUTCOME, BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED)
                .doesNotContainKey(VAR_EXIT_REASON);
        assertThat(calledInstancesOf(BenefitAdjustment.PROCESS_KEY)).hasSize(2);
    }

    // ---- training first ---------------------------------------------------------------------------

    @Test
    void the_pathway_both_starts_with_training_and_the_job_search_follows_a_completed_training() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_BOTH);
        assertThat(pi).isWaitingAt(TRAINING).hasPassedInOrder(ACTIVATION_PLAN_AGREED, ACTIVATION_STARTED, PATHWAY_GATEWAY);
        ProcessInstance training = running(TrainingEnrolment.PROCESS_KEY);
        assertThat(training).hasBusinessKey(referenceId).isWaitingAt(TrainingEnrolment.LIST_PROGRAMMES).variables()
                .containsEntry(TrainingEnrolment.VAR_REFERENCE_ID, referenceId)
                .containsEntry(TrainingEnrolment.VAR_PERSON_ID, PERSON)
                .containsEntry(TrainingEnrolment.VAR_CORRELATION_ID, correlationId)
                .containsEntry(TrainingEnrolment.VAR_GIVEN_NAME, "Amina")
                .containsEntry(TrainingEnrolment.VAR_FAMILY_NAME, "Haddad")
                .containsEntry(TrainingEnrolment.VAR_PES_CASE_NUMBER, PES_CASE);

        enrolledInTraining();
        agencyReports(TrainingEnrolment.MESSAGE_TRAINING_COMPLETED, referenceId,
                vars(TrainingEnrolment.VAR_COMPLETION_DATE, "2025-06-27"));
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.NOTIFY_SA_COMPLETED, TrainingEnrolment.TOPIC_SA_NOTIFY_OUTCOME);

        assertThat(training).isEnded();
        assertThat(pi).isWaitingAt(JOB_PLACEMENT)
                .hasPassedInOrder(TRAINING, TRAINING_OUTCOME_GATEWAY, JOB_SEARCH_MERGE, JOB_SEARCH_STARTED)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_COMPLETED)
                // only the outcome comes back: the training's own start date is not the job's
                .doesNotContainKey(TrainingEnrolment.VAR_PROGRAMME_ID)
                .doesNotContainKey(VAR_START_DATE);
        assertThat(running(JobPlacement.PROCESS_KEY)).isWaitingAt(JobPlacement.LIST_VACANCIES);
    }

    @Test
    void a_training_without_a_suitable_programme_still_leads_to_the_job_search() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_TRAINING);
        complete(childTask(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.CHOOSE_PROGRAMME),
                vars(TrainingEnrolment.VAR_NO_SUITABLE_PROGRAMME, true));
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.NOTIFY_SA_NO_PROGRAMME, TrainingEnrolment.TOPIC_SA_NOTIFY_OUTCOME);

        assertThat(pi).isWaitingAt(JOB_PLACEMENT).hasPassed(TRAINING_OUTCOME_GATEWAY).hasNotPassed(EXITED_DROPPED_OUT)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_NO_PROGRAMME);
    }

    // ---- exits ------------------------------------------------------------------------------------

    @Test
    void a_person_who_drops_out_of_training_exits_without_a_job_search_and_SA_is_told_why() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_TRAINING);
        enrolledInTraining();
        agencyReports(TrainingEnrolment.MESSAGE_TRAINING_DROPPED_OUT, referenceId,
                vars(TrainingEnrolment.VAR_DROP_OUT_REASON, "MOVED_AWAY"));
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.NOTIFY_SA_DROPPED_OUT, TrainingEnrolment.TOPIC_SA_NOTIFY_OUTCOME);

        assertThat(saIsTold(NOTIFY_EXITED)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_EXITED),
                entry(INPUT_REASON, EXIT_REASON_DROPPED_OUT),
                entry(VAR_PES_CASE_NUMBER, PES_CASE),
                entry(VAR_NOTES, null));
        assertThat(pi).isEnded()
                .hasPassedInOrder(TRAINING, TRAINING_OUTCOME_GATEWAY, EXITED_DROPPED_OUT, ACTIVATION_OUTCOME_GATEWAY,
                        NOTIFY_EXITED, EXITED)
                .hasNotPassed(JOB_SEARCH, NOTIFY_GRADUATED)
                .variables()
                .containsEntry(VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_DROPPED_OUT)
                .containsEntry(VAR_ACTIVATION_OUTCOME, OUTCOME_EXITED)
                .containsEntry(VAR_EXIT_REASON, EXIT_REASON_DROPPED_OUT);
    }

    @Test
    void without_a_suitable_vacancy_the_person_exits_with_the_reason_no_placement() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        complete(childTask(JobPlacement.PROCESS_KEY, JobPlacement.MATCH_VACANCY),
                vars(JobPlacement.VAR_NO_SUITABLE_VACANCY, true, JobPlacement.VAR_MATCHING_NOTES, "Nothing in the region"));
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_NO_PLACEMENT, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);

        assertThat(saIsTold(NOTIFY_EXITED))
                .containsEntry(INPUT_OUTCOME, OUTCOME_EXITED)
                .containsEntry(INPUT_REASON, EXIT_REASON_NO_PLACEMENT);
        assertThat(pi).isEnded()
                .hasPassedInOrder(JOB_PLACEMENT, PLACEMENT_OUTCOME_GATEWAY, EXITED_NO_PLACEMENT, NOTIFY_EXITED, EXITED)
                .hasNotPassed(PLACEMENT_VERIFIED, DECIDE_RE_ENGAGEMENT);
    }

    // ---- re-engagement ----------------------------------------------------------------------------

    @Test
    void a_failed_placement_goes_to_a_PES_caseworker_who_starts_the_job_search_again() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        ProcessInstance firstPlacement = running(JobPlacement.PROCESS_KEY);
        counsellorMatchesAndEmployerAccepts();
        // the employer confirms, the record never shows the job: the deadline passes
        agencyReports(JobPlacement.MESSAGE_PLACEMENT_REPORTED, referenceId, Map.of());
        fireTimer(firstPlacement, JobPlacement.VERIFICATION_DEADLINE_PASSED);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_PLACEMENT_FAILED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_PLACEMENT_FAILED, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);

        assertThat(firstPlacement).isEnded();
        assertThat(pi).isWaitingAt(DECIDE_RE_ENGAGEMENT).hasNotPassed(PLACEMENT_VERIFIED).variables()
                .containsEntry(VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_PLACEMENT_FAILED)
                .containsEntry(VAR_PLACEMENT_FAILURE_REASON, JobPlacement.REASON_NOT_VERIFIED_IN_TIME);
        Task decision = task(DECIDE_RE_ENGAGEMENT, pi);
        assertThat(decision).hasName("Decide on re-engagement").hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDueDate(at(2025, 5, 8, 0, 0)) // 5 working days after Thursday 1 May
                .hasDescription("The placement of Amina Haddad (reference " + pi.getBusinessKey() + ") failed. Within 5"
                        + " working days, decide with the person whether the job search starts again or the activation"
                        + " ends.");
        assertThat(decision.getPriority()).isEqualTo(TaskPriorities.ROUTINE);
        DocumentContext form = opensDeployedForm(decision, FORM_RE_ENGAGEMENT_DECISION);
        assertThat(form.<List<String>>read("$.components[*].key"))
                .containsExactly(VAR_RE_ENGAGEMENT_DECISION, VAR_RE_ENGAGEMENT_NOTES);
        assertThat(form.<List<String>>read("$.components[?(@.key == 'reEngagementDecision')].values[*].value"))
                .containsExactly(RE_ENGAGEMENT_JOB_SEARCH, RE_ENGAGEMENT_EXIT);

        complete(decision, vars(VAR_RE_ENGAGEMENT_DECISION, RE_ENGAGEMENT_JOB_SEARCH,
                VAR_RE_ENGAGEMENT_NOTES, "New CV; warehouse vacancies next month"));

        ProcessInstance secondPlacement = running(JobPlacement.PROCESS_KEY);
        assertThat(secondPlacement.getId()).isNotEqualTo(firstPlacement.getId());
        assertThat(secondPlacement).isWaitingAt(JobPlacement.LIST_VACANCIES);
        assertThat(pi).isWaitingAt(JOB_PLACEMENT)
                .hasPassedInOrder(JOB_PLACEMENT, PLACEMENT_OUTCOME_GATEWAY, DECIDE_RE_ENGAGEMENT, RE_ENGAGEMENT_GATEWAY,
                        JOB_SEARCH_MERGE, JOB_SEARCH_STARTED);
        assertThat(calledInstancesOf(JobPlacement.PROCESS_KEY)).hasSize(2);
        // the placement was never verified, so the monitoring never stopped: still the one instance
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ActivationCompliance.PROCESS_KEY).processInstanceBusinessKey(referenceId).count())
                .isEqualTo(1);
        assertThat(running(ActivationCompliance.PROCESS_KEY)).isWaitingAt(ActivationCompliance.AWAIT_GATEWAY);
    }

    @Test
    void a_verified_job_that_ends_early_and_a_search_again_start_the_monitoring_again() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        ProcessInstance firstMonitoring = running(ActivationCompliance.PROCESS_KEY);
        counsellorMatchesAndEmployerAccepts();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        assertThat(firstMonitoring).isEnded().hasPassed(ActivationCompliance.REFERRAL_ENDED);
        saTellsTheBenefitInPayment(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_AT_REFERRAL);

        agencyReports(JobPlacement.MESSAGE_EMPLOYMENT_ENDED, referenceId, vars(
                JobPlacement.VAR_EMPLOYMENT_END_DATE, "2025-04-20",
                JobPlacement.VAR_EMPLOYMENT_END_REASON, "DISMISSED"));
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_RE_ENGAGEMENT, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_EMPLOYMENT_ENDED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(pi).isWaitingAt(DECIDE_RE_ENGAGEMENT);
        complete(task(DECIDE_RE_ENGAGEMENT, pi), vars(VAR_RE_ENGAGEMENT_DECISION, RE_ENGAGEMENT_JOB_SEARCH,
                VAR_RE_ENGAGEMENT_NOTES, "Back to the search"));

        ProcessInstance secondMonitoring = running(ActivationCompliance.PROCESS_KEY);
        assertThat(secondMonitoring.getId()).isNotEqualTo(firstMonitoring.getId());
        assertThat(secondMonitoring).hasBusinessKey(referenceId).isWaitingAt(ActivationCompliance.AWAIT_GATEWAY)
                .variables().containsEntry(ActivationCompliance.VAR_PERSON_ID, PERSON)
                .containsEntry(ActivationCompliance.VAR_MISSED_APPOINTMENTS, 0);
    }

    @Test
    void a_job_that_ends_while_its_benefit_adjustment_is_under_way_ends_the_adjustment_and_the_caseworker_may_close_the_activation() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        counsellorMatchesAndEmployerAccepts();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        saTellsTheBenefitInPayment(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_AT_REFERRAL);
        ProcessInstance adjustment = running(BenefitAdjustment.PROCESS_KEY);
        assertThat(adjustment).isWaitingAt(BenefitAdjustment.APPROVE_ADJUSTMENT);

        agencyReports(JobPlacement.MESSAGE_EMPLOYMENT_ENDED, referenceId, vars(
                JobPlacement.VAR_EMPLOYMENT_END_DATE, "2025-04-20",
                JobPlacement.VAR_EMPLOYMENT_END_REASON, "DISMISSED"));
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_PES_RE_ENGAGEMENT, JobPlacement.TOPIC_PES_NOTIFY_OUTCOME);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.NOTIFY_SA_EMPLOYMENT_ENDED, JobPlacement.TOPIC_SA_NOTIFY_OUTCOME);

        // a reduction for a job that no longer exists is moot: the adjustment ends with the placement
        assertThat(adjustment).isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(adjustment.getId()).count()).isZero();
        assertThat(pi).isWaitingAt(DECIDE_RE_ENGAGEMENT).isNotWaitingAt(ADJUST_BENEFIT_TO_PLACEMENT)
                .hasNotPassed(BENEFIT_ADJUSTED_TO_PLACEMENT)
                .variables()
                .containsEntry(VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_RE_ENGAGEMENT)
                .containsEntry(VAR_EMPLOYMENT_END_REASON, "DISMISSED")
                .containsEntry(VAR_EMPLOYMENT_END_DATE, "2025-04-20")
                .doesNotContainKey(VAR_PLACEMENT_ADJUSTMENT_OUTCOME);

        complete(task(DECIDE_RE_ENGAGEMENT, pi), vars(VAR_RE_ENGAGEMENT_DECISION, RE_ENGAGEMENT_EXIT,
                VAR_RE_ENGAGEMENT_NOTES, "Starts own business; no further PES support wanted"));

        assertThat(saIsTold(NOTIFY_EXITED)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_EXITED),
                entry(INPUT_REASON, EXIT_REASON_CASEWORKER_DECISION),
                entry(VAR_PES_CASE_NUMBER, PES_CASE),
                entry(VAR_NOTES, "Starts own business; no further PES support wanted"));
        assertThat(pi).isEnded()
                .hasPassedInOrder(PLACEMENT_VERIFIED, FETCH_BENEFIT_ON_PLACEMENT, JOB_PLACEMENT_ENDED,
                        PLACEMENT_OUTCOME_GATEWAY, DECIDE_RE_ENGAGEMENT, RE_ENGAGEMENT_GATEWAY, EXITED_BY_CASEWORKER,
                        NOTIFY_EXITED, EXITED)
                .variables().containsEntry(VAR_EXIT_REASON, EXIT_REASON_CASEWORKER_DECISION);
    }

    // ---- consent withdrawn, exchange refused --------------------------------------------------------

    @Test
    void a_consent_withdrawn_while_the_placement_and_its_benefit_adjustment_run_closes_the_referral_and_both_called_processes() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        counsellorMatchesAndEmployerAccepts();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        saTellsTheBenefitInPayment(FETCH_BENEFIT_ON_PLACEMENT, BENEFIT_AT_REFERRAL);
        ProcessInstance placement = running(JobPlacement.PROCESS_KEY);
        ProcessInstance adjustment = running(BenefitAdjustment.PROCESS_KEY);

        consentWithdrawn(pi);

        assertThat(placement).isEnded();
        assertThat(adjustment).isEnded();
        assertThat(saIsTold(NOTIFY_CONSENT_WITHDRAWN))
                .containsEntry(INPUT_OUTCOME, OUTCOME_CONSENT_WITHDRAWN)
                .containsEntry(VAR_PES_CASE_NUMBER, PES_CASE);
        assertThat(pi).isEnded().hasPassed(CONSENT_WITHDRAWN, REFERRAL_CLOSED_CONSENT_WITHDRAWN)
                .hasNotPassed(GRADUATED, EXITED);
        assertThat(nothingLeftFor(referenceId)).isTrue();
    }

    @Test
    void a_consent_withdrawn_during_the_training_closes_the_referral_and_the_training() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_TRAINING);
        ProcessInstance training = running(TrainingEnrolment.PROCESS_KEY);
        assertThat(training).isWaitingAt(TrainingEnrolment.LIST_PROGRAMMES);

        consentWithdrawn(pi);

        assertThat(training).isEnded();
        saIsTold(NOTIFY_CONSENT_WITHDRAWN);
        assertThat(pi).isEnded().hasPassed(REFERRAL_CLOSED_CONSENT_WITHDRAWN).hasNotPassed(JOB_SEARCH);
        assertThat(nothingLeftFor(referenceId)).isTrue();
    }

    @Test
    void an_exchange_the_gate_refuses_in_a_called_process_ends_the_referral_at_referral_refused() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        ProcessInstance placement = running(JobPlacement.PROCESS_KEY);
        complete(childTask(JobPlacement.PROCESS_KEY, JobPlacement.MATCH_VACANCY), vacancy());
        LockedExternalTask propose = fetch(JobPlacement.PROCESS_KEY, JobPlacement.PROPOSE_CANDIDATE,
                JobPlacement.TOPIC_PROPOSE_CANDIDATE);
        String refusal = "CONSENT_EXPIRED: employer-propose-candidate: the consent for EMPLOYMENT_ACTIVATION expired";
        externalTaskService().handleBpmnError(propose.getId(), WORKER, ERROR_EXCHANGE_REFUSED, refusal);

        assertThat(placement).isEnded();
        assertThat(saIsTold(NOTIFY_EXCHANGE_REFUSED))
                .containsEntry(INPUT_OUTCOME, OUTCOME_EXCHANGE_REFUSED)
                .containsEntry(INPUT_REASON, refusal);
        assertThat(pi).isEnded()
                .hasPassedInOrder(JOB_PLACEMENT, ACTIVATION_REFUSED, EXCHANGE_REFUSED_MERGE, NOTIFY_EXCHANGE_REFUSED,
                        EXCHANGE_REFUSED_END)
                .hasNotPassed(PLACEMENT_OUTCOME_GATEWAY, NOTIFY_EXITED);
        assertThat(nothingLeftFor(referenceId)).isTrue();
    }

    @Test
    void asking_SA_for_the_benefit_in_payment_when_the_gate_refuses_ends_the_referral_and_the_placement() {
        ProcessInstance pi = activationPlanAgreed(PATHWAY_JOB_SEARCH);
        ProcessInstance placement = running(JobPlacement.PROCESS_KEY);
        counsellorMatchesAndEmployerAccepts();
        placementVerifiedOn(at(2025, 4, 2, 10, 0));
        LockedExternalTask fetchBenefit = fetch(PROCESS_KEY, FETCH_BENEFIT_ON_PLACEMENT, TOPIC_FETCH_BENEFIT);
        externalTaskService().handleBpmnError(fetchBenefit.getId(), WORKER, ERROR_EXCHANGE_REFUSED,
                "PURPOSE_NOT_COVERED: sa-fetch-benefit: purpose BENEFIT_ADJUSTMENT is not covered");

        assertThat(placement).isEnded();
        assertThat(saIsTold(NOTIFY_EXCHANGE_REFUSED)).containsEntry(INPUT_REASON,
                "PURPOSE_NOT_COVERED: sa-fetch-benefit: purpose BENEFIT_ADJUSTMENT is not covered");
        assertThat(pi).isEnded().hasPassed(ACTIVATION_REFUSED, EXCHANGE_REFUSED_END)
                .hasNotPassed(ADJUST_BENEFIT_TO_PLACEMENT);
        assertThat(nothingLeftFor(referenceId)).isTrue();
    }

    // ---- the called processes' contracts ------------------------------------------------------------

    @Test
    void every_call_activity_calls_its_process_by_key_in_its_latest_version_under_the_referral_with_explicit_mappings() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(repositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId());
        Map<String, String> calledByActivity = new HashMap<>();
        Map<String, List<String>> inputs = new HashMap<>();
        Map<String, List<String>> outputs = new HashMap<>();
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            calledByActivity.put(call.getId(), call.getCalledElement());
            assertThat(call.getCamundaCalledElementBinding()).as(call.getId()).isEqualTo("latest");
            List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
            List<CamundaOut> outs = call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
            assertThat(ins).as(call.getId() + " business key").filteredOn(in -> in.getCamundaBusinessKey() != null)
                    .singleElement().extracting(CamundaIn::getCamundaBusinessKey)
                    .isEqualTo("#{execution.processBusinessKey}");
            assertThat(ins).as(call.getId()).noneMatch(in -> "all".equals(in.getCamundaVariables()));
            assertThat(outs).as(call.getId()).noneMatch(out -> "all".equals(out.getCamundaVariables()));
            inputs.put(call.getId(), ins.stream().filter(in -> in.getCamundaBusinessKey() == null)
                    .map(CamundaIn::getCamundaTarget).toList());
            outputs.put(call.getId(), outs.stream().map(out -> out.getCamundaSource() + ">" + out.getCamundaTarget())
                    .toList());
        }
        assertThat(calledByActivity).containsOnly(
                entry(TRAINING, TrainingEnrolment.PROCESS_KEY),
                entry(JOB_PLACEMENT, JobPlacement.PROCESS_KEY),
                entry(ADJUST_BENEFIT_TO_PLACEMENT, BenefitAdjustment.PROCESS_KEY),
                entry(ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT, BenefitAdjustment.PROCESS_KEY));
        assertThat(inputs.get(TRAINING)).containsExactly(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID,
                VAR_GIVEN_NAME, VAR_FAMILY_NAME, VAR_PES_CASE_NUMBER);
        assertThat(outputs.get(TRAINING)).containsExactly("trainingOutcome>trainingOutcome");
        assertThat(inputs.get(JOB_PLACEMENT)).containsExactly(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID,
                VAR_GIVEN_NAME, VAR_FAMILY_NAME, VAR_PES_CASE_NUMBER, JobPlacement.VAR_PREVIOUS_MONTHLY_INCOME);
        assertThat(outputs.get(JOB_PLACEMENT)).extracting(mapping -> mapping.substring(mapping.indexOf('>') + 1))
                .containsExactly(VAR_PLACEMENT_OUTCOME, VAR_EMPLOYER_ID, VAR_MONTHLY_WAGE, VAR_HOURS_PER_WEEK,
                        VAR_CONTRACT_TYPE, VAR_CONTRACT_MONTHS, VAR_START_DATE, VAR_PLACEMENT_VERIFIED_AT,
                        VAR_PLACEMENT_FAILURE_REASON, VAR_EMPLOYMENT_END_REASON, VAR_EMPLOYMENT_END_DATE);
        List<String> adjustmentInputs = List.of(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID,
                VAR_GIVEN_NAME, VAR_FAMILY_NAME, BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME,
                BenefitAdjustment.VAR_STABLE_EMPLOYMENT_DAYS, BenefitAdjustment.VAR_EMPLOYMENT_STATUS,
                BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER);
        assertThat(inputs.get(ADJUST_BENEFIT_TO_PLACEMENT)).containsExactlyElementsOf(adjustmentInputs);
        assertThat(inputs.get(ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT)).containsExactlyElementsOf(adjustmentInputs);
        assertThat(outputs.get(ADJUST_BENEFIT_TO_PLACEMENT)).containsExactly("adjustmentOutcome>placementAdjustmentOutcome");
        assertThat(outputs.get(ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT))
                .containsExactly("adjustmentOutcome>graduationAdjustmentOutcome");
    }

    // ---- steps: the referral up to the agreed plan ------------------------------------------------

    /** Referral, profile (with the benefit amount), registration, intake: work-ready with this pathway; SA told. */
    private ProcessInstance activationPlanAgreed(String pathway) {
        referenceId = "REF-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                VAR_SENDER_ID, "sa.example.gov",
                VAR_MESSAGE_ID, "msg-" + UUID.randomUUID(),
                VAR_REFERRAL_REASON, null,
                VAR_PROGRAM_ID, "PRG-ACTIVATION",
                VAR_BENEFIT_TYPE, "MINIMUM_INCOME",
                VAR_REFERRAL_RECEIVED_AT, ClockUtil.getCurrentTime(),
                VAR_INTAKE_WORKING_DAYS, DEFAULT_INTAKE_WORKING_DAYS));
        serve(PROCESS_KEY, FETCH_PROFILE, TOPIC_FETCH_PROFILE, vars(
                VAR_GIVEN_NAME, "Amina",
                VAR_FAMILY_NAME, "Haddad",
                VAR_BIRTH_DATE, LocalDate.of(1985, 6, 1).toString(),
                VAR_WORK_ABLE, true,
                VAR_BENEFIT_STATUS, BENEFIT_STATUS_ACTIVE,
                VAR_BENEFIT_END_DATE, null,
                VAR_MONTHLY_BENEFIT_AMOUNT, BENEFIT_AT_REFERRAL));
        serve(PROCESS_KEY, REGISTER_JOBSEEKER, TOPIC_REGISTER_JOBSEEKER, vars(VAR_PES_CASE_NUMBER, PES_CASE));
        agencyReports(MESSAGE_REGISTRATION_CONFIRMED, referenceId, Map.of());
        complete(task(INTAKE, pi), vars(VAR_WORK_READY, true, VAR_BARRIERS, "", VAR_PATHWAY, pathway, VAR_NOTES, null));
        assertThat(saIsTold(NOTIFY_SERVICES_COMMENCED)).containsEntry(INPUT_REASON, pathway);
        assertThat(pi).hasPassed(ACTIVATION_PLAN_AGREED).isNotEnded();
        return pi;
    }

    // ---- steps: the called processes, as their agencies and caseworkers drive them ------------------

    /** The programme is chosen, the place held, SA approves the training benefit, the provider enrols the person. */
    private void enrolledInTraining() {
        complete(childTask(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.CHOOSE_PROGRAMME), vars(
                TrainingEnrolment.VAR_NO_SUITABLE_PROGRAMME, false,
                TrainingEnrolment.VAR_PROGRAMME_ID, "TRN-DIGITAL-SKILLS-001",
                TrainingEnrolment.VAR_START_DATE, "2025-03-17"));
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.RESERVE_SLOT, TrainingEnrolment.TOPIC_RESERVE_SLOT,
                vars(TrainingEnrolment.VAR_SLOT_RESERVED, true, TrainingEnrolment.VAR_SLOT_ID, "SLOT-77"));
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.REQUEST_TRAINING_BENEFIT,
                TrainingEnrolment.TOPIC_REQUEST_TRAINING_BENEFIT);
        agencyReports(TrainingEnrolment.MESSAGE_TRAINING_BENEFIT_DECIDED, referenceId,
                vars(TrainingEnrolment.VAR_TRAINING_BENEFIT_APPROVED, true));
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.CONFIRM_ENROLMENT, TrainingEnrolment.TOPIC_CONFIRM_ENROLMENT);
        serve(TrainingEnrolment.PROCESS_KEY, TrainingEnrolment.NOTIFY_SA_ENROLLED, TrainingEnrolment.TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(running(TrainingEnrolment.PROCESS_KEY)).isWaitingAt(TrainingEnrolment.TRAINING_COMPLETED);
    }

    /** The vacancy PES offers ({@link #agencyOffersTheChoices}) from 1 April 2025, as Tasklist submits the vacancy form. */
    private static Map<String, Object> vacancy() {
        return vars(
                JobPlacement.VAR_NO_SUITABLE_VACANCY, false,
                JobPlacement.VAR_VACANCY_ID, VACANCY,
                JobPlacement.VAR_START_DATE, START_DATE_OF_THE_JOB,
                JobPlacement.VAR_MATCHING_NOTES, null);
    }

    /**
     * The read before a choice, served as the worker does with what the route makes of the agency's
     * answer: the provider's one programme, or PES's one vacancy, a permanent 38-hour job at 1,500 a month.
     */
    private void agencyOffersTheChoices(String processKey) {
        if (TrainingEnrolment.PROCESS_KEY.equals(processKey)) {
            serve(processKey, TrainingEnrolment.LIST_PROGRAMMES, TrainingEnrolment.TOPIC_LIST_PROGRAMMES, vars(
                    TrainingEnrolment.VAR_PROGRAMME_OPTIONS, SpinValues.jsonValue(
                            "[{\"label\":\"Digital skills for employment\",\"value\":\"TRN-DIGITAL-SKILLS-001\"}]").create(),
                    TrainingEnrolment.VAR_PROGRAMME_CATALOGUE, SpinValues.jsonValue("{\"TRN-DIGITAL-SKILLS-001\":"
                            + "{\"programmeName\":\"Digital skills for employment\",\"providerId\":\"TVET-NORTH\","
                            + "\"durationWeeks\":12}}").create()));
        } else {
            serve(processKey, JobPlacement.LIST_VACANCIES, JobPlacement.TOPIC_LIST_VACANCIES, vars(
                    JobPlacement.VAR_VACANCY_OPTIONS, SpinValues.jsonValue(
                            "[{\"label\":\"Customer service representative\",\"value\":\"" + VACANCY + "\"}]").create(),
                    JobPlacement.VAR_VACANCY_CATALOGUE, SpinValues.jsonValue("{\"" + VACANCY + "\":{\"employerId\":\""
                            + EMPLOYER + "\",\"employerName\":\"ABC Company Ltd\",\"jobTitle\":"
                            + "\"Customer service representative\",\"hoursPerWeek\":38,\"monthlyWage\":" + WAGE
                            + ",\"contractType\":\"" + JobPlacement.CONTRACT_PERMANENT + "\",\"contractMonths\":null}}").create()));
        }
    }

    private void counsellorMatchesAndEmployerAccepts() {
        complete(childTask(JobPlacement.PROCESS_KEY, JobPlacement.MATCH_VACANCY), vacancy());
        serve(JobPlacement.PROCESS_KEY, JobPlacement.PROPOSE_CANDIDATE, JobPlacement.TOPIC_PROPOSE_CANDIDATE);
        agencyReports(JobPlacement.MESSAGE_EMPLOYER_DECIDED, referenceId, vars(JobPlacement.VAR_EMPLOYER_ACCEPTED, true));
        assertThat(running(JobPlacement.PROCESS_KEY))
                .isWaitingAt(JobPlacement.PLACEMENT_REPORTED, JobPlacement.START_DATE_REACHED);
    }

    /** The start date comes, the record shows the job, then the employer confirms at {@code when}. */
    private void placementVerifiedOn(Date when) {
        ProcessInstance placement = running(JobPlacement.PROCESS_KEY);
        fireTimer(placement, JobPlacement.START_DATE_REACHED);
        serve(JobPlacement.PROCESS_KEY, JobPlacement.VERIFY_EMPLOYMENT, JobPlacement.TOPIC_VERIFY_EMPLOYMENT,
                vars(JobPlacement.VAR_INSURED_EMPLOYMENT_FOUND, true));
        ClockUtil.setCurrentTime(when);
        agencyReports(JobPlacement.MESSAGE_PLACEMENT_REPORTED, referenceId, Map.of());
        assertThat(placement).hasPassed(JobPlacement.ESCALATE_PLACEMENT_VERIFIED);
    }

    /** The notices of the verified placement go out, then every checkpoint finds the job; SA and PES are told. */
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

    /** The worker asks SA, which answers with the benefit it pays now; returns what the worker was given. */
    private Map<String, Object> saTellsTheBenefitInPayment(String fetchTask, double monthlyAmount) {
        return serve(PROCESS_KEY, fetchTask, TOPIC_FETCH_BENEFIT,
                vars(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ACTIVE, VAR_MONTHLY_BENEFIT_AMOUNT, monthlyAmount));
    }

    /** An SA caseworker approves, the notice goes out, nobody appeals within the window, SA applies it. */
    private void benefitAdjustmentApprovedAndApplied() {
        ProcessInstance adjustment = running(BenefitAdjustment.PROCESS_KEY);
        Task approval = task(BenefitAdjustment.APPROVE_ADJUSTMENT, adjustment);
        assertThat(approval).hasCandidateGroup(GROUP_SA_CASEWORKERS);
        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        try {
            claim(approval, SA_CASEWORKER);
            complete(approval, vars(BenefitAdjustment.VAR_APPROVAL_DECISION, BenefitAdjustment.APPROVAL_APPROVED));
        } finally {
            identityService().clearAuthentication();
        }
        serve(BenefitAdjustment.PROCESS_KEY, BenefitAdjustment.NOTIFY_ADJUSTMENT_DECIDED, BenefitAdjustment.TOPIC_NOTIFY_SA);
        fireTimer(adjustment, BenefitAdjustment.APPEAL_WINDOW_CLOSED);
        serve(BenefitAdjustment.PROCESS_KEY, BenefitAdjustment.APPLY_ADJUSTMENT,
                BenefitAdjustment.TOPIC_APPLY_BENEFIT_ADJUSTMENT);
    }

    private void consentWithdrawn(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN)
                .processInstanceId(pi.getId())
                .setVariable(VAR_CONSENT_WITHDRAWAL, "consent c-7 for EMPLOYMENT_ACTIVATION withdrawn")
                .correlateWithResult();
    }

    // ---- steps: workers, timers, tasks --------------------------------------------------------------

    private Map<String, Object> saIsTold(String notifyTask) {
        return serve(PROCESS_KEY, notifyTask, TOPIC_NOTIFY_OUTCOME);
    }

    private Map<String, Object> serve(String processKey, String activityId, String topic) {
        return serve(processKey, activityId, topic, Map.of());
    }

    /**
     * Runs the async continuation of the task in the running instance of that process, then serves it as
     * a worker does (local variables only) and completes it with the results.
     *
     * @return the payload the worker received
     */
    private Map<String, Object> serve(String processKey, String activityId, String topic, Map<String, Object> results) {
        LockedExternalTask task = fetch(processKey, activityId, topic);
        externalTaskService().complete(task.getId(), WORKER, results);
        return task.getVariables();
    }

    /**
     * Fetches the external task as a worker would, narrowed to the process: the referral and the processes
     * it calls share the business key and may have tasks on one topic at the same time.
     */
    private LockedExternalTask fetch(String processKey, String activityId, String topic) {
        execute(jobAt(running(processKey), activityId));
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(10, WORKER)
                .topic(topic, LOCK_MS)
                .businessKey(referenceId)
                .processDefinitionKey(processKey)
                .localVariables()
                .execute();
        assertThat(locked).as("%s tasks of %s", topic, processKey).hasSize(1);
        assertThat(locked.get(0).getActivityId()).isEqualTo(activityId);
        return locked.get(0);
    }

    /** The one running instance of that process under this referral's business key. */
    private ProcessInstance running(String processKey) {
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(referenceId)
                .singleResult();
        assertThat(instance).as("running %s", processKey).isNotNull();
        return instance;
    }

    /** The task of the called process; a choice is offered first when the process still reads its options. */
    private Task childTask(String processKey, String taskDefinitionKey) {
        ProcessInstance child = running(processKey);
        if (taskService().createTaskQuery().processInstanceId(child.getId()).taskDefinitionKey(taskDefinitionKey)
                .count() == 0) {
            agencyOffersTheChoices(processKey);
        }
        return task(taskDefinitionKey, child);
    }

    private List<HistoricProcessInstance> calledInstancesOf(String processKey) {
        return historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(referenceId)
                .list();
    }

    /** No instance, task, job or external task of the referral or anything it called is left. */
    private static boolean nothingLeftFor(String businessKey) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0
                && taskService().createTaskQuery().processInstanceBusinessKey(businessKey).count() == 0
                && managementService().createJobQuery().count() == 0
                && externalTaskService().createExternalTaskQuery().count() == 0;
    }

    /** The task opens its Camunda Form, deployed with the referral model (binding {@code deployment}). */
    private static DocumentContext opensDeployedForm(Task task, String formKey) {
        CamundaFormRef formRef = formService().getTaskFormData(task.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo(formKey);
        assertThat(formRef.getBinding()).isEqualTo("deployment");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            DocumentContext json = JsonPath.parse(new String(form.readAllBytes(), StandardCharsets.UTF_8));
            assertThat((String) json.read("$.id")).isEqualTo(formKey);
            assertThat((String) json.read("$.executionPlatformVersion")).isEqualTo("7.24.0");
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
