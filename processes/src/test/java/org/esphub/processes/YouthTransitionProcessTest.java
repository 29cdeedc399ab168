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
import static org.esphub.processes.YouthTransition.*;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
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
 * youth-transition, path by path, driven as SA, the workers, PES's and SA's caseworkers drive it: outside the
 * age band, refused by the gate (a minor without the guardian's consent), reached and counselled into each
 * pathway with both outcomes reported to SA, attempts overdue or failed until SA helps through the family
 * or the case closes. training-enrolment and job-placement are stood in for by one-task processes of the
 * same keys: their own tests drive them; here what matters is that they are called with the referral's
 * business key and what the case reads back.
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_OUTREACH_RESOURCE, FORM_FAMILY_CONTACT_RESOURCE, FORM_COUNSELLING_RESOURCE,
        FORM_OUTCOME_STATUS_RESOURCE, FORM_GRADUATION_PLANNING_RESOURCE})
class YouthTransitionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PERSON = "PERS-Y-0042";
    /** 17 on the referral day: a minor, whose referral needs the guardian's consent. */
    private static final String BIRTH_DATE_MINOR = "2007-06-15";
    private static final Duration CONTACT_ATTEMPT = Duration.ofDays(7);
    private static final int MAX_ATTEMPTS = 3;
    private static final String STUB_TASK = "CalledProcessRuns";

    private String referenceId;
    private String stubDeployment;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
        Mocks.register(SETTINGS_BEAN, new YouthTransitionSettings(15, 24, CONTACT_ATTEMPT, MAX_ATTEMPTS,
                Period.ofMonths(6), Period.ofMonths(12)));
        stubDeployment = repositoryService().createDeployment()
                .addModelInstance("training-enrolment-stand-in.bpmn", standIn(TrainingEnrolment.PROCESS_KEY))
                .addModelInstance("job-placement-stand-in.bpmn", standIn(JobPlacement.PROCESS_KEY))
                .deploy().getId();
        referenceId = "YTR-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        repositoryService().deleteDeployment(stubDeployment, true);
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    @Test
    void the_model_follows_the_conventions_of_every_process() {
        assertServiceTaskConventions(PROCESS_KEY, PURPOSE_YOUTH_TRANSITION);
        assertThat(assertUserTaskConventions(PROCESS_KEY))
                .containsEntry(CONTACT_YOUTH, FORM_OUTREACH)
                .containsEntry(REACH_THROUGH_FAMILY, FORM_FAMILY_CONTACT)
                .containsEntry(CAREER_COUNSELLING, FORM_COUNSELLING)
                .containsEntry(RECORD_FIRST_OUTCOME, FORM_OUTCOME_STATUS)
                .containsEntry(RECORD_SECOND_OUTCOME, FORM_OUTCOME_STATUS)
                .containsEntry(PLAN_GRADUATION, FORM_GRADUATION_PLANNING);
    }

    // ---- before anything reaches PES ----------------------------------------------------------------

    @Test
    void a_person_outside_the_age_band_is_not_referred_and_sa_learns_why() {
        ProcessInstance pi = referredBySa("1999-01-10");

        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_SA_OUTSIDE_AGE_BAND, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(toSa).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON).containsEntry(INPUT_OUTCOME, OUTCOME_OUTSIDE_AGE_BAND);
        assertThat(pi).isEnded().hasPassed(OUTSIDE_AGE_BAND).hasNotPassed(REFER_TO_PES);
        assertThat(pi).variables().containsEntry(VAR_CASE_OUTCOME, CASE_OUTCOME_OUTSIDE_AGE_BAND);
    }

    @Test
    void without_a_valid_consent_the_gate_refuses_the_referral_nothing_reaches_pes_and_sa_learns_why() {
        ProcessInstance pi = referredBySa(BIRTH_DATE_MINOR);

        LockedExternalTask refer = workerFetches(pi, REFER_TO_PES, TOPIC_PES_NOTIFY_OUTCOME);
        externalTaskService().handleBpmnError(refer.getId(), WORKER, ERROR_EXCHANGE_REFUSED,
                "rjct.consent.guardian: the person is a minor; the consent must be given by a guardian");

        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_SA_EXCHANGE_REFUSED, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(toSa).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON)
                .containsEntry(INPUT_OUTCOME, OUTCOME_EXCHANGE_REFUSED)
                .containsEntry(INPUT_REASON, "rjct.consent.guardian: the person is a minor; the consent must be"
                        + " given by a guardian");
        assertThat(pi).isEnded().hasPassed(NOT_POSSIBLE).hasNotPassed(CONTACT_YOUTH);
        assertThat(pi).variables().containsEntry(VAR_CASE_OUTCOME, CASE_OUTCOME_NOT_POSSIBLE);
    }

    // ---- reached, counselled, followed up -------------------------------------------------------------

    @Test
    void training_then_both_outcomes_reach_sa_and_sa_plans_the_familys_support() {
        ProcessInstance pi = counselledInto(PATHWAY_TRAINING);

        ProcessInstance training = called(pi, TRAINING, TrainingEnrolment.PROCESS_KEY);
        assertThat(training).variables().containsEntry(VAR_REFERENCE_ID, referenceId)
                .containsEntry(VAR_PERSON_ID, PERSON).containsEntry(VAR_GIVEN_NAME, "Lina")
                .containsEntry(VAR_FAMILY_NAME, "Moreau").doesNotContainKey(VAR_FAMILY_BENEFIT_STATUS)
                .containsEntry(VAR_PROGRAMME_AUDIENCE, PROGRAMME_AUDIENCE_YOUTH);
        calledProcessEnds(training, vars(VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_COMPLETED));
        assertThat(pi).variables().containsEntry(VAR_TRAINING_OUTCOME, TrainingEnrolment.OUTCOME_COMPLETED);

        outcomesReported(pi, STATUS_IN_TRAINING, STATUS_EMPLOYED);
        Task plan = task(PLAN_GRADUATION, pi);
        assertThat(plan).hasCandidateGroup(GROUP_SA_CASEWORKERS);
        assertThat(fieldKeys(assertOpensForm(plan, FORM_GRADUATION_PLANNING))).containsExactly(VAR_FAMILY_PLAN);
        caseworkerCompletes(plan, "sa-worker", vars(VAR_FAMILY_PLAN, PLAN_START_GRADUATION));

        assertThat(pi).isEnded().hasPassed(FOLLOWED_UP);
        assertThat(pi).variables().containsEntry(VAR_CASE_OUTCOME, CASE_OUTCOME_FOLLOWED_UP)
                .containsEntry(VAR_FIRST_YOUTH_STATUS, STATUS_IN_TRAINING)
                .containsEntry(VAR_SECOND_YOUTH_STATUS, STATUS_EMPLOYED)
                .containsEntry(VAR_FAMILY_PLAN, PLAN_START_GRADUATION)
                .containsEntry(VAR_PLANNED_BY, "sa-worker");
    }

    @Test
    void an_apprenticeship_runs_through_job_placement_and_the_case_waits_for_it_after_the_outcomes() {
        ProcessInstance pi = counselledInto(PATHWAY_APPRENTICESHIP);
        ProcessInstance placement = called(pi, JOB_PLACEMENT, JobPlacement.PROCESS_KEY);

        outcomesReported(pi, STATUS_EMPLOYED, STATUS_EMPLOYED);
        caseworkerCompletes(task(PLAN_GRADUATION, pi), "sa-worker", vars(VAR_FAMILY_PLAN, PLAN_CONTINUE_SUPPORT));
        assertThat(pi).isWaitingAt(JOB_PLACEMENT);

        calledProcessEnds(placement, vars(VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_STABLE_EMPLOYMENT));
        assertThat(pi).isEnded().hasPassed(FOLLOWED_UP).hasNotPassed(TRAINING);
        assertThat(pi).variables().containsEntry(VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_STABLE_EMPLOYMENT);
    }

    @Test
    void a_job_search_runs_through_job_placement_too() {
        ProcessInstance pi = counselledInto(PATHWAY_JOB_SEARCH);
        calledProcessEnds(called(pi, JOB_PLACEMENT, JobPlacement.PROCESS_KEY),
                vars(VAR_PLACEMENT_OUTCOME, JobPlacement.OUTCOME_NO_PLACEMENT));
        assertThat(pi).isWaitingAt(FIRST_OUTCOME_DUE);
    }

    @Test
    void school_re_entry_calls_nothing_and_ends_with_the_outcomes() {
        ProcessInstance pi = counselledInto(PATHWAY_SCHOOL_RE_ENTRY);
        assertThat(pi).isWaitingAt(FIRST_OUTCOME_DUE).hasNotPassed(TRAINING, JOB_PLACEMENT);
        assertThat(processInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();

        outcomesReported(pi, STATUS_IN_TRAINING, STATUS_NEET);
        caseworkerCompletes(task(PLAN_GRADUATION, pi), "sa-worker", vars(VAR_FAMILY_PLAN, PLAN_CONTINUE_SUPPORT));
        assertThat(pi).isEnded().hasPassed(FOLLOWED_UP);
    }

    // ---- outreach -------------------------------------------------------------------------------------

    @Test
    void an_attempt_nobody_records_by_its_due_date_fails_and_the_next_gets_a_fresh_due_date() {
        ProcessInstance pi = referredToPes();
        Date firstDue = task(CONTACT_YOUTH, pi).getDueDate();
        assertThat(firstDue).isEqualTo(Date.from(MONDAY_0900.plus(CONTACT_ATTEMPT)));

        ClockUtil.setCurrentTime(firstDue);
        execute(jobAt(pi, CONTACT_ATTEMPT_OVERDUE));

        assertThat(pi).isWaitingAt(CONTACT_YOUTH).hasPassed(ATTEMPT_FAILED);
        assertThat(pi).variables().containsEntry(VAR_CONTACT_ATTEMPTS, 1L);
        assertThat(task(CONTACT_YOUTH, pi).getDueDate()).isEqualTo(Date.from(firstDue.toInstant().plus(CONTACT_ATTEMPT)));
        assertThat(task(CONTACT_YOUTH, pi).getDescription()).contains("attempt 2");
    }

    @Test
    void after_the_failed_attempts_sa_reaches_the_young_person_through_the_family_and_pes_tries_again() {
        ProcessInstance pi = referredToPes();
        failedAttempts(pi, MAX_ATTEMPTS);

        Task family = task(REACH_THROUGH_FAMILY, pi);
        assertThat(family).hasCandidateGroup(GROUP_SA_CASEWORKERS);
        assertThat(family.getDescription()).contains("in 3 attempts");
        assertThat(fieldKeys(assertOpensForm(family, FORM_FAMILY_CONTACT))).containsExactly(VAR_FAMILY_CONTACT_OUTCOME);
        caseworkerCompletes(family, "sa-worker", vars(VAR_FAMILY_CONTACT_OUTCOME, FAMILY_CONTACT_REACHED));

        assertThat(pi).isWaitingAt(CONTACT_YOUTH);
        assertThat(pi).variables().containsEntry(VAR_CONTACT_ATTEMPTS, 0L);
        caseworkerCompletes(task(CONTACT_YOUTH, pi), "pes-worker", vars(VAR_YOUTH_REACHED, true));
        assertThat(pi).isWaitingAt(CAREER_COUNSELLING);
    }

    @Test
    void when_sa_cannot_reach_the_young_person_either_pes_is_told_and_the_case_closes() {
        ProcessInstance pi = referredToPes();
        failedAttempts(pi, MAX_ATTEMPTS);
        caseworkerCompletes(task(REACH_THROUGH_FAMILY, pi), "sa-worker",
                vars(VAR_FAMILY_CONTACT_OUTCOME, FAMILY_CONTACT_NOT_REACHED));

        Map<String, Object> toPes = workerCompletes(pi, NOTIFY_PES_NOT_REACHED, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON).containsEntry(INPUT_OUTCOME, OUTCOME_YOUTH_NOT_REACHED);
        assertThat(pi).isEnded().hasPassed(NOT_REACHED, CASE_CLOSED).hasNotPassed(CAREER_COUNSELLING);
        assertThat(pi).variables().containsEntry(VAR_CASE_OUTCOME, CASE_OUTCOME_NOT_REACHED);
    }

    // ---- steps --------------------------------------------------------------------------------------

    private ProcessInstance referredBySa(String birthDate) {
        return runtimeService().createMessageCorrelation(MESSAGE_YOUTH_REFERRED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(vars(VAR_REFERENCE_ID, referenceId, VAR_PERSON_ID, PERSON, VAR_CORRELATION_ID, referenceId,
                        VAR_GIVEN_NAME, "Lina", VAR_FAMILY_NAME, "Moreau", VAR_BIRTH_DATE, birthDate,
                        VAR_FAMILY_BENEFIT_STATUS, "ACTIVE", VAR_EDUCATION_LEVEL, "incomplete_secondary",
                        VAR_SCHOOL_STATUS, "dropped_out", VAR_REFERRAL_REASON, REASON_NEET_STATUS))
                .correlateStartMessage();
    }

    /** Referred (a minor with the guardian's consent: the gate releases), PES told, the first attempt open. */
    private ProcessInstance referredToPes() {
        ProcessInstance pi = referredBySa(BIRTH_DATE_MINOR);
        Map<String, Object> toPes = workerCompletes(pi, REFER_TO_PES, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_GIVEN_NAME,
                        VAR_FAMILY_NAME, VAR_BIRTH_DATE, VAR_FAMILY_BENEFIT_STATUS, VAR_EDUCATION_LEVEL,
                        VAR_SCHOOL_STATUS, VAR_REFERRAL_REASON, INPUT_OUTCOME)
                .containsEntry(VAR_BIRTH_DATE, BIRTH_DATE_MINOR)
                .containsEntry(INPUT_OUTCOME, OUTCOME_YOUTH_REFERRED);
        Task contact = task(CONTACT_YOUTH, pi);
        assertThat(contact).hasCandidateGroup(GROUP_PES_CASEWORKERS);
        assertThat(contact.getDescription()).isEqualTo("Contact Lina Moreau (referral " + referenceId + ", referred by"
                + " SA: neet_status), attempt 1: invite them to a career-counselling meeting and record whether you"
                + " reached them.");
        assertThat(fieldKeys(assertOpensForm(contact, FORM_OUTREACH))).containsExactly(VAR_YOUTH_REACHED);
        return pi;
    }

    private static void failedAttempts(ProcessInstance pi, int attempts) {
        for (int i = 0; i < attempts; i++) {
            caseworkerCompletes(task(CONTACT_YOUTH, pi), "pes-worker", vars(VAR_YOUTH_REACHED, false));
        }
        assertThat(pi).variables().containsEntry(VAR_CONTACT_ATTEMPTS, (long) attempts);
    }

    /** Reached at the first attempt, counselled into the pathway, SA told the pathway. */
    private ProcessInstance counselledInto(String pathway) {
        ProcessInstance pi = referredToPes();
        caseworkerCompletes(task(CONTACT_YOUTH, pi), "pes-worker", vars(VAR_YOUTH_REACHED, true));
        Task counselling = task(CAREER_COUNSELLING, pi);
        assertThat(counselling).hasCandidateGroup(GROUP_PES_CASEWORKERS);
        assertThat(fieldKeys(assertOpensForm(counselling, FORM_COUNSELLING))).containsExactly(VAR_PATHWAY);
        caseworkerCompletes(counselling, "pes-worker", vars(VAR_PATHWAY, pathway));
        assertThat(pi).variables().containsEntry(VAR_PATHWAY_CHOSEN_AT, Date.from(MONDAY_0900));

        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_SA_OF_PATHWAY, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(toSa).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                VAR_PATHWAY).containsEntry(INPUT_OUTCOME, OUTCOME_PATHWAY_CHOSEN).containsEntry(VAR_PATHWAY, pathway);
        return pi;
    }

    /** At six, then twelve months from the pathway PES records the status and SA is told it. */
    private static void outcomesReported(ProcessInstance pi, String first, String second) {
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900.atZone(ZoneOffset.UTC).plusMonths(6).toInstant()));
        execute(jobAt(pi, FIRST_OUTCOME_DUE));
        Task recordFirst = task(RECORD_FIRST_OUTCOME, pi);
        assertThat(fieldKeys(assertOpensForm(recordFirst, FORM_OUTCOME_STATUS))).containsExactly(VAR_YOUTH_STATUS);
        caseworkerCompletes(recordFirst, "pes-worker", vars(VAR_YOUTH_STATUS, first));
        Map<String, Object> firstToSa = workerCompletes(pi, REPORT_FIRST_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(firstToSa).containsEntry(INPUT_OUTCOME, OUTCOME_FIRST_STATUS).containsEntry(VAR_YOUTH_STATUS, first);

        ClockUtil.setCurrentTime(Date.from(MONDAY_0900.atZone(ZoneOffset.UTC).plusMonths(12).toInstant()));
        execute(jobAt(pi, SECOND_OUTCOME_DUE));
        Task recordSecond = task(RECORD_SECOND_OUTCOME, pi);
        assertThat(formValue(recordSecond, VAR_YOUTH_STATUS)).as("the second record starts empty").isNull();
        caseworkerCompletes(recordSecond, "pes-worker", vars(VAR_YOUTH_STATUS, second));
        Map<String, Object> secondToSa = workerCompletes(pi, REPORT_SECOND_OUTCOME, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(secondToSa).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                        VAR_PATHWAY, VAR_YOUTH_STATUS)
                .containsEntry(INPUT_OUTCOME, OUTCOME_SECOND_STATUS).containsEntry(VAR_YOUTH_STATUS, second);
    }

    private static Object formValue(Task task, String variable) {
        return taskService().getVariable(task.getId(), variable);
    }

    private static ProcessInstance called(ProcessInstance pi, String callActivity, String calledKey) {
        assertThat(pi).isWaitingAt(callActivity);
        ProcessInstance called = processInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(calledKey).singleResult();
        assertThat(called).isNotNull();
        assertThat(called.getBusinessKey()).isEqualTo(pi.getBusinessKey());
        return called;
    }

    private static void calledProcessEnds(ProcessInstance called, Map<String, Object> results) {
        complete(task(STUB_TASK, called), results);
        assertThat(called).isEnded();
    }

    private static void caseworkerCompletes(Task task, String user, Map<String, Object> formValues) {
        identityService().setAuthenticatedUserId(user);
        try {
            claim(task, user);
            complete(task, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** A called process reduced to one task: the test ends it with what the real one would leave. */
    private static BpmnModelInstance standIn(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask(STUB_TASK).endEvent().done();
    }
}
