package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.esphub.processes.LifecycleProcessSteps.WORKER;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.LifecycleProcessSteps.workerCompletes;
import static org.esphub.processes.LifecycleProcessSteps.workerFetches;
import static org.esphub.processes.ReturnToWork.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * return-to-work, path by path, driven as SA, the authority, the employer, the workers and the PES
 * caseworker drive it: refused without consent, no capacity, a graded return with a partial benefit (its
 * approval and appeal) to stable work, a graded return that ends, an employer refusing the accommodations
 * (retraining), and retraining chosen in the plan. The real benefit-adjustment and appeal run; job-placement
 * and training-enrolment, tested on their own, are stood in for by callees that answer as they do, so that
 * this test shows what return-to-work hands them and does with their answers.
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_PLAN_RESOURCE,
        BenefitAdjustment.BPMN_RESOURCE, BenefitAdjustment.DMN_RESOURCE, BenefitAdjustment.FORM_APPROVAL_RESOURCE,
        Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class ReturnToWorkProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PERSON = "PERS-0606";
    private static final String EMPLOYER = "EMP-0042";
    private static final String PES_CASEWORKER = "pes-worker";
    private static final String SA_CASEWORKER = "sa-worker";
    private static final String RESTRICTIONS = "no lifting over 10 kg; no night shifts";
    /** The stand-ins' one user task: where job-placement and training-enrolment would be working. */
    private static final String CALLEE_AT_WORK = "CalleeAtWork";
    private static final String PLACEMENT_RETAINED = "PlacementRetained";

    private String referenceId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
        Mocks.register(BenefitAdjustment.SETTINGS_BEAN, new BenefitAdjustmentSettings(Duration.parse("P30D")));
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
        deployStandIns();
        referenceId = "RTW-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
        repositoryService().createDeploymentQuery().deploymentName("stand-ins").list()
                .forEach(deployment -> repositoryService().deleteDeployment(deployment.getId(), true));
    }

    @Test
    void the_model_follows_the_conventions_of_every_process() {
        assertServiceTaskConventions(PROCESS_KEY, PURPOSE_RETURN_TO_WORK);
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsEntry(PLAN_RETURN, FORM_PLAN);
    }

    // ---- consent and capacity -------------------------------------------------------------------------

    @Test
    void without_the_persons_consent_the_gate_refuses_the_first_exchange_nothing_moves_and_sa_learns_why() {
        ProcessInstance pi = referredBySa();
        LockedExternalTask fetch = workerFetches(pi, FETCH_WORK_CAPACITY, TOPIC_FETCH_WORK_CAPACITY);
        assertThat(fetch.getVariables()).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID);
        externalTaskService().handleBpmnError(fetch.getId(), WORKER, ERROR_EXCHANGE_REFUSED,
                "rjct.consent.missing: no valid consent of the person for RETURN_TO_WORK");

        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_SA_RETURN_REFUSED, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(toSa).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON)
                .containsEntry(INPUT_OUTCOME, OUTCOME_EXCHANGE_REFUSED)
                .containsEntry(INPUT_REASON, "rjct.consent.missing: no valid consent of the person for RETURN_TO_WORK");
        assertThat(pi).isEnded().hasPassed(RETURN_NOT_POSSIBLE).hasNotPassed(NOTIFY_PES_OF_REFERRAL, PLAN_RETURN);
        assertThat(pi).variables().containsEntry(VAR_RETURN_OUTCOME, RETURN_OUTCOME_NOT_POSSIBLE);
    }

    @Test
    void a_person_not_cleared_for_any_work_stays_on_the_benefit_sa_is_told_and_pes_learns_nothing() {
        ProcessInstance pi = referredBySa();
        capacityCleared(pi, CAPACITY_NONE, null, null);

        assertThat(pi).hasPassed(CONTINUED_INCAPACITY).hasNotPassed(NOTIFY_PES_OF_REFERRAL, PLAN_RETURN);
        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_SA_OF_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(toSa).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON)
                .containsEntry(INPUT_OUTCOME, RETURN_OUTCOME_CONTINUED_INCAPACITY)
                .containsEntry(INPUT_REASON, "work capacity NONE");
        assertThat(pi).isEnded().hasPassed(RETURN_CLOSED);
    }

    // ---- graded return ----------------------------------------------------------------------------------

    @Test
    void a_partial_capacity_becomes_a_graded_return_the_employer_agrees_and_the_verified_job_makes_the_benefit_partial() {
        ProcessInstance pi = referredBySa();
        capacityCleared(pi, CAPACITY_PARTIAL, 20, RESTRICTIONS);
        pesIsTold(pi, CAPACITY_PARTIAL, 20);
        planned(pi, vars(VAR_PLAN_PATH, PLAN_GRADED_RETURN, VAR_GRADED_HOURS_PER_WEEK, 16,
                VAR_ACCOMMODATIONS, "adjustable desk; mornings only"));

        Map<String, Object> toEmployer = workerCompletes(pi, AGREE_ACCOMMODATIONS, TOPIC_AGREE_ACCOMMODATIONS,
                vars(VAR_EMPLOYER_ANSWER, EMPLOYER_AGREED, VAR_EMPLOYER_COMMENT, "Desk ordered."));
        assertThat(toEmployer).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_EMPLOYER_ID,
                VAR_WORK_CAPACITY, VAR_CAPACITY_HOURS_PER_WEEK, VAR_WORK_RESTRICTIONS, VAR_GRADED_HOURS_PER_WEEK,
                VAR_ACCOMMODATIONS)
                .containsEntry(VAR_EMPLOYER_ID, EMPLOYER).containsEntry(VAR_WORK_RESTRICTIONS, RESTRICTIONS)
                .containsEntry(VAR_GRADED_HOURS_PER_WEEK, 16)
                .containsEntry(VAR_ACCOMMODATIONS, "adjustable desk; mornings only");

        ProcessInstance placement = called(JobPlacement.PROCESS_KEY, pi);
        assertThat(placement).variables().containsEntry(JobPlacement.VAR_REFERENCE_ID, referenceId)
                .containsEntry(JobPlacement.VAR_PERSON_ID, PERSON)
                .containsEntry(JobPlacement.VAR_PREVIOUS_MONTHLY_INCOME, 1000.0);

        // the job is verified: 16 hours a week at 700 a month, 70 % of the benefit
        calleeWorks(placement, vars(JobPlacement.VAR_MONTHLY_WAGE, 700.0, JobPlacement.VAR_HOURS_PER_WEEK, 16,
                JobPlacement.VAR_START_DATE, "2025-03-03"));
        ProcessInstance adjustment = called(BenefitAdjustment.PROCESS_KEY, pi);
        assertThat(adjustment).variables()
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER, BenefitAdjustment.TRIGGER_GRADED_RETURN)
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 1000.0)
                .containsEntry(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, 700.0)
                .containsEntry(BenefitAdjustment.VAR_EMPLOYMENT_STATUS, BenefitAdjustment.EMPLOYMENT_STATUS_EMPLOYED)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_DECISION, BenefitAdjustment.DECISION_REDUCE)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTED_BENEFIT_PERCENT, 50);

        // the partial benefit: approved by SA, appealed by the person, upheld, applied
        saCaseworkerApproves(adjustment);
        workerCompletes(adjustment, BenefitAdjustment.NOTIFY_ADJUSTMENT_DECIDED, BenefitAdjustment.TOPIC_NOTIFY_SA);
        runtimeService().createMessageCorrelation(BenefitAdjustment.MESSAGE_APPEAL_FILED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(vars(BenefitAdjustment.VAR_APPEAL_GROUNDS, "My hours go up next month."))
                .correlateWithResult();
        ProcessInstance appeal = called(Appeal.PROCESS_KEY, adjustment);
        AppealSteps.acknowledged(appeal);
        AppealSteps.officerDecides(appeal, vars(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "The reduction follows the hours worked now."));
        AppealSteps.saAndPesAreTold(appeal);
        Map<String, Object> applied = workerCompletes(adjustment, BenefitAdjustment.APPLY_ADJUSTMENT,
                BenefitAdjustment.TOPIC_APPLY_BENEFIT_ADJUSTMENT);
        assertThat(applied).containsEntry(BenefitAdjustment.VAR_ADJUSTED_BENEFIT_PERCENT, 50);
        assertThat(adjustment).isEnded();
        assertThat(pi).hasPassed(BENEFIT_ADJUSTED_TO_GRADED_RETURN).isWaitingAt(GRADED_PLACEMENT);
        assertThat(pi).variables().containsEntry(VAR_GRADED_RETURN_ADJUSTMENT_OUTCOME,
                BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED);

        // the retention checkpoints pass: back in stable work
        calleeEnds(placement, vars(JobPlacement.VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_STABLE_EMPLOYMENT));
        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_SA_OF_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(toSa).containsEntry(INPUT_OUTCOME, RETURN_OUTCOME_RETURNED)
                .containsEntry(INPUT_REASON, "work capacity PARTIAL");
        assertThat(pi).isEnded().hasPassed(RETURNED_TO_WORK, RETURN_CLOSED).hasNotPassed(RETRAINING);
    }

    @Test
    void a_graded_return_whose_placement_fails_before_verification_ends_without_touching_the_benefit() {
        ProcessInstance pi = gradedReturnAgreed();
        ProcessInstance placement = called(JobPlacement.PROCESS_KEY, pi);
        taskService().complete(task(CALLEE_AT_WORK, placement).getId(),
                vars(JobPlacement.VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_PLACEMENT_FAILED));
        // the stand-in ends at once when the job is not verified
        assertThat(pi).hasPassed(GRADED_PLACEMENT_ENDED, GRADED_RETURN_ENDED)
                .hasNotPassed(GRADED_PLACEMENT_VERIFIED, ADJUST_BENEFIT_TO_GRADED_RETURN);
        assertThat(workerCompletes(pi, NOTIFY_SA_OF_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_OUTCOME, RETURN_OUTCOME_GRADED_RETURN_ENDED);
        assertThat(pi).isEnded();
    }

    // ---- retraining -------------------------------------------------------------------------------------

    @Test
    void an_employer_refusing_the_accommodations_turns_the_plan_into_retraining() {
        ProcessInstance pi = referredBySa();
        capacityCleared(pi, CAPACITY_PARTIAL, 20, RESTRICTIONS);
        pesIsTold(pi, CAPACITY_PARTIAL, 20);
        planned(pi, vars(VAR_PLAN_PATH, PLAN_GRADED_RETURN, VAR_GRADED_HOURS_PER_WEEK, 16,
                VAR_ACCOMMODATIONS, "no lifting duties"));
        workerCompletes(pi, AGREE_ACCOMMODATIONS, TOPIC_AGREE_ACCOMMODATIONS,
                vars(VAR_EMPLOYER_ANSWER, EMPLOYER_REFUSED, VAR_EMPLOYER_COMMENT, "Every job here involves lifting."));

        assertThat(pi).hasNotPassed(GRADED_RETURN).isWaitingAt(RETRAINING);
        ProcessInstance training = called(TrainingEnrolment.PROCESS_KEY, pi);
        assertThat(training).variables().containsEntry(TrainingEnrolment.VAR_PERSON_ID, PERSON)
                .containsEntry(TrainingEnrolment.VAR_GIVEN_NAME, "Lena");
        calleeEnds(training, vars(TrainingEnrolment.VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_COMPLETED));

        assertThat(workerCompletes(pi, NOTIFY_SA_OF_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_OUTCOME, RETURN_OUTCOME_RETRAINED);
        assertThat(pi).isEnded().hasPassed(RETRAINING_ENDED);
    }

    @Test
    void a_changed_capacity_planned_as_retraining_asks_the_employer_nothing_and_reports_a_retraining_not_completed() {
        ProcessInstance pi = referredBySa();
        capacityCleared(pi, CAPACITY_CHANGED, 38, "no work at heights");
        pesIsTold(pi, CAPACITY_CHANGED, 38);
        planned(pi, vars(VAR_PLAN_PATH, PLAN_RETRAINING));

        assertThat(pi).hasNotPassed(AGREE_ACCOMMODATIONS).isWaitingAt(RETRAINING);
        calleeEnds(called(TrainingEnrolment.PROCESS_KEY, pi),
                vars(TrainingEnrolment.VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_DROPPED_OUT));
        assertThat(workerCompletes(pi, NOTIFY_SA_OF_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_OUTCOME, RETURN_OUTCOME_RETRAINING_NOT_COMPLETED)
                .containsEntry(INPUT_REASON, "work capacity CHANGED");
        assertThat(pi).isEnded();
    }

    // ---- steps --------------------------------------------------------------------------------------

    private ProcessInstance referredBySa() {
        ProcessInstance pi = runtimeService().createMessageCorrelation(MESSAGE_REFERRED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(vars(VAR_REFERENCE_ID, referenceId, VAR_PERSON_ID, PERSON, VAR_CORRELATION_ID, referenceId,
                        VAR_GIVEN_NAME, "Lena", VAR_FAMILY_NAME, "Kowalski", VAR_BENEFIT_TYPE, BENEFIT_INJURY,
                        VAR_MONTHLY_BENEFIT_AMOUNT, 1000.0, VAR_EMPLOYER_ID, EMPLOYER,
                        // what the case decides with is its own steps', whatever the starter sends along
                        VAR_WORK_CAPACITY, CAPACITY_FULL, VAR_EMPLOYER_ANSWER, EMPLOYER_AGREED))
                .correlateStartMessage();
        assertThat(pi).isWaitingAt(FETCH_WORK_CAPACITY);
        assertThat(pi).variables().containsEntry(VAR_WORK_CAPACITY, null).containsEntry(VAR_EMPLOYER_ANSWER, null);
        return pi;
    }

    /** The authority's answer as the gate lets it through: capacity, hours and restrictions only. */
    private static void capacityCleared(ProcessInstance pi, String capacity, Integer hours, String restrictions) {
        workerCompletes(pi, FETCH_WORK_CAPACITY, TOPIC_FETCH_WORK_CAPACITY, vars(VAR_WORK_CAPACITY, capacity,
                VAR_CAPACITY_HOURS_PER_WEEK, hours, VAR_WORK_RESTRICTIONS, restrictions));
    }

    private static void pesIsTold(ProcessInstance pi, String capacity, Integer hours) {
        Map<String, Object> toPes = workerCompletes(pi, NOTIFY_PES_OF_REFERRAL, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON, VAR_WORK_CAPACITY, VAR_CAPACITY_HOURS_PER_WEEK, VAR_WORK_RESTRICTIONS)
                .containsEntry(INPUT_OUTCOME, OUTCOME_REFERRED).containsEntry(INPUT_REASON, BENEFIT_INJURY)
                .containsEntry(VAR_WORK_CAPACITY, capacity).containsEntry(VAR_CAPACITY_HOURS_PER_WEEK, hours);
        assertThat(pi).isWaitingAt(PLAN_RETURN);
    }

    private void planned(ProcessInstance pi, Map<String, Object> formValues) {
        Task plan = task(PLAN_RETURN, pi);
        assertThat(plan).hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDescription("Return-to-work plan for Lena Kowalski (reference " + referenceId + "), referred by"
                        + " SA: the authority clears a " + switch ((String) runtimeService().getVariable(pi.getId(),
                        VAR_WORK_CAPACITY)) {
                            case CAPACITY_FULL -> "full";
                            case CAPACITY_PARTIAL -> "partial";
                            default -> "changed";
                        } + " capacity. Meet the person and choose a graded return to their employer with"
                        + " accommodations, or retraining.");
        assertThat(fieldKeys(assertOpensForm(plan, FORM_PLAN)))
                .containsExactly(VAR_PLAN_PATH, VAR_GRADED_HOURS_PER_WEEK, VAR_ACCOMMODATIONS);
        identityService().setAuthenticatedUserId(PES_CASEWORKER);
        try {
            claim(plan, PES_CASEWORKER);
            complete(plan, formValues);
        } finally {
            identityService().clearAuthentication();
        }
        assertThat(pi).variables().containsEntry(VAR_PLANNED_BY, PES_CASEWORKER);
    }

    private ProcessInstance gradedReturnAgreed() {
        ProcessInstance pi = referredBySa();
        capacityCleared(pi, CAPACITY_FULL, null, null);
        pesIsTold(pi, CAPACITY_FULL, null);
        planned(pi, vars(VAR_PLAN_PATH, PLAN_GRADED_RETURN, VAR_GRADED_HOURS_PER_WEEK, 38,
                VAR_ACCOMMODATIONS, "a chair at the till"));
        workerCompletes(pi, AGREE_ACCOMMODATIONS, TOPIC_AGREE_ACCOMMODATIONS,
                vars(VAR_EMPLOYER_ANSWER, EMPLOYER_AGREED, VAR_EMPLOYER_COMMENT, null));
        assertThat(pi).isWaitingAt(GRADED_PLACEMENT);
        return pi;
    }

    private static void saCaseworkerApproves(ProcessInstance adjustment) {
        Task approval = task(BenefitAdjustment.APPROVE_ADJUSTMENT, adjustment);
        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        try {
            claim(approval, SA_CASEWORKER);
            complete(approval, vars(BenefitAdjustment.VAR_APPROVAL_DECISION, BenefitAdjustment.APPROVAL_APPROVED));
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** The called process of that key, started with this case's business key. */
    private ProcessInstance called(String processKey, ProcessInstance caller) {
        ProcessInstance callee = processInstanceQuery().processDefinitionKey(processKey)
                .superProcessInstanceId(caller.getId()).singleResult();
        assertThat(callee).as("%s called by %s", processKey, caller.getProcessDefinitionId()).isNotNull();
        assertThat(callee.getBusinessKey()).isEqualTo(referenceId);
        return callee;
    }

    /** The stand-in works and (job-placement) escalates the verified job with its terms. */
    private static void calleeWorks(ProcessInstance callee, Map<String, Object> results) {
        taskService().complete(task(CALLEE_AT_WORK, callee).getId(), results);
    }

    private static void calleeEnds(ProcessInstance callee, Map<String, Object> results) {
        Task last = taskService().createTaskQuery().processInstanceId(callee.getId()).singleResult();
        taskService().complete(last.getId(), results);
        assertThat(callee).isEnded();
    }

    /**
     * Stand-ins with the keys, escalation and results of job-placement and training-enrolment: the
     * placement works, escalates PLACEMENT_VERIFIED when its result says the job was found, and ends
     * when the retention checkpoints pass; the training works and ends.
     */
    private static void deployStandIns() {
        BpmnModelInstance placement = Bpmn.createExecutableProcess(JobPlacement.PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(CALLEE_AT_WORK)
                .exclusiveGateway("Verified")
                .condition("job found", "${execution.getVariable('" + JobPlacement.VAR_PLACEMENT_OUTCOME + "') == null}")
                .intermediateThrowEvent("EscalateVerified").escalation(JobPlacement.ESCALATION_PLACEMENT_VERIFIED)
                .userTask(PLACEMENT_RETAINED)
                .endEvent()
                .moveToLastGateway()
                .condition("not found", "${execution.getVariable('" + JobPlacement.VAR_PLACEMENT_OUTCOME + "') != null}")
                .endEvent()
                .done();
        BpmnModelInstance training = Bpmn.createExecutableProcess(TrainingEnrolment.PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(CALLEE_AT_WORK)
                .endEvent()
                .done();
        repositoryService().createDeployment().name("stand-ins")
                .addModelInstance("job-placement-stand-in.bpmn", placement)
                .addModelInstance("training-enrolment-stand-in.bpmn", training)
                .deploy();
    }
}
