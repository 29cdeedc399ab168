package org.esphub.processes;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.AppealSteps.acknowledged;
import static org.esphub.processes.AppealSteps.officerDecides;
import static org.esphub.processes.AppealSteps.processVariables;
import static org.esphub.processes.AppealSteps.saAndPesAreTold;
import static org.esphub.processes.AppealSteps.workerCompletes;
import static org.esphub.processes.EmploymentSubsidy.*;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * employment-subsidy, path by path, with the appeal it calls. External tasks are completed the way the
 * generic worker does it (the payload it sees is asserted), timers and async continuations run by
 * executing their jobs, and the appeal is filed as the hub's event intake correlates it.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_ELIGIBILITY_RESOURCE, FORM_APPLICATION_RESOURCE,
        FORM_APPLICATION_DECISION_RESOURCE, FORM_NON_COMPLIANCE_RESOURCE, Appeal.BPMN_RESOURCE,
        Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class EmploymentSubsidyProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String WORKER_ID = "PERS-0025";
    private static final String EMPLOYER = "EMP-7788";
    private static final String OFFICER = "subsidy-officer";
    /** 30 days to register the worker, monthly reports, 30 days to appeal, retention checked at 6 and 12 months. */
    private static final EmploymentSubsidySettings SETTINGS = new EmploymentSubsidySettings(Duration.parse("P30D"),
            Duration.parse("P30D"), Duration.parse("P30D"), List.of(6, 12), 50_000);
    /** 30 % of 400000, exactly the cap: 120000 a month. */
    private static final long WAGE = 400_000;
    private static final long MONTHLY = 120_000;

    private String referenceId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
        Mocks.register(SETTINGS_BEAN, SETTINGS);
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    // ---- the scenario ------------------------------------------------------------------------

    @Test
    void percentile_25_approved_six_payments_worker_leaves_in_month_7_clawback_partly_upheld_on_appeal() {
        ProcessInstance pi = apply();
        Map<String, Object> asked = registryAnswers(pi, 25);
        // the registry is asked for the worker and the programme, nothing about the household
        assertThat(asked).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_PROGRAMME_CODE)
                .containsEntry(VAR_PERSON_ID, WORKER_ID);
        Map<String, Object> standingAsked = employerInGoodStanding(pi);
        assertThat(standingAsked).containsEntry(VAR_EMPLOYER_ID, EMPLOYER).doesNotContainKey(VAR_PERSON_ID + "X");

        assertThat(pi).isWaitingAt(DECIDE_APPLICATION);
        assertThat(pi).variables().containsEntry(VAR_ELIGIBILITY_PROPOSAL, PROPOSAL_ELIGIBLE)
                .containsEntry(VAR_ELIGIBILITY_RULE_ID, RULE_SEJ_FULL_RATE).containsEntry(VAR_SUBSIDY_RATE_PERCENT, 30)
                .containsEntry(VAR_MONTHLY_CAP, 120000);
        Task decision = task(DECIDE_APPLICATION, pi);
        assertThat(decision).hasCandidateGroup(GROUP_SUBSIDY_OFFICERS).hasDescription("Subsidy application "
                + referenceId + " from Obras del Sur for Tomás Rojas (programme SEJ): the rules propose ELIGIBLE. Check"
                + " the rule and the facts, then approve or refuse with the reasons the employer will read.");
        assertThat(decision.getDueDate()).isEqualTo(Date.from(Instant.parse("2025-03-10T09:00:00Z")));
        officerDecidesApplication(pi, Map.of(VAR_SUBSIDY_DECISION, DECISION_APPROVED));

        Map<String, Object> approval = workerCompletes(pi, NOTIFY_APPROVAL, TOPIC_NOTIFY_EMPLOYER);
        assertThat(approval).containsEntry(INPUT_OUTCOME, OUTCOME_SUBSIDY_APPROVED).containsEntry(VAR_SUBSIDY_RATE_PERCENT, 30)
                .containsEntry(VAR_MONTHLY_CAP, 120000)
                .containsEntry(VAR_REGISTRATION_DUE_AT, Date.from(MONDAY_0900.plus(Duration.ofDays(30))));
        workerRegistered(pi, true);

        for (int month = 1; month <= 6; month++) {
            Map<String, Object> payment = compliantMonth(pi, month, WAGE);
            assertThat(payment).containsEntry(INPUT_AMOUNT, MONTHLY).containsEntry(INPUT_PAYMENT_TYPE, PAYMENT_MONTHLY_SUBSIDY);
        }
        // the 6-month retention check: retained, the subsidy goes on
        assertThat(workerCompletes(pi, CHECK_RETENTION, TOPIC_VERIFY_EMPLOYER_REGISTRATION, Map.of(VAR_INSURED_EMPLOYMENT_FOUND, true)))
                .containsEntry(VAR_EMPLOYER_ID, EMPLOYER);
        assertThat(pi).isWaitingAt(MONTH_ENDED);

        // month 7: the worker has left
        monthReport(pi, 7, false, false, true, null);
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_CLAWBACK, TOPIC_NOTIFY_EMPLOYER);
        // 6 of 12 months served: half of the 720000 paid
        assertThat(notice).containsEntry(INPUT_OUTCOME, OUTCOME_CLAWBACK_DECIDED).containsEntry(VAR_CLAWBACK_AMOUNT, 360_000L)
                .containsEntry(VAR_MONTHS_PAID, 6L).containsEntry(VAR_SUBSIDY_PAID_TOTAL, 720_000L)
                .containsEntry(INPUT_REASON, "The worker left the subsidised job before the end of the retention period.")
                .containsEntry(INPUT_APPEAL_DEADLINE, Date.from(MONDAY_0900.plus(Duration.ofDays(30))));
        assertThat(pi).isWaitingAt(CLAWBACK_APPEAL_WINDOW_GATEWAY);

        employerAppeals("The worker resigned for a better job; we trained them for six months.");
        ProcessInstance appeal = appealOf(pi);
        assertThat(appeal).variables().containsEntry(Appeal.VAR_DECISION_TYPE, DECISION_TYPE)
                .containsEntry(Appeal.VAR_DECISION, DECISION_CLAWBACK).containsEntry(Appeal.VAR_DECISION_BENEFIT_PERCENT, 100L)
                .containsEntry(Appeal.VAR_GIVEN_NAME, "Tomás").containsEntry(Appeal.VAR_DECIDED_BY, OFFICER);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "The employer trained the worker: half the clawback.",
                Appeal.VAR_AMENDED_DECISION, DECISION_CLAWBACK, Appeal.VAR_AMENDED_BENEFIT_PERCENT, 50));
        saAndPesAreTold(appeal);

        Map<String, Object> recovery = workerCompletes(pi, INSTRUCT_AMENDED_RECOVERY, TOPIC_SUBSIDY_RECOVERY);
        assertThat(recovery).containsEntry(INPUT_RECOVERY_AMOUNT, 180_000L)
                .containsEntry(INPUT_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD).containsEntry(VAR_EMPLOYER_ID, EMPLOYER);
        assertThat(pi).isEnded().hasPassed(AMENDED_CLAWBACK_RECOVERED).hasNotPassed(INSTRUCT_RECOVERY);
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_CLAWED_BACK_AS_AMENDED);
    }

    @Test
    void an_employer_not_in_good_standing_is_refused_with_the_obligations_to_meet_and_the_refusal_becomes_final() {
        ProcessInstance pi = apply();
        registryAnswers(pi, 25);
        workerCompletes(pi, CHECK_EMPLOYER_STANDING, TOPIC_EMPLOYER_STANDING, vars(VAR_CONTRIBUTIONS_PAID, false,
                VAR_OPEN_VIOLATIONS, 0, VAR_OUTSTANDING_OBLIGATIONS, "Pay the contributions due for 2025-01 and 2025-02."));
        assertThat(pi).variables().containsEntry(VAR_ELIGIBILITY_PROPOSAL, PROPOSAL_EMPLOYER_NOT_IN_STANDING)
                .containsEntry(VAR_ELIGIBILITY_RULE_ID, RULE_CONTRIBUTIONS_UNPAID);
        // an ineligible proposal cannot be approved
        officerDecidesApplication(pi, Map.of(VAR_SUBSIDY_DECISION, DECISION_APPROVED));

        Map<String, Object> refusal = workerCompletes(pi, NOTIFY_REFUSAL, TOPIC_NOTIFY_EMPLOYER);
        assertThat(refusal).containsEntry(INPUT_OUTCOME, OUTCOME_SUBSIDY_REFUSED)
                .containsEntry(VAR_OUTSTANDING_OBLIGATIONS, "Pay the contributions due for 2025-01 and 2025-02.")
                .containsEntry(INPUT_REASON, annotationOf(RULE_CONTRIBUTIONS_UNPAID))
                .containsEntry(INPUT_APPEAL_DEADLINE, Date.from(MONDAY_0900.plus(Duration.ofDays(30))));
        assertThat(pi).hasNotPassed(NOTIFY_APPROVAL).isWaitingAt(REFUSAL_APPEAL_WINDOW_GATEWAY);

        fireTimer(pi, REFUSAL_APPEAL_WINDOW_CLOSED);
        assertThat(pi).isEnded().hasPassed(APPLICATION_REFUSED);
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_REFUSED);
        // a late appeal finds nobody waiting
        assertThat(runtimeService().createMessageCorrelation(MESSAGE_SUBSIDY_DECISION_APPEALED)
                .processInstanceBusinessKey(referenceId).correlateAllWithResult()).isEmpty();
    }

    // ---- the application ---------------------------------------------------------------------------------

    @Test
    void a_paper_application_entered_with_the_start_form_takes_its_reference_as_business_key_and_correlation_id() {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        assertThat(formService().getStartFormData(definition.getId()).getCamundaFormRef().getKey())
                .isEqualTo(FORM_APPLICATION);
        referenceId = "PAPER-2025-0042";
        Map<String, Object> application = application();
        application.remove(VAR_CORRELATION_ID);
        application.remove(VAR_APPLICATION_CHANNEL);
        ProcessInstance pi = formService().submitStartForm(definition.getId(), application);

        assertThat(pi).hasBusinessKey(referenceId).isWaitingAt(ASK_REGISTRY_FOR_PERCENTILE);
        assertThat(pi).variables().containsEntry(VAR_CORRELATION_ID, referenceId)
                .containsEntry(VAR_APPLICATION_CHANNEL, CHANNEL_PAPER);
    }

    @Test
    void a_paper_application_without_a_reference_takes_the_instance_id_as_reference_business_key_and_correlation_id() {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        Map<String, Object> application = application();
        application.remove(VAR_REFERENCE_ID);
        application.remove(VAR_CORRELATION_ID);
        application.remove(VAR_APPLICATION_CHANNEL);
        ProcessInstance pi = formService().submitStartForm(definition.getId(), application);
        referenceId = pi.getId();

        assertThat(pi).hasBusinessKey(pi.getId()).isWaitingAt(ASK_REGISTRY_FOR_PERCENTILE);
        assertThat(pi).variables().containsEntry(VAR_REFERENCE_ID, pi.getId()).containsEntry(VAR_CORRELATION_ID, pi.getId())
                .containsEntry(VAR_APPLICATION_CHANNEL, CHANNEL_PAPER);
    }

    @Test
    void an_officer_refuses_an_eligible_application_with_reasons_and_an_overturning_appeal_has_it_reconsidered() {
        ProcessInstance pi = apply();
        registryAnswers(pi, 30);
        employerInGoodStanding(pi);
        officerDecidesApplication(pi, Map.of(VAR_SUBSIDY_DECISION, DECISION_REFUSED,
                VAR_REFUSAL_REASON, "The job duplicates a post cut last month."));
        assertThat(workerCompletes(pi, NOTIFY_REFUSAL, TOPIC_NOTIFY_EMPLOYER))
                .containsEntry(INPUT_REASON, "The job duplicates a post cut last month.");

        employerAppeals("The post is new: see the attached organisation chart.");
        ProcessInstance appeal = appealOf(pi);
        assertThat(appeal).variables().containsEntry(Appeal.VAR_DECISION, DECISION_REFUSED)
                .containsEntry(Appeal.VAR_DECISION_RULE_ID, RULE_SEJ_FULL_RATE);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_OVERTURNED,
                Appeal.VAR_APPEAL_REASONING, "The post is new."));
        saAndPesAreTold(appeal);

        // reconsidered with fresh answers from the registry and social insurance
        assertThat(pi).hasPassed(RECONSIDER_MERGE).isWaitingAt(ASK_REGISTRY_FOR_PERCENTILE);
        registryAnswers(pi, 30);
        employerInGoodStanding(pi);
        officerDecidesApplication(pi, Map.of(VAR_SUBSIDY_DECISION, DECISION_APPROVED));
        assertThat(pi).isWaitingAt(NOTIFY_APPROVAL);
    }

    @Test
    void a_refusal_upheld_on_appeal_ends_the_application() {
        ProcessInstance pi = apply();
        registryAnswers(pi, 55);
        employerInGoodStanding(pi);
        assertThat(pi).variables().containsEntry(VAR_ELIGIBILITY_RULE_ID, RULE_ABOVE_PERCENTILE_CUT_OFF);
        officerDecidesApplication(pi, Map.of(VAR_SUBSIDY_DECISION, DECISION_REFUSED, VAR_REFUSAL_REASON, "Above the cut-off."));
        workerCompletes(pi, NOTIFY_REFUSAL, TOPIC_NOTIFY_EMPLOYER);

        employerAppeals("The household's situation changed.");
        ProcessInstance appeal = appealOf(pi);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "The registry's percentile is what counts."));
        saAndPesAreTold(appeal);

        assertThat(pi).isEnded().hasPassed(REFUSAL_UPHELD).hasNotPassed(RECONSIDER_MERGE + "X");
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_REFUSED);
    }

    // ---- registration, payments, retention ---------------------------------------------------------------

    @Test
    void a_worker_not_registered_within_the_period_means_no_payment_starts() {
        ProcessInstance pi = approved();
        workerRegistered(pi, false);
        assertThat(workerCompletes(pi, NOTIFY_PAYMENTS_NOT_STARTED, TOPIC_NOTIFY_EMPLOYER))
                .containsEntry(INPUT_OUTCOME, OUTCOME_PAYMENTS_NOT_STARTED);
        assertThat(pi).isEnded().hasPassed(SUBSIDY_LAPSED).hasNotPassed(INSTRUCT_PAYMENT);
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_LAPSED);
    }

    @Test
    void a_worker_kept_for_twelve_months_earns_the_retention_bonus_and_payments_follow_the_reported_wage_and_cap() {
        ProcessInstance pi = approved();
        workerRegistered(pi, true);
        // a lower wage pays 30 % of it; a higher one is capped
        assertThat(compliantMonth(pi, 1, 300_000)).containsEntry(INPUT_AMOUNT, 90_000L).containsEntry(VAR_REPORTED_WAGE, 300_000L);
        assertThat(compliantMonth(pi, 2, 500_000)).containsEntry(INPUT_AMOUNT, MONTHLY);
        for (int month = 3; month <= 12; month++) {
            compliantMonth(pi, month, WAGE);
            if (month == 6) {
                workerCompletes(pi, CHECK_RETENTION, TOPIC_VERIFY_EMPLOYER_REGISTRATION, Map.of(VAR_INSURED_EMPLOYMENT_FOUND, true));
            }
        }
        assertThat(pi).variables().containsEntry(VAR_MONTHS_PAID, 12L).containsEntry(VAR_SUBSIDY_PAID_TOTAL, 1_410_000L);
        workerCompletes(pi, CHECK_RETENTION, TOPIC_VERIFY_EMPLOYER_REGISTRATION, Map.of(VAR_INSURED_EMPLOYMENT_FOUND, true));

        Map<String, Object> bonus = workerCompletes(pi, PAY_RETENTION_BONUS, TOPIC_SUBSIDY_PAYMENT);
        assertThat(bonus).containsEntry(INPUT_PAYMENT_TYPE, PAYMENT_RETENTION_BONUS).containsEntry(INPUT_AMOUNT, 50_000L);
        assertThat(pi).isEnded().hasPassed(SUBSIDY_COMPLETED).hasNotPassed(NOTIFY_CLAWBACK);
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_COMPLETED);
    }

    @Test
    void a_worker_gone_at_the_six_month_check_means_a_clawback_that_an_upheld_appeal_recovers_in_full() {
        ProcessInstance pi = approved();
        workerRegistered(pi, true);
        for (int month = 1; month <= 6; month++) {
            compliantMonth(pi, month, WAGE);
        }
        workerCompletes(pi, CHECK_RETENTION, TOPIC_VERIFY_EMPLOYER_REGISTRATION, Map.of(VAR_INSURED_EMPLOYMENT_FOUND, false));
        assertThat(workerCompletes(pi, NOTIFY_CLAWBACK, TOPIC_NOTIFY_EMPLOYER)).containsEntry(VAR_CLAWBACK_AMOUNT, 360_000L)
                .containsEntry(INPUT_REASON, "The worker was no longer employed at the retention check.");

        employerAppeals("The worker left on their own.");
        ProcessInstance appeal = appealOf(pi);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "Leaving on one's own is an early exit."));
        saAndPesAreTold(appeal);

        assertThat(workerCompletes(pi, INSTRUCT_RECOVERY, TOPIC_SUBSIDY_RECOVERY)).containsEntry(INPUT_RECOVERY_AMOUNT, 360_000L)
                .containsEntry(INPUT_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD);
        assertThat(pi).isEnded().hasPassed(CLAWBACK_RECOVERED);
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_CLAWED_BACK);
    }

    @Test
    void a_clawback_overturned_on_appeal_is_never_sent_for_recovery() {
        ProcessInstance pi = approved();
        workerRegistered(pi, true);
        compliantMonth(pi, 1, WAGE);
        monthReport(pi, 2, false, false, false, null);
        assertThat(workerCompletes(pi, NOTIFY_CLAWBACK, TOPIC_NOTIFY_EMPLOYER)).containsEntry(VAR_CLAWBACK_AMOUNT, 110_000L);

        employerAppeals("The worker died.");
        ProcessInstance appeal = appealOf(pi);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_OVERTURNED,
                Appeal.VAR_APPEAL_REASONING, "No fault of the employer."));
        saAndPesAreTold(appeal);

        assertThat(pi).isEnded().hasPassed(CLAWBACK_OVERTURNED).hasNotPassed(INSTRUCT_RECOVERY, INSTRUCT_AMENDED_RECOVERY);
        assertThat(processVariables(pi)).containsEntry(VAR_SUBSIDY_OUTCOME, SUBSIDY_OUTCOME_CLAWBACK_OVERTURNED);
    }

    // ---- monitoring ------------------------------------------------------------------------------------

    @Test
    void unpaid_contributions_suspend_the_month_tell_the_inspectorate_and_the_officer_resumes_the_payments() {
        ProcessInstance pi = approved();
        workerRegistered(pi, true);
        monthReport(pi, 1, true, true, false, WAGE);

        assertThat(workerCompletes(pi, NOTIFY_PAYMENTS_SUSPENDED, TOPIC_NOTIFY_EMPLOYER))
                .containsEntry(INPUT_OUTCOME, OUTCOME_PAYMENTS_SUSPENDED)
                .containsEntry(INPUT_REASON, "Social-insurance contributions for the worker are not paid.");
        Map<String, Object> inspectorate = workerCompletes(pi, REPORT_TO_LABOUR_INSPECTORATE, TOPIC_REPORT_NON_COMPLIANCE);
        assertThat(inspectorate).containsEntry(VAR_EMPLOYER_ID, EMPLOYER).containsEntry(VAR_SUBSIDY_MONTH, 1L)
                .containsEntry(VAR_CONTRIBUTIONS_PAID, false).containsEntry(VAR_WORKER_REGISTERED, true);
        Task decision = task(DECIDE_NON_COMPLIANCE, pi);
        assertThat(decision).hasCandidateGroup(GROUP_SUBSIDY_OFFICERS).hasDescription("Payments for Tomás Rojas at Obras"
                + " del Sur (application " + referenceId + ") are suspended: month 1 was not compliant. Resume the"
                + " payments once the employer complies, or end the subsidy and recover what was paid pro rata.");
        officerDecidesNonCompliance(pi, NON_COMPLIANCE_RESUME, "Contributions paid on 2025-04-10.");
        assertThat(workerCompletes(pi, NOTIFY_PAYMENTS_RESUMED, TOPIC_NOTIFY_EMPLOYER))
                .containsEntry(INPUT_REASON, "Contributions paid on 2025-04-10.");

        // the suspended month was not paid; the next one is
        assertThat(compliantMonth(pi, 2, WAGE)).containsEntry(INPUT_AMOUNT, MONTHLY);
        assertThat(pi).variables().containsEntry(VAR_MONTHS_PAID, 1L).containsEntry(VAR_SUBSIDY_PAID_TOTAL, MONTHLY);
    }

    @Test
    void an_unregistered_worker_and_an_officer_ending_the_subsidy_lead_to_a_clawback_recovered_once_the_window_closed() {
        ProcessInstance pi = approved();
        workerRegistered(pi, true);
        compliantMonth(pi, 1, WAGE);
        compliantMonth(pi, 2, WAGE);
        monthReport(pi, 3, true, false, true, WAGE);
        assertThat(workerCompletes(pi, NOTIFY_PAYMENTS_SUSPENDED, TOPIC_NOTIFY_EMPLOYER))
                .containsEntry(INPUT_REASON, "The worker is not registered for social insurance.");
        workerCompletes(pi, REPORT_TO_LABOUR_INSPECTORATE, TOPIC_REPORT_NON_COMPLIANCE);
        officerDecidesNonCompliance(pi, NON_COMPLIANCE_END, "Third warning ignored.");

        // 2 of 12 months served: 10/12 of 240000
        assertThat(workerCompletes(pi, NOTIFY_CLAWBACK, TOPIC_NOTIFY_EMPLOYER)).containsEntry(VAR_CLAWBACK_AMOUNT, 200_000L)
                .containsEntry(INPUT_REASON, "The subsidy was ended because the employer did not meet its"
                        + " social-insurance obligations.");
        fireTimer(pi, CLAWBACK_APPEAL_WINDOW_CLOSED);
        assertThat(workerCompletes(pi, INSTRUCT_RECOVERY, TOPIC_SUBSIDY_RECOVERY)).containsEntry(INPUT_RECOVERY_AMOUNT, 200_000L)
                .containsEntry(INPUT_APPEAL_OUTCOME, null);
        assertThat(pi).isEnded().hasPassed(CLAWBACK_RECOVERED).hasNotPassed(APPEAL_CLAWBACK);
    }

    // ---- conventions -------------------------------------------------------------------------------------

    @Test
    void every_service_task_follows_the_conventions_and_moves_data_for_the_purpose_of_its_exchange() {
        apply();
        Map<String, String> topics = assertServiceTaskConventions(PROCESS_KEY,
                topic -> switch (topic) {
                    case TOPIC_EMPLOYER_STANDING, TOPIC_VERIFY_EMPLOYER_REGISTRATION, TOPIC_COMPLIANCE_REPORT,
                            TOPIC_REPORT_NON_COMPLIANCE -> PURPOSE_EMPLOYER_COMPLIANCE;
                    default -> PURPOSE_EMPLOYMENT_SUBSIDY;
                });
        assertThat(topics).containsEntry(NOTIFY_PAYMENTS_SUSPENDED, TOPIC_NOTIFY_EMPLOYER)
                .containsEntry(INSTRUCT_RECOVERY, TOPIC_SUBSIDY_RECOVERY);
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsOnly(
                Map.entry(DECIDE_APPLICATION, FORM_APPLICATION_DECISION), Map.entry(DECIDE_NON_COMPLIANCE, FORM_NON_COMPLIANCE));
    }

    // ---- steps ----------------------------------------------------------------------------------------

    private Map<String, Object> application() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, referenceId);
        variables.put(VAR_CORRELATION_ID, UUID.randomUUID().toString());
        variables.put(VAR_PERSON_ID, WORKER_ID);
        variables.put(VAR_GIVEN_NAME, "Tomás");
        variables.put(VAR_FAMILY_NAME, "Rojas");
        variables.put(VAR_WORKER_AGE, 21);
        variables.put(VAR_WORKER_SEX, "male");
        variables.put(VAR_EMPLOYER_ID, EMPLOYER);
        variables.put(VAR_EMPLOYER_NAME, "Obras del Sur");
        variables.put(VAR_PROGRAMME_CODE, PROGRAMME_SEJ);
        variables.put(VAR_MONTHLY_WAGE, WAGE);
        variables.put(VAR_WEEKLY_HOURS, 40);
        variables.put(VAR_CONTRACT_TYPE, CONTRACT_PERMANENT);
        variables.put(VAR_START_DATE, "2025-03-01");
        variables.put(VAR_APPLICATION_CHANNEL, CHANNEL_API);
        return variables;
    }

    private ProcessInstance apply() {
        referenceId = "SUB-" + UUID.randomUUID();
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, application());
        assertThat(pi).isStarted().hasBusinessKey(referenceId).isWaitingAt(ASK_REGISTRY_FOR_PERCENTILE);
        return pi;
    }

    /** Applied, percentile 25, employer in good standing, approved and notified: the registration period runs. */
    private ProcessInstance approved() {
        ProcessInstance pi = apply();
        registryAnswers(pi, 25);
        employerInGoodStanding(pi);
        officerDecidesApplication(pi, Map.of(VAR_SUBSIDY_DECISION, DECISION_APPROVED));
        workerCompletes(pi, NOTIFY_APPROVAL, TOPIC_NOTIFY_EMPLOYER);
        assertThat(pi).isWaitingAt(REGISTRATION_PERIOD_ENDED);
        return pi;
    }

    private Map<String, Object> registryAnswers(ProcessInstance pi, Integer percentile) {
        return workerCompletes(pi, ASK_REGISTRY_FOR_PERCENTILE, TOPIC_CHECK_SUBSIDY_ELIGIBILITY,
                vars(VAR_VULNERABILITY_PERCENTILE, percentile, VAR_SA_STATUS, "ACTIVE"));
    }

    private Map<String, Object> employerInGoodStanding(ProcessInstance pi) {
        return workerCompletes(pi, CHECK_EMPLOYER_STANDING, TOPIC_EMPLOYER_STANDING,
                vars(VAR_CONTRIBUTIONS_PAID, true, VAR_OPEN_VIOLATIONS, 0, VAR_OUTSTANDING_OBLIGATIONS, null));
    }

    private void workerRegistered(ProcessInstance pi, boolean registered) {
        fireTimer(pi, REGISTRATION_PERIOD_ENDED);
        Map<String, Object> asked = workerCompletes(pi, CHECK_WORKER_REGISTRATION, TOPIC_VERIFY_EMPLOYER_REGISTRATION,
                Map.of(VAR_INSURED_EMPLOYMENT_FOUND, registered));
        assertThat(asked).containsEntry(VAR_EMPLOYER_ID, EMPLOYER).containsEntry(VAR_START_DATE, "2025-03-01")
                .containsKey(INPUT_CHECK_DATE);
    }

    /** The month ends, social insurance reports it compliant, the payment is instructed; returns its payload. */
    private Map<String, Object> compliantMonth(ProcessInstance pi, int month, long wage) {
        monthReport(pi, month, true, true, true, wage);
        Map<String, Object> payment = workerCompletes(pi, INSTRUCT_PAYMENT, TOPIC_SUBSIDY_PAYMENT);
        assertThat(payment).containsEntry(VAR_SUBSIDY_MONTH, (long) month).containsEntry(VAR_EMPLOYER_ID, EMPLOYER);
        return payment;
    }

    private void monthReport(ProcessInstance pi, int month, boolean employed, boolean registered, boolean contributionsPaid,
            Long wage) {
        fireTimer(pi, MONTH_ENDED);
        Map<String, Object> asked = workerCompletes(pi, REPORT_MONTH, TOPIC_COMPLIANCE_REPORT, vars(VAR_WORKER_EMPLOYED,
                employed, VAR_WORKER_REGISTERED, registered, VAR_CONTRIBUTIONS_PAID, contributionsPaid, VAR_REPORTED_WAGE, wage));
        assertThat(asked).containsEntry(VAR_SUBSIDY_MONTH, (long) month);
    }

    private void officerDecidesApplication(ProcessInstance pi, Map<String, Object> formValues) {
        officerCompletes(pi, DECIDE_APPLICATION, formValues);
    }

    private void officerDecidesNonCompliance(ProcessInstance pi, String decision, String notes) {
        officerCompletes(pi, DECIDE_NON_COMPLIANCE, Map.of(VAR_NON_COMPLIANCE_DECISION, decision,
                VAR_NON_COMPLIANCE_NOTES, notes));
    }

    private void officerCompletes(ProcessInstance pi, String taskId, Map<String, Object> formValues) {
        assertThat(pi).isWaitingAt(taskId);
        Task task = task(taskId, pi);
        identityService().setAuthenticatedUserId(OFFICER);
        try {
            claim(task, OFFICER);
            complete(task, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private void employerAppeals(String grounds) {
        runtimeService().createMessageCorrelation(MESSAGE_SUBSIDY_DECISION_APPEALED).processInstanceBusinessKey(referenceId)
                .setVariable(VAR_APPEAL_GROUNDS, grounds).correlateWithResult();
    }

    private ProcessInstance appealOf(ProcessInstance pi) {
        ProcessInstance appeal = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(Appeal.PROCESS_KEY).singleResult();
        assertThat(appeal).isNotNull();
        assertThat(appeal).hasBusinessKey(referenceId);
        return appeal;
    }

    private static void fireTimer(ProcessInstance pi, String activityId) {
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
                .singleResult();
        assertThat(timer).as("timer at %s", activityId).isNotNull();
        execute(timer);
    }

    private static String annotationOf(String ruleId) {
        return repositoryService().getDmnModelInstance(repositoryService().createDecisionDefinitionQuery()
                        .decisionDefinitionKey(DECISION_ELIGIBILITY).latestVersion().singleResult().getId())
                .<org.camunda.bpm.model.dmn.instance.Rule>getModelElementById(ruleId).getDescription().getTextContent();
    }

    private static Map<String, Object> vars(Object... namesAndValues) {
        return LifecycleProcessSteps.vars(namesAndValues);
    }
}
