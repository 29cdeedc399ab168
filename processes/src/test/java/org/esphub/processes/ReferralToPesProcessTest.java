package org.esphub.processes;

import org.esphub.processes.decisions.DecisionNotices;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.*;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.at;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.ReferralToPes.*;

import org.camunda.bpm.engine.test.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * referral-to-pes, path by path, up to the agreed activation plan (what follows it is in
 * {@link ReferralToPesLifecycleProcessTest}). External tasks are completed the way a worker does it;
 * async continuations and timers are driven by executing their jobs, never by waiting. The processes it
 * calls are deployed, since a work-ready person goes on into them.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_RESOURCE, FORM_INTAKE_ASSESSMENT_RESOURCE,
        FORM_OVERDUE_INTAKE_FOLLOW_UP_RESOURCE, FORM_RE_ENGAGEMENT_DECISION_RESOURCE,
        TrainingEnrolment.BPMN_RESOURCE, TrainingEnrolment.DMN_RESOURCE, TrainingEnrolment.FORM_PROGRAMME_CHOICE_RESOURCE,
        TrainingEnrolment.FORM_ATTENDANCE_COUNSELLING_RESOURCE, TrainingEnrolment.FORM_ATTENDANCE_WARNING_REVIEW_RESOURCE,
        JobPlacement.BPMN_RESOURCE, JobPlacement.DMN_RESOURCE, JobPlacement.FORM_VACANCY_MATCH_RESOURCE,
        BenefitAdjustment.BPMN_RESOURCE, BenefitAdjustment.DMN_RESOURCE, BenefitAdjustment.FORM_APPROVAL_RESOURCE,
        Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE,
        ActivationCompliance.BPMN_RESOURCE, ActivationCompliance.DMN_ASSESSMENT_RESOURCE,
        ActivationCompliance.DMN_LADDER_RESOURCE, ActivationCompliance.FORM_GOOD_CAUSE_RESOURCE,
        ActivationCompliance.FORM_SANCTION_APPROVAL_RESOURCE, ActivationCompliance.FORM_SUPPORT_FOLLOW_UP_RESOURCE})
class ReferralToPesProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    /** Good Friday and Easter Monday 2025. */
    private static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21));
    private static final Date MONDAY_3_MARCH_2025_0900 = at(2025, 3, 3, 9, 0);
    private static final String WORKER = "test-worker";
    private static final long LOCK_MS = 60_000;
    private static final String PERSON = "PERS-0042";
    private static final String PES_CASE = "PES-2025-000123";

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        Mocks.register("workingCalendar", new WorkingCalendar(HOLIDAYS, ZONE));
        Mocks.register(TrainingEnrolment.SETTINGS_BEAN, new TrainingEnrolmentSettings(5));
        Mocks.register(ActivationCompliance.SETTINGS_BEAN, new ActivationComplianceSettings(Duration.ofDays(30),
                Duration.ofDays(10), Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(90),
                Duration.ofDays(90), 10));
        Mocks.register(JobPlacement.SETTINGS_BEAN,
                new JobPlacementSettings(10, 30, Duration.ofDays(7), List.of(30, 90, 180, 365), 1000.0, ZONE));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- eligible paths ---------------------------------------------------------------------------

    @Test
    void an_eligible_work_ready_person_is_registered_at_PES_and_the_agreed_activation_plan_starts_with_the_training() {
        ClockUtil.setCurrentTime(MONDAY_3_MARCH_2025_0900);
        ProcessInstance pi = startReferral(MONDAY_3_MARCH_2025_0900);
        assertThat(pi).isStarted().hasBusinessKey(referenceId);

        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        assertThat(pi).variables().containsEntry(VAR_ELIGIBILITY_DECISION, ELIGIBILITY_ELIGIBLE);
        pesRegisters(pi, PES_CASE);
        pesConfirmsRegistration(pi);

        assertThat(pi).isWaitingAt(INTAKE);
        assertThat(task())
                .hasDefinitionKey(INTAKE)
                .hasName("Intake and employability assessment")
                .hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .isNotAssigned()
                .hasDueDate(at(2025, 3, 10, 9, 0)) // 5 working days later
                .hasDescription("Intake for Amina Haddad (reference " + referenceId + "): first contact within 5"
                        + " working days of the referral. Record whether the person is ready to work, the barriers"
                        + " found and the pathway agreed.");
        assertThat(task().getPriority()).isEqualTo(TaskPriorities.ROUTINE);
        complete(task(), withVariables(
                VAR_WORK_READY, true,
                VAR_BARRIERS, "",
                VAR_PATHWAY, PATHWAY_TRAINING,
                VAR_NOTES, "Wants a forklift licence"));

        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_SERVICES_COMMENCED);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_SERVICES_COMMENCED),
                entry(INPUT_REASON, PATHWAY_TRAINING),
                entry(VAR_PES_CASE_NUMBER, PES_CASE),
                entry(VAR_NOTES, "Wants a forklift licence"));

        assertThat(pi).isWaitingAt(TRAINING)
                .hasPassedInOrder(REFERRAL_RECEIVED, FETCH_PROFILE, CHECK_ELIGIBILITY, ELIGIBLE_GATEWAY, REGISTER_JOBSEEKER,
                        REGISTRATION_CONFIRMED, INTAKE, WORK_READY_GATEWAY, NOTIFY_SERVICES_COMMENCED, ACTIVATION_PLAN_AGREED,
                        ACTIVATION_STARTED, PATHWAY_GATEWAY)
                .hasNotPassed(NOTIFY_NOT_ELIGIBLE, NOTIFY_REGISTRATION_REJECTED, FOLLOW_UP_OVERDUE_INTAKE, NOTIFY_RETURNED_TO_SA);
    }

    @Test
    void the_agreed_plan_starts_compliance_monitoring_under_the_referral_and_the_referrals_end_ends_it() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        pesRegisters(pi, PES_CASE);
        pesConfirmsRegistration(pi);
        complete(task(), withVariables(VAR_WORK_READY, true, VAR_BARRIERS, "", VAR_PATHWAY, PATHWAY_TRAINING,
                VAR_NOTES, ""));
        saIsNotified(pi, NOTIFY_SERVICES_COMMENCED);
        assertThat(pi).hasPassed(ACTIVATION_PLAN_AGREED);

        ProcessInstance monitoring = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(ActivationCompliance.PROCESS_KEY).processInstanceBusinessKey(referenceId)
                .singleResult();
        assertThat(monitoring).isNotNull();
        assertThat(monitoring).isWaitingAt(ActivationCompliance.AWAIT_GATEWAY).variables()
                .containsEntry(VAR_REFERENCE_ID, referenceId).containsEntry(VAR_PERSON_ID, PERSON)
                .containsEntry(VAR_CORRELATION_ID, correlationId).containsEntry(VAR_GIVEN_NAME, "Amina")
                .containsEntry(VAR_FAMILY_NAME, "Haddad");

        runtimeService().createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN).processInstanceId(pi.getId())
                .setVariable(VAR_CONSENT_WITHDRAWAL, "consent withdrawn").correlateWithResult();
        saIsNotified(pi, NOTIFY_CONSENT_WITHDRAWN);
        assertThat(pi).isEnded();
        assertThat(monitoring).isEnded().hasPassed(ActivationCompliance.REFERRAL_ENDED, ActivationCompliance.MONITORING_ENDED);
    }

    @Test
    void a_referral_that_never_reaches_an_agreed_plan_has_no_compliance_monitoring() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        pesRegisters(pi, PES_CASE);
        pesConfirmsRegistration(pi);
        complete(task(), withVariables(VAR_WORK_READY, false, VAR_BARRIERS, "health", VAR_PATHWAY, null, VAR_NOTES, ""));
        saIsNotified(pi, NOTIFY_RETURNED_TO_SA);
        assertThat(pi).isEnded();
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ActivationCompliance.PROCESS_KEY).processInstanceBusinessKey(referenceId).count())
                .isZero();
    }

    @Test
    void a_person_not_work_ready_at_intake_is_returned_to_SA_with_the_barriers_as_reason() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        pesRegisters(pi, "PES-PROVISIONAL-1");
        // the confirmation event carries PES's definitive case number, which replaces the provisional one
        pesConfirmsRegistration(pi, withVariables(VAR_PES_CASE_NUMBER, PES_CASE, VAR_REGISTERED_AT, new Date()));

        assertThat(pi).isWaitingAt(INTAKE);
        complete(task(), withVariables(
                VAR_WORK_READY, false,
                VAR_BARRIERS, "Full-time carer for a relative until a care place is found",
                VAR_NOTES, "Re-refer in three months"));

        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_RETURNED_TO_SA);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_RETURNED_TO_SA),
                entry(INPUT_REASON, "Full-time carer for a relative until a care place is found"),
                entry(VAR_PES_CASE_NUMBER, PES_CASE),
                entry(VAR_NOTES, "Re-refer in three months"));

        assertThat(pi).isEnded()
                .hasPassedInOrder(INTAKE, WORK_READY_GATEWAY, NOTIFY_RETURNED_TO_SA, RETURNED_TO_SA)
                .hasNotPassed(NOTIFY_SERVICES_COMMENCED);
    }

    @Test
    void a_benefit_that_ended_30_days_ago_still_leads_to_PES_registration() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit(
                VAR_BENEFIT_STATUS, BENEFIT_STATUS_ENDED,
                VAR_BENEFIT_END_DATE, LocalDate.now().minusDays(30).toString()));

        assertThat(pi).hasPassed(CHECK_ELIGIBILITY).isWaitingAt(REGISTER_JOBSEEKER);
        assertThat(pi).variables().containsEntry(VAR_ELIGIBILITY_DECISION, ELIGIBILITY_ELIGIBLE);
    }

    // ---- not eligible -----------------------------------------------------------------------------

    @Test
    void a_person_SA_reports_as_not_work_able_is_reported_to_SA_and_ends_not_eligible() {
        assertReportedToSaAsNotEligible(workAbleAdultWithActiveBenefit(VAR_WORK_ABLE, false), ELIGIBILITY_NOT_WORK_ABLE);
    }

    @Test
    void a_person_under_18_is_reported_to_SA_and_ends_not_eligible() {
        assertReportedToSaAsNotEligible(
                workAbleAdultWithActiveBenefit(VAR_BIRTH_DATE, LocalDate.now().minusYears(17).toString()),
                ELIGIBILITY_AGE_BELOW_MINIMUM);
    }

    @Test
    void a_person_over_64_is_reported_to_SA_and_ends_not_eligible() {
        assertReportedToSaAsNotEligible(
                workAbleAdultWithActiveBenefit(VAR_BIRTH_DATE, LocalDate.now().minusYears(65).toString()),
                ELIGIBILITY_AGE_ABOVE_MAXIMUM);
    }

    @Test
    void a_benefit_that_ended_31_days_ago_is_reported_to_SA_and_ends_not_eligible() {
        assertReportedToSaAsNotEligible(workAbleAdultWithActiveBenefit(
                        VAR_BENEFIT_STATUS, BENEFIT_STATUS_ENDED,
                        VAR_BENEFIT_END_DATE, LocalDate.now().minusDays(31).toString()),
                ELIGIBILITY_BENEFIT_NOT_ACTIVE);
    }

    @Test
    void a_suspended_benefit_is_reported_to_SA_and_ends_not_eligible() {
        assertReportedToSaAsNotEligible(
                workAbleAdultWithActiveBenefit(VAR_BENEFIT_STATUS, BENEFIT_STATUS_SUSPENDED),
                ELIGIBILITY_BENEFIT_NOT_ACTIVE);
    }

    @Test
    void a_person_SA_does_not_know_is_reported_to_SA_as_not_eligible_without_running_the_rules() {
        ProcessInstance pi = startReferral(new Date());
        assertThat(pi).isWaitingAt(FETCH_PROFILE);
        execute(job());

        LockedExternalTask fetchProfile = workerFetches(TOPIC_FETCH_PROFILE);
        externalTaskService().handleBpmnError(fetchProfile.getId(), WORKER, ERROR_PERSON_UNKNOWN,
                "SA has no person " + PERSON);

        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_NOT_ELIGIBLE);
        assertThat(toSa)
                .containsEntry(INPUT_OUTCOME, OUTCOME_NOT_ELIGIBLE)
                .containsEntry(INPUT_REASON, ERROR_PERSON_UNKNOWN);
        assertThat(pi).isEnded()
                .hasPassedInOrder(FETCH_PROFILE, PERSON_UNKNOWN, NOT_ELIGIBLE_MERGE, NOTIFY_NOT_ELIGIBLE, NOT_ELIGIBLE)
                .hasNotPassed(CHECK_ELIGIBILITY, REGISTER_JOBSEEKER);
    }

    // ---- PES rejects the registration -----------------------------------------------------------------

    @Test
    void a_registration_PES_rejects_is_reported_to_SA_with_the_rejection_reason() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        assertThat(pi).isWaitingAt(REGISTER_JOBSEEKER);
        execute(job());

        LockedExternalTask register = workerFetches(TOPIC_REGISTER_JOBSEEKER);
        externalTaskService().handleBpmnError(register.getId(), WORKER, ERROR_PES_REGISTRATION_REJECTED,
                "Already registered at another PES office");

        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_REGISTRATION_REJECTED);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_REGISTRATION_REJECTED),
                entry(INPUT_REASON, "Already registered at another PES office"));
        assertThat(pi).isEnded()
                .hasPassedInOrder(REGISTER_JOBSEEKER, REGISTRATION_REJECTED, NOTIFY_REGISTRATION_REJECTED,
                        REGISTRATION_REJECTED_END)
                .hasNotPassed(REGISTRATION_CONFIRMED, INTAKE);
    }

    // ---- the data-sharing gate refuses, the person withdraws consent -----------------------------

    @Test
    void a_profile_fetch_the_gate_refuses_is_reported_to_SA_with_the_reason_and_ends_referral_refused() {
        ProcessInstance pi = startReferral(new Date());
        assertThat(pi).isWaitingAt(FETCH_PROFILE);
        execute(job());
        LockedExternalTask fetchProfile = workerFetches(TOPIC_FETCH_PROFILE);
        externalTaskService().handleBpmnError(fetchProfile.getId(), WORKER, ERROR_EXCHANGE_REFUSED,
                "CONSENT_MISSING: sa-fetch-profile: no consent of the person for this purpose is recorded");

        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_EXCHANGE_REFUSED);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_EXCHANGE_REFUSED),
                entry(INPUT_REASON, "CONSENT_MISSING: sa-fetch-profile: no consent of the person for this purpose is recorded"));
        assertThat(pi).isEnded()
                .hasPassedInOrder(FETCH_PROFILE, PROFILE_FETCH_REFUSED, EXCHANGE_REFUSED_MERGE, NOTIFY_EXCHANGE_REFUSED,
                        EXCHANGE_REFUSED_END)
                .hasNotPassed(CHECK_ELIGIBILITY, REGISTER_JOBSEEKER);
    }

    @Test
    void a_registration_the_gate_refuses_is_reported_to_SA_and_ends_referral_refused() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        assertThat(pi).isWaitingAt(REGISTER_JOBSEEKER);
        execute(job());
        LockedExternalTask register = workerFetches(TOPIC_REGISTER_JOBSEEKER);
        externalTaskService().handleBpmnError(register.getId(), WORKER, ERROR_EXCHANGE_REFUSED,
                "CONSENT_WITHDRAWN: pes-register-jobseeker: the person withdrew consent c-1");

        assertThat(saIsNotified(pi, NOTIFY_EXCHANGE_REFUSED)).containsEntry(INPUT_REASON,
                "CONSENT_WITHDRAWN: pes-register-jobseeker: the person withdrew consent c-1");
        assertThat(pi).isEnded()
                .hasPassedInOrder(REGISTER_JOBSEEKER, REGISTRATION_REFUSED, NOTIFY_EXCHANGE_REFUSED, EXCHANGE_REFUSED_END)
                .hasNotPassed(REGISTRATION_CONFIRMED, NOTIFY_REGISTRATION_REJECTED);
    }

    @Test
    void a_consent_withdrawn_while_the_intake_waits_closes_the_referral_and_SA_learns_why() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        pesRegisters(pi, PES_CASE);
        pesConfirmsRegistration(pi);
        assertThat(pi).isWaitingAt(INTAKE);

        runtimeService().createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN)
                .processInstanceId(pi.getId())
                .setVariable(VAR_CONSENT_WITHDRAWAL, "consent c-7 for EMPLOYMENT_ACTIVATION withdrawn: moved abroad")
                .correlateWithResult();

        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count())
                .as("the open intake task is cancelled").isZero();
        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_CONSENT_WITHDRAWN);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_CONSENT_WITHDRAWN),
                entry(INPUT_REASON, "consent c-7 for EMPLOYMENT_ACTIVATION withdrawn: moved abroad"),
                entry(VAR_PES_CASE_NUMBER, PES_CASE));
        assertThat(pi).isEnded()
                .hasPassedInOrder(INTAKE, CONSENT_WITHDRAWN, NOTIFY_CONSENT_WITHDRAWN, REFERRAL_CLOSED_CONSENT_WITHDRAWN)
                .hasNotPassed(WORK_READY_GATEWAY, ACTIVATION_PLAN_AGREED, RETURNED_TO_SA);
    }

    @Test
    void a_consent_withdrawn_before_the_profile_is_fetched_closes_the_referral_before_any_exchange() {
        ProcessInstance pi = startReferral(new Date());
        assertThat(pi).isWaitingAt(FETCH_PROFILE);

        runtimeService().createMessageCorrelation(MESSAGE_CONSENT_WITHDRAWN)
                .processInstanceId(pi.getId())
                .setVariable(VAR_CONSENT_WITHDRAWAL, "consent c-8 withdrawn")
                .correlateWithResult();

        assertThat(saIsNotified(pi, NOTIFY_CONSENT_WITHDRAWN)).containsEntry(VAR_PES_CASE_NUMBER, null);
        assertThat(pi).isEnded().hasPassed(REFERRAL_CLOSED_CONSENT_WITHDRAWN).hasNotPassed(FETCH_PROFILE);
    }

    // ---- overdue intake ---------------------------------------------------------------------------

    @Test
    void an_overdue_intake_is_raised_to_priority_90_and_followed_up_by_a_PES_supervisor_while_it_stays_open() {
        Date thursdayBeforeEaster = at(2025, 4, 17, 10, 0);
        ClockUtil.setCurrentTime(thursdayBeforeEaster);
        ProcessInstance pi = startReferral(thursdayBeforeEaster);
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        pesRegisters(pi, PES_CASE);
        pesConfirmsRegistration(pi);

        // Good Friday, the weekend and Easter Monday do not count: due Monday 28 April, same time of day
        Date due = at(2025, 4, 28, 10, 0);
        Task intake = task(INTAKE);
        assertThat(intake).hasDueDate(due);
        int normalPriority = intake.getPriority();
        Job timer = job();
        assertThat(timer.getDuedate()).isEqualTo(due);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(at(2025, 4, 28, 10, 1));
        execute(timer);

        assertThat(pi).isWaitingAt(INTAKE, FOLLOW_UP_OVERDUE_INTAKE).hasPassed(INTAKE_OVERDUE);
        Task stillOpenIntake = task(INTAKE);
        assertThat(stillOpenIntake).hasId(intake.getId());
        assertThat(stillOpenIntake.getPriority()).isEqualTo(OVERDUE_INTAKE_PRIORITY).isGreaterThan(normalPriority);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();

        Task followUp = task(FOLLOW_UP_OVERDUE_INTAKE);
        assertThat(followUp).hasName("Follow up overdue intake").hasCandidateGroup(GROUP_PES_SUPERVISORS)
                .hasDueDate(at(2025, 4, 29, 10, 1)) // the next working day
                .hasDescription("The intake for Amina Haddad (reference " + referenceId + ") is past its due date; it"
                        + " stays open and has moved to the top of the caseworkers' inbox. Follow it up with them by"
                        + " the next working day.");
        assertThat(followUp.getPriority()).isEqualTo(TaskPriorities.FOLLOW_UP).isGreaterThan(normalPriority);
        assertThat(formFieldKeys(followUp)).containsExactly(VAR_FOLLOW_UP_ACTION, VAR_FOLLOW_UP_NOTES);
        complete(followUp, withVariables(
                VAR_FOLLOW_UP_ACTION, FOLLOW_UP_CONTACTED_CASEWORKER,
                VAR_FOLLOW_UP_NOTES, "Caseworker on leave; booked for Tuesday"));
        assertThat(pi).hasPassed(OVERDUE_INTAKE_FOLLOWED_UP).isWaitingAt(INTAKE);

        complete(task(INTAKE), withVariables(VAR_WORK_READY, true, VAR_PATHWAY, PATHWAY_JOB_SEARCH));
        assertThat(saIsNotified(pi, NOTIFY_SERVICES_COMMENCED))
                .containsEntry(INPUT_REASON, PATHWAY_JOB_SEARCH)
                .containsEntry(VAR_NOTES, null);
        assertThat(pi).isWaitingAt(JOB_PLACEMENT).hasPassed(ACTIVATION_PLAN_AGREED, OVERDUE_INTAKE_FOLLOWED_UP)
                .hasNotPassed(TRAINING);
    }

    // ---- forms and contracts ----------------------------------------------------------------------

    @Test
    void the_intake_task_opens_its_deployed_Camunda_form_with_the_fields_the_process_reads() {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, workAbleAdultWithActiveBenefit());
        pesRegisters(pi, PES_CASE);
        pesConfirmsRegistration(pi);

        Task intake = task(INTAKE);
        CamundaFormRef formRef = formService().getTaskFormData(intake.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo(FORM_INTAKE_ASSESSMENT);
        assertThat(formRef.getBinding()).isEqualTo("deployment");

        DocumentContext form = deployedForm(intake);
        assertThat((String) form.read("$.id")).isEqualTo(FORM_INTAKE_ASSESSMENT);
        assertThat((String) form.read("$.executionPlatformVersion")).isEqualTo("7.24.0");
        assertThat(formFieldKeys(intake)).containsExactly(VAR_WORK_READY, VAR_BARRIERS, VAR_PATHWAY, VAR_NOTES);
        List<String> pathways = form.read("$.components[?(@.key == 'pathway')].values[*].value");
        assertThat(pathways).containsExactly(PATHWAY_JOB_SEARCH, PATHWAY_TRAINING, PATHWAY_BOTH);
        List<String> workReadyLabel = form.read("$.components[?(@.key == 'workReady')].label");
        assertThat(workReadyLabel).containsExactly("Work-ready");
    }

    @Test
    void each_worker_receives_only_the_fields_its_task_declares_and_its_results_reach_the_process() {
        ProcessInstance pi = startReferral(new Date());
        assertThat(pi).isWaitingAt(FETCH_PROFILE);
        execute(job());

        LockedExternalTask fetchProfile = workerFetches(TOPIC_FETCH_PROFILE);
        assertThat(fetchProfile.getVariables()).containsOnly(
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_CORRELATION_ID, correlationId));
        Map<String, Object> profile = workAbleAdultWithActiveBenefit();
        externalTaskService().complete(fetchProfile.getId(), WORKER, profile);

        assertThat(pi).isWaitingAt(REGISTER_JOBSEEKER);
        execute(job());
        LockedExternalTask register = workerFetches(TOPIC_REGISTER_JOBSEEKER);
        assertThat(register.getVariables()).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_GIVEN_NAME, profile.get(VAR_GIVEN_NAME)),
                entry(VAR_FAMILY_NAME, profile.get(VAR_FAMILY_NAME)),
                entry(VAR_BIRTH_DATE, profile.get(VAR_BIRTH_DATE)),
                entry(VAR_CORRELATION_ID, correlationId));
        externalTaskService().complete(register.getId(), WORKER, Map.of(VAR_PES_CASE_NUMBER, PES_CASE));

        assertThat(pi).isWaitingAt(REGISTRATION_CONFIRMED)
                .variables()
                .containsEntry(VAR_PES_CASE_NUMBER, PES_CASE)
                .containsEntry(VAR_WORK_ABLE, true)
                .containsEntry(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ACTIVE)
                .containsEntry(VAR_BENEFIT_END_DATE, null)
                .containsEntry(VAR_MONTHLY_BENEFIT_AMOUNT, 800.0);
    }

    @Test
    void every_service_task_is_an_async_external_task_with_retries_back_off_purpose_and_a_declared_payload() {
        assertThat(assertServiceTaskConventions(PROCESS_KEY, topic -> TOPIC_FETCH_BENEFIT.equals(topic)
                ? PURPOSE_BENEFIT_ADJUSTMENT : PURPOSE_EMPLOYMENT_ACTIVATION)).containsOnly(
                entry(FETCH_PROFILE, TOPIC_FETCH_PROFILE),
                entry(REGISTER_JOBSEEKER, TOPIC_REGISTER_JOBSEEKER),
                entry(NOTIFY_NOT_ELIGIBLE, TOPIC_NOTIFY_OUTCOME),
                entry(NOTIFY_REGISTRATION_REJECTED, TOPIC_NOTIFY_OUTCOME),
                entry(NOTIFY_RETURNED_TO_SA, TOPIC_NOTIFY_OUTCOME),
                entry(NOTIFY_SERVICES_COMMENCED, TOPIC_NOTIFY_OUTCOME),
                entry(NOTIFY_EXCHANGE_REFUSED, TOPIC_NOTIFY_OUTCOME),
                entry(NOTIFY_CONSENT_WITHDRAWN, TOPIC_NOTIFY_OUTCOME),
                entry(FETCH_BENEFIT_ON_PLACEMENT, TOPIC_FETCH_BENEFIT),
                entry(FETCH_BENEFIT_ON_STABLE_EMPLOYMENT, TOPIC_FETCH_BENEFIT),
                entry(NOTIFY_GRADUATED, TOPIC_NOTIFY_OUTCOME),
                entry(NOTIFY_EXITED, TOPIC_NOTIFY_OUTCOME));
    }

    // ---- steps ----------------------------------------------------------------------------------

    private ProcessInstance startReferral(Date receivedAt) {
        referenceId = "REF-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, referenceId);
        variables.put(VAR_PERSON_ID, PERSON);
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_SENDER_ID, "sa.example.gov");
        variables.put(VAR_MESSAGE_ID, "msg-" + UUID.randomUUID());
        variables.put(VAR_REFERRAL_REASON, null);
        variables.put(VAR_PROGRAM_ID, "PRG-ACTIVATION");
        variables.put(VAR_BENEFIT_TYPE, "MINIMUM_INCOME");
        variables.put(VAR_REFERRAL_RECEIVED_AT, receivedAt);
        variables.put(VAR_INTAKE_WORKING_DAYS, DEFAULT_INTAKE_WORKING_DAYS);
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, variables);
    }

    private void saReturnsProfile(ProcessInstance pi, Map<String, Object> profile) {
        assertThat(pi).isWaitingAt(FETCH_PROFILE);
        execute(job());
        ExternalTask fetchProfile = externalTask();
        assertThat(fetchProfile).hasActivityId(FETCH_PROFILE).hasTopicName(TOPIC_FETCH_PROFILE);
        complete(fetchProfile, profile);
    }

    private void pesRegisters(ProcessInstance pi, String pesCaseNumber) {
        assertThat(pi).isWaitingAt(REGISTER_JOBSEEKER);
        execute(job());
        ExternalTask register = externalTask();
        assertThat(register).hasActivityId(REGISTER_JOBSEEKER).hasTopicName(TOPIC_REGISTER_JOBSEEKER);
        complete(register, withVariables(VAR_PES_CASE_NUMBER, pesCaseNumber));
    }

    private void pesConfirmsRegistration(ProcessInstance pi) {
        pesConfirmsRegistration(pi, Map.of());
    }

    private void pesConfirmsRegistration(ProcessInstance pi, Map<String, Object> eventVariables) {
        assertThat(pi).isWaitingAt(REGISTRATION_CONFIRMED);
        runtimeService().createMessageCorrelation(MESSAGE_REGISTRATION_CONFIRMED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(eventVariables)
                .correlateWithResult();
    }

    /** Runs the async continuation, then fetches the notify task as the worker does and completes it. */
    private Map<String, Object> saIsNotified(ProcessInstance pi, String notifyTaskId) {
        assertThat(pi).isWaitingAt(notifyTaskId);
        execute(job());
        assertThat(externalTask()).hasActivityId(notifyTaskId).hasTopicName(TOPIC_NOTIFY_OUTCOME);
        LockedExternalTask notify = workerFetches(TOPIC_NOTIFY_OUTCOME);
        externalTaskService().complete(notify.getId(), WORKER);
        return notify.getVariables();
    }

    private void assertReportedToSaAsNotEligible(Map<String, Object> profile, String expectedReason) {
        ProcessInstance pi = startReferral(new Date());
        saReturnsProfile(pi, profile);

        Map<String, Object> toSa = saIsNotified(pi, NOTIFY_NOT_ELIGIBLE);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_NOT_ELIGIBLE),
                entry(INPUT_REASON, expectedReason),
                // the table's output names the rule that fired, for the notice's explanation
                entry(DecisionNotices.VAR_RULE_ID, expectedReason));
        assertThat(pi).isEnded()
                .hasPassedInOrder(REFERRAL_RECEIVED, FETCH_PROFILE, CHECK_ELIGIBILITY, ELIGIBLE_GATEWAY, NOTIFY_NOT_ELIGIBLE,
                        NOT_ELIGIBLE)
                .hasNotPassed(REGISTER_JOBSEEKER);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The profile SA returns for a work-able 40-year-old with an active benefit; pairs override fields. */
    private static Map<String, Object> workAbleAdultWithActiveBenefit(Object... overrides) {
        Map<String, Object> profile = new HashMap<>();
        profile.put(VAR_GIVEN_NAME, "Amina");
        profile.put(VAR_FAMILY_NAME, "Haddad");
        profile.put(VAR_BIRTH_DATE, LocalDate.now().minusYears(40).toString());
        profile.put(VAR_WORK_ABLE, true);
        profile.put(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ACTIVE);
        profile.put(VAR_BENEFIT_END_DATE, null);
        profile.put(VAR_MONTHLY_BENEFIT_AMOUNT, 800.0);
        for (int i = 0; i < overrides.length; i += 2) {
            profile.put((String) overrides[i], overrides[i + 1]);
        }
        return profile;
    }

    private static LockedExternalTask workerFetches(String topic) {
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(10, WORKER)
                .topic(topic, LOCK_MS)
                .localVariables()
                .execute();
        assertThat(locked).hasSize(1);
        return locked.get(0);
    }

    private static DocumentContext deployedForm(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return JsonPath.parse(new String(form.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> formFieldKeys(Task task) {
        return deployedForm(task).read("$.components[*].key");
    }
}
