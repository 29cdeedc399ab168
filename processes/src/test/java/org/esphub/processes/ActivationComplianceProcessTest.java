package org.esphub.processes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.ActivationCompliance.*;
import static org.esphub.processes.AppealSteps.*;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * activation-compliance, path by path, with the appeal it calls. Evidence arrives as the hub's event
 * intake correlates it (message by business key); external tasks are completed the way a worker does;
 * async continuations and timers run by executing their jobs.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_ASSESSMENT_RESOURCE, DMN_LADDER_RESOURCE, FORM_GOOD_CAUSE_RESOURCE,
        FORM_SANCTION_APPROVAL_RESOURCE, FORM_SUPPORT_FOLLOW_UP_RESOURCE, Appeal.BPMN_RESOURCE,
        Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class ActivationComplianceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PERSON = "PERS-0042";
    private static final String PES_CASEWORKER = "pes-worker";
    private static final String SA_CASEWORKER = "sa-worker";
    private static final ActivationComplianceSettings SETTINGS = new ActivationComplianceSettings(
            Duration.parse("P30D"), Duration.parse("P10D"), Duration.parse("P30D"), Duration.parse("P365D"),
            Duration.parse("P90D"), Duration.parse("P60D"), 4);

    private String referenceId;
    private String correlationId;

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

    // ---- the scenario -----------------------------------------------------------------------

    @Test
    void two_misses_lead_to_a_warning_a_third_to_a_reduction_that_an_overturning_appeal_keeps_from_ever_being_applied() {
        ProcessInstance pi = startMonitoring();
        assertThat(pi).isWaitingAt(AWAIT_GATEWAY);

        evidence(EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        // one miss is tolerated: assessed at once and monitoring goes on
        assertThat(pi).hasPassed(CHECK_DUE, ASSESS_COMPLIANCE).isWaitingAt(AWAIT_GATEWAY);
        assertThat(pi).variables().containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_COMPLIANT)
                .containsEntry(VAR_MISSED_APPOINTMENTS, 1).containsEntry(VAR_CHECK_DUE, false);

        evidence(EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        assertThat(pi).isWaitingAt(REQUEST_ENHANCED_SUPPORT, ASK_FOR_REASONS);
        assertThat(pi).variables().containsEntry(VAR_ASSESSMENT_RESULT, RESULT_NON_COMPLIANT)
                .containsEntry(VAR_NON_COMPLIANCE_REASON, REASON_MISSED_APPOINTMENTS)
                .containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_REPEATED_MISSED_APPOINTMENTS);

        Map<String, Object> supportRequest = workerCompletes(pi, REQUEST_ENHANCED_SUPPORT, TOPIC_NOTIFY_PES);
        assertThat(supportRequest).containsEntry(INPUT_OUTCOME, OUTCOME_ENHANCED_SUPPORT_REQUESTED)
                .containsEntry(VAR_NON_COMPLIANCE_REASON, REASON_MISSED_APPOINTMENTS);
        assertThat(task(FOLLOW_UP_SUPPORT, pi)).hasCandidateGroup(GROUP_PES_CASEWORKERS);

        Map<String, Object> askedForReasons = workerCompletes(pi, ASK_FOR_REASONS, TOPIC_NOTIFY_SA);
        assertThat(askedForReasons).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON, VAR_NON_COMPLIANCE_REASON, VAR_REASONS_DUE_AT)
                .containsEntry(INPUT_OUTCOME, OUTCOME_REASONS_REQUESTED)
                .containsEntry(VAR_REASONS_DUE_AT, Date.from(MONDAY_0900.plus(Duration.ofDays(10))));
        assertThat(pi).isWaitingAt(REASONS_GATEWAY);

        saReports(MESSAGE_REASONS_GIVEN, Map.of(VAR_STATED_REASONS, "I forgot."));
        pesCaseworkerRecords(pi, NO_GOOD_CAUSE, null);
        assertThat(pi).variables().containsEntry(VAR_SANCTION_TYPE, SANCTION_WARNING)
                .containsEntry(VAR_LADDER_RULE_ID, RULE_FIRST_STEP_WARNING);

        Map<String, Object> warning = workerCompletes(pi, NOTIFY_WARNING, TOPIC_NOTIFY_SA);
        assertThat(warning).containsEntry(INPUT_OUTCOME, OUTCOME_WARNING).containsEntry(VAR_SANCTION_TYPE, SANCTION_WARNING);
        assertThat(pi).hasNotPassed(APPROVE_SANCTION).isWaitingAt(AWAIT_GATEWAY, FOLLOW_UP_SUPPORT);
        assertThat(pi).variables().containsEntry(VAR_SANCTION_HISTORY, MONDAY_0900.toString())
                .containsEntry(VAR_MISSED_APPOINTMENTS, 0).containsEntry(VAR_STATED_REASONS, null);

        // after a warning the first further miss is non-compliance
        evidence(EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        assertThat(pi).variables().containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_MISSED_APPOINTMENT_AFTER_STEP);
        workerCompletes(pi, ASK_FOR_REASONS, TOPIC_NOTIFY_SA);
        // no reasons in time: the caseworker still decides
        fireTimer(pi, REASONS_PERIOD_ENDED);
        pesCaseworkerRecords(pi, NO_GOOD_CAUSE, null);

        assertThat(pi).isWaitingAt(APPROVE_SANCTION);
        assertThat(pi).variables().containsEntry(VAR_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION)
                .containsEntry(VAR_REDUCTION_PERCENT, 30).containsEntry(VAR_PRIOR_STEPS_IN_WINDOW, 1)
                .containsEntry(VAR_LADDER_RULE_ID, RULE_SECOND_STEP_REDUCTION);
        assertThat(task(APPROVE_SANCTION, pi)).hasCandidateGroup(GROUP_SA_CASEWORKERS)
                .hasDescription("Sanction for Amina Haddad (reference " + referenceId + "): the ladder proposes"
                        + " benefit_reduction, 30 % of the benefit withheld. Check the rule, the finding and the"
                        + " good-cause record, then approve, change or reject it.");
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));

        Map<String, Object> notice = workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA);
        assertThat(notice).containsEntry(INPUT_OUTCOME, OUTCOME_SANCTION_DECIDED)
                .containsEntry(VAR_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION).containsEntry(VAR_REDUCTION_PERCENT, 30)
                .containsEntry(INPUT_APPEAL_DEADLINE, Date.from(MONDAY_0900.plus(Duration.ofDays(40))));

        saReports(MESSAGE_SANCTION_APPEALED, Map.of(VAR_APPEAL_GROUNDS, "I was in hospital."));
        ProcessInstance appeal = appealOf(pi);
        assertThat(appeal).variables().containsEntry(Appeal.VAR_DECISION_TYPE, DECISION_TYPE)
                .containsEntry(Appeal.VAR_DECISION, SANCTION_BENEFIT_REDUCTION)
                .containsEntry(Appeal.VAR_DECISION_BENEFIT_PERCENT, 70L)
                .containsEntry(Appeal.VAR_DECISION_RULE_ID, RULE_SECOND_STEP_REDUCTION)
                .containsEntry(Appeal.VAR_DECIDED_BY, SA_CASEWORKER);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_OVERTURNED,
                Appeal.VAR_APPEAL_REASONING, "Hospital stay documented."));
        saAndPesAreTold(appeal);
        assertThat(appeal).isEnded();

        assertThat(pi).hasPassed(DECIDE_APPEAL, EPISODE_CLOSED_MERGE).hasNotPassed(APPLY_SANCTION)
                .isWaitingAt(AWAIT_GATEWAY, FOLLOW_UP_SUPPORT);
        // an overturned sanction does not count in the history
        assertThat(pi).variables().containsEntry(VAR_SANCTION_HISTORY, MONDAY_0900.toString())
                .containsEntry(VAR_ACTIVE_SANCTION_TYPE, null);
        assertThat(externalTaskService().createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    // ---- good cause, rejection -------------------------------------------------------------------------

    @Test
    void good_cause_ends_the_episode_without_a_sanction_and_SA_learns_only_its_kind() {
        ProcessInstance pi = startMonitoring();
        evidence(EVIDENCE_OFFER_REFUSED);
        assertThat(pi).variables().containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_OFFER_REFUSED);
        workerCompletes(pi, ASK_FOR_REASONS, TOPIC_NOTIFY_SA);
        saReports(MESSAGE_REASONS_GIVEN, Map.of(VAR_STATED_REASONS, "My child was ill."));
        pesCaseworkerRecords(pi, GOOD_CAUSE_FOUND, "CARING_DUTIES");

        Map<String, Object> told = workerCompletes(pi, NOTIFY_GOOD_CAUSE, TOPIC_NOTIFY_SA);
        assertThat(told).containsEntry(INPUT_OUTCOME, OUTCOME_GOOD_CAUSE_ACCEPTED).containsEntry(INPUT_REASON, "CARING_DUTIES");
        assertThat(pi).hasNotPassed(PROPOSE_SANCTION).isWaitingAt(AWAIT_GATEWAY, REQUEST_ENHANCED_SUPPORT);
        assertThat(pi).variables().containsEntry(VAR_SANCTION_HISTORY, "").containsEntry(VAR_REFUSED_OFFERS, 0);
    }

    @Test
    void a_miss_reported_while_an_episode_is_heard_is_checked_as_soon_as_the_episode_is_settled() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        evidence(EVIDENCE_OFFER_REFUSED);
        assertThat(pi).isWaitingAt(ASK_FOR_REASONS);
        // the miss arrives before the episode's hearing is over: counted, not lost
        evidence(EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        assertThat(pi).variables().containsEntry(VAR_MISSED_APPOINTMENTS, 1).containsEntry(VAR_CHECK_DUE, true);
        workerCompletes(pi, ASK_FOR_REASONS, TOPIC_NOTIFY_SA);
        saReports(MESSAGE_REASONS_GIVEN, Map.of(VAR_STATED_REASONS, "The offer was 3 hours away."));
        pesCaseworkerRecords(pi, GOOD_CAUSE_FOUND, "OTHER");
        workerCompletes(pi, NOTIFY_GOOD_CAUSE, TOPIC_NOTIFY_SA);

        // the refusal is spent, the miss is not: after a step in the window it is non-compliance at once
        assertThat(pi).hasPassed(CHECK_DUE_GATEWAY).isWaitingAt(ASK_FOR_REASONS);
        assertThat(pi).variables().containsEntry(VAR_REFUSED_OFFERS, 0).containsEntry(VAR_MISSED_APPOINTMENTS, 1)
                .containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_MISSED_APPOINTMENT_AFTER_STEP)
                .containsEntry(VAR_CHECK_TYPE, CHECK_EVENT);
    }

    @Test
    void a_sanction_the_SA_caseworker_rejects_is_never_notified_as_a_sanction_nor_applied() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_REJECTED,
                VAR_REJECTION_REASON, "The appointment letter went to an old address."));
        Map<String, Object> told = workerCompletes(pi, NOTIFY_SANCTION_REJECTED, TOPIC_NOTIFY_SA);
        assertThat(told).containsEntry(INPUT_OUTCOME, OUTCOME_SANCTION_REJECTED)
                .containsEntry(INPUT_REASON, "The appointment letter went to an old address.");
        assertThat(pi).hasNotPassed(NOTIFY_SANCTION_DECIDED, APPLY_SANCTION).isWaitingAt(AWAIT_GATEWAY, REQUEST_ENHANCED_SUPPORT);
    }

    // ---- applied, restored ---------------------------------------------------------------------------

    @Test
    void an_unchallenged_sanction_is_applied_once_the_window_closed_and_restored_after_its_duration() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA);
        assertThat(pi).isWaitingAt(APPEAL_WINDOW_GATEWAY);

        Instant windowClosed = fireTimer(pi, APPEAL_WINDOW_CLOSED);
        Map<String, Object> applied = workerCompletes(pi, APPLY_SANCTION, TOPIC_NOTIFY_SA);
        assertThat(applied).containsEntry(INPUT_OUTCOME, OUTCOME_SANCTION_APPLIED)
                .containsEntry(VAR_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION).containsEntry(VAR_REDUCTION_PERCENT, 30)
                .containsEntry(Appeal.VAR_APPEAL_OUTCOME, null)
                .containsEntry(VAR_SANCTION_ENDS_AT, Date.from(windowClosed.plus(Duration.ofDays(90))));
        assertThat(pi).isWaitingAt(SANCTION_RUNNING_GATEWAY, AWAIT_GATEWAY, REQUEST_ENHANCED_SUPPORT);
        assertThat(pi).variables().containsEntry(VAR_ACTIVE_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION);
        assertThat(SETTINGS.stepsInWindow((String) runtimeService().getVariable(pi.getId(), VAR_SANCTION_HISTORY),
                Date.from(windowClosed))).isEqualTo(2);

        fireTimer(pi, SANCTION_PERIOD_ENDED);
        Map<String, Object> restored = workerCompletes(pi, NOTIFY_SANCTION_ENDED, TOPIC_NOTIFY_SA);
        assertThat(restored).containsEntry(INPUT_OUTCOME, OUTCOME_SANCTION_ENDED)
                .containsEntry(INPUT_REASON, "sanction period over");
        assertThat(pi).hasPassed(SANCTION_ENDED).isWaitingAt(AWAIT_GATEWAY, REQUEST_ENHANCED_SUPPORT);
        assertThat(pi).variables().containsEntry(VAR_ACTIVE_SANCTION_TYPE, null);
    }

    @Test
    void a_sanction_the_caseworker_changed_and_the_appeal_upheld_is_applied_as_changed_and_ends_on_renewed_compliance() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        Task approval = task(APPROVE_SANCTION, pi);
        assertThat(runtimeService().getVariablesLocal(approval.getExecutionId()))
                .containsEntry(VAR_CHANGED_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION)
                .containsEntry(VAR_CHANGED_REDUCTION_PERCENT, 30);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_CHANGED, VAR_CHANGED_REDUCTION_PERCENT, 10));
        assertThat(pi).variables().containsEntry(VAR_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION)
                .containsEntry(VAR_REDUCTION_PERCENT, 10).containsEntry(VAR_SANCTION_DECIDED_BY, SA_CASEWORKER);
        assertThat(workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA)).containsEntry(VAR_REDUCTION_PERCENT, 10);

        saReports(MESSAGE_SANCTION_APPEALED, Map.of());
        ProcessInstance appeal = appealOf(pi);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "Three letters were sent."));
        saAndPesAreTold(appeal);

        assertThat(workerCompletes(pi, APPLY_SANCTION, TOPIC_NOTIFY_SA)).containsEntry(VAR_REDUCTION_PERCENT, 10)
                .containsEntry(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD);

        saReports(MESSAGE_COMPLIANCE_RENEWED, Map.of());
        assertThat(workerCompletes(pi, NOTIFY_SANCTION_ENDED, TOPIC_NOTIFY_SA)).containsEntry(INPUT_REASON, "compliance renewed");
        assertThat(pi).hasPassed(COMPLIANCE_RENEWED, SANCTION_ENDED).hasNotPassed(SANCTION_PERIOD_ENDED);
    }

    @Test
    void a_partially_upheld_appeal_applies_the_amended_sanction() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA);
        saReports(MESSAGE_SANCTION_APPEALED, Map.of());
        ProcessInstance appeal = appealOf(pi);
        acknowledged(appeal);
        officerDecides(appeal, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "Proportionate is less.", Appeal.VAR_AMENDED_BENEFIT_PERCENT, 85));
        saAndPesAreTold(appeal);

        assertThat(workerCompletes(pi, APPLY_SANCTION, TOPIC_NOTIFY_SA))
                .containsEntry(VAR_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION).containsEntry(VAR_REDUCTION_PERCENT, 15L)
                .containsEntry(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD);
    }

    @Test
    void a_fourth_step_exits_the_programme_and_ends_monitoring() {
        Instant earlier = MONDAY_0900.minus(Duration.ofDays(200));
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY,
                earlier + "," + earlier.plus(Duration.ofDays(50)) + "," + earlier.plus(Duration.ofDays(100)));
        reachApproval(pi);
        assertThat(pi).variables().containsEntry(VAR_SANCTION_TYPE, SANCTION_PROGRAM_EXIT)
                .containsEntry(VAR_LADDER_RULE_ID, RULE_FOURTH_STEP_EXIT);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA);
        fireTimer(pi, APPEAL_WINDOW_CLOSED);
        assertThat(workerCompletes(pi, APPLY_SANCTION, TOPIC_NOTIFY_SA))
                .containsEntry(VAR_SANCTION_TYPE, SANCTION_PROGRAM_EXIT).containsEntry(VAR_SANCTION_ENDS_AT, null);
        assertThat(pi).isEnded().hasPassed(PROGRAMME_EXITED, MONITORING_ENDED_AFTER_EXIT);
    }

    // ---- periodic review ----------------------------------------------------------------------------

    @Test
    void the_periodic_review_judges_the_period_whole_and_starts_the_next_period() {
        ProcessInstance pi = startMonitoring(VAR_MINIMUM_APPLICATIONS, 2, VAR_INCOME_REPORT_REQUIRED, true);
        evidence(EVIDENCE_JOB_APPLICATION);
        evidence(EVIDENCE_JOB_APPLICATION);
        evidence(EVIDENCE_INCOME_REPORTED);
        evidence(EVIDENCE_TRAINING_MISSED);
        evidence(EVIDENCE_APPOINTMENT_MISSED_WITH_NOTICE);
        evidence(EVIDENCE_APPOINTMENT_ATTENDED);
        evidence(EVIDENCE_TRAINING_ATTENDED);
        assertThat(pi).hasNotPassed(ASSESS_COMPLIANCE);
        assertThat(pi).variables().containsEntry(VAR_APPLICATIONS_IN_PERIOD, 2).containsEntry(VAR_TRAINING_ABSENCES, 1)
                .containsEntry(VAR_INCOME_REPORTED, true).containsEntry(VAR_MISSED_APPOINTMENTS, 0);

        Date firstPeriodEnd = Date.from(MONDAY_0900.plus(Duration.ofDays(30)));
        assertThat(pi).variables().containsEntry(VAR_PERIOD_ENDS_AT, firstPeriodEnd);
        fireTimer(pi, MONITORING_PERIOD_ENDED);
        assertThat(pi).variables().containsEntry(VAR_CHECK_TYPE, CHECK_PERIODIC)
                .containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_COMPLIANT)
                .containsEntry(VAR_APPLICATIONS_IN_PERIOD, 0).containsEntry(VAR_INCOME_REPORTED, false)
                .containsEntry(VAR_PERIOD_ENDS_AT, Date.from(MONDAY_0900.plus(Duration.ofDays(60))));
        assertThat(pi).isWaitingAt(AWAIT_GATEWAY);

        // the next period passes without applications or income report
        fireTimer(pi, MONITORING_PERIOD_ENDED);
        assertThat(pi).variables().containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_TOO_FEW_APPLICATIONS)
                .containsEntry(VAR_NON_COMPLIANCE_REASON, REASON_INSUFFICIENT_JOB_SEARCH);
        assertThat(pi).isWaitingAt(REQUEST_ENHANCED_SUPPORT, ASK_FOR_REASONS);
    }

    @Test
    void obligations_default_from_the_settings_when_SA_names_none() {
        ProcessInstance pi = startMonitoring();
        assertThat(pi).variables().containsEntry(VAR_MINIMUM_APPLICATIONS, 4).containsEntry(VAR_INCOME_REPORT_REQUIRED, false);
    }

    @Test
    void evidence_of_an_unknown_type_is_refused_and_changes_nothing() {
        ProcessInstance pi = startMonitoring();
        assertThatThrownBy(() -> evidence("DIARY_SUMMARY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown evidence type DIARY_SUMMARY");
        assertThat(pi).isWaitingAt(AWAIT_GATEWAY);
        assertThat(pi).variables().containsEntry(VAR_MISSED_APPOINTMENTS, 0).containsEntry(VAR_APPLICATIONS_IN_PERIOD, 0);
    }

    // ---- SA's compliance requests ----------------------------------------------------------------------

    @Test
    void a_compliance_request_adds_its_areas_and_the_assessment_it_asks_for_runs_at_once() {
        ProcessInstance pi = startMonitoring();
        assertThat(pi).variables().containsEntry(VAR_MONITORED_AREAS, "");

        requested("WORK_SEARCH,APPOINTMENT_ATTENDANCE", "CURRENT_STATUS");
        assertThat(pi).hasPassed(COMPLIANCE_REQUEST_RECEIVED, COMPLIANCE_REQUEST_RECORDED, CHECK_DUE, ASSESS_COMPLIANCE)
                .isWaitingAt(AWAIT_GATEWAY);
        assertThat(pi).variables().containsEntry(VAR_MONITORED_AREAS, "WORK_SEARCH,APPOINTMENT_ATTENDANCE")
                .containsEntry(VAR_CHECK_TYPE, CHECK_EVENT).containsEntry(VAR_ASSESSMENT_RULE_ID, RULE_COMPLIANT)
                .containsEntry(VAR_CHECK_DUE, false);
    }

    @Test
    void a_request_without_an_assessment_only_adds_its_areas() {
        ProcessInstance pi = startMonitoring();
        requested("APPOINTMENT_ATTENDANCE", "CURRENT_STATUS");
        requested("APPOINTMENT_ATTENDANCE,JOB_ACCEPTANCE", null);
        assertThat(pi).isWaitingAt(AWAIT_GATEWAY);
        assertThat(pi).variables().containsEntry(VAR_MONITORED_AREAS, "APPOINTMENT_ATTENDANCE,JOB_ACCEPTANCE");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(ASSESS_COMPLIANCE).count()).as("only the first asked for an assessment").isEqualTo(1);
    }

    @Test
    void an_assessment_asked_for_during_a_hearing_runs_once_the_episode_is_settled() {
        ProcessInstance pi = startMonitoring();
        evidence(EVIDENCE_OFFER_REFUSED);
        assertThat(pi).isWaitingAt(REQUEST_ENHANCED_SUPPORT, ASK_FOR_REASONS);

        requested("JOB_ACCEPTANCE", "SANCTION_EVALUATION");
        assertThat(pi).isWaitingAt(REQUEST_ENHANCED_SUPPORT, ASK_FOR_REASONS);
        assertThat(pi).variables().containsEntry(VAR_CHECK_DUE, true);

        workerCompletes(pi, ASK_FOR_REASONS, TOPIC_NOTIFY_SA);
        saReports(MESSAGE_REASONS_GIVEN, Map.of(VAR_STATED_REASONS, "I was ill"));
        pesCaseworkerRecords(pi, GOOD_CAUSE_FOUND, "ILLNESS");
        workerCompletes(pi, NOTIFY_GOOD_CAUSE, TOPIC_NOTIFY_SA);
        assertThat(pi).hasPassed(CHECK_DUE_GATEWAY).isWaitingAt(AWAIT_GATEWAY);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(ASSESS_COMPLIANCE).count()).isEqualTo(2);
        assertThat(pi).variables().containsEntry(VAR_ASSESSMENT_RESULT, RESULT_COMPLIANT);
    }

    @Test
    void a_request_naming_an_unknown_area_is_refused_and_changes_nothing() {
        ProcessInstance pi = startMonitoring();
        assertThatThrownBy(() -> requested("GARDENING", "CURRENT_STATUS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown compliance area GARDENING");
        assertThat(pi).isWaitingAt(AWAIT_GATEWAY);
        assertThat(pi).variables().containsEntry(VAR_MONITORED_AREAS, "").containsEntry(VAR_CHECK_DUE, false);
    }

    // ---- support, end of the referral ---------------------------------------------------------------

    @Test
    void the_PES_caseworker_records_the_support_arranged() {
        ProcessInstance pi = startMonitoring();
        evidence(EVIDENCE_OFFER_REFUSED);
        workerCompletes(pi, REQUEST_ENHANCED_SUPPORT, TOPIC_NOTIFY_PES);
        Task followUp = task(FOLLOW_UP_SUPPORT, pi);
        assertThat(followUp).hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDueDate(Date.from(Instant.parse("2025-03-10T09:00:00Z")));
        complete(followUp, Map.of(VAR_SUPPORT_ARRANGED, "Weekly coaching with a job coach."));
        assertThat(pi).hasPassed(SUPPORT_FOLLOWED_UP).isWaitingAt(ASK_FOR_REASONS);
    }

    @Test
    void when_the_referral_ends_a_running_sanction_is_lifted_at_SA() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA);
        fireTimer(pi, APPEAL_WINDOW_CLOSED);
        workerCompletes(pi, APPLY_SANCTION, TOPIC_NOTIFY_SA);

        saReports(MESSAGE_OBLIGATIONS_ENDED, Map.of());
        assertThat(workerCompletes(pi, NOTIFY_SANCTION_ENDED_WITH_REFERRAL, TOPIC_NOTIFY_SA))
                .containsEntry(INPUT_OUTCOME, OUTCOME_SANCTION_ENDED).containsEntry(INPUT_REASON, "referral ended")
                .containsEntry(VAR_SANCTION_TYPE, SANCTION_BENEFIT_REDUCTION);
        assertThat(pi).isEnded().hasPassed(REFERRAL_ENDED, SANCTION_LIFTED_AT_END).hasNotPassed(NOTIFY_SANCTION_ENDED);
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void when_the_referral_ends_without_a_sanction_monitoring_just_ends_and_late_evidence_finds_no_receiver() {
        ProcessInstance pi = startMonitoring();
        evidence(EVIDENCE_OFFER_REFUSED);
        assertThat(pi).isWaitingAt(ASK_FOR_REASONS, REQUEST_ENHANCED_SUPPORT);
        saReports(MESSAGE_OBLIGATIONS_ENDED, Map.of());
        assertThat(pi).isEnded().hasPassed(MONITORING_ENDED).hasNotPassed(NOTIFY_SANCTION_ENDED_WITH_REFERRAL);
        assertThatThrownBy(() -> evidence(EVIDENCE_JOB_APPLICATION)).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void an_appeal_after_the_window_closed_does_not_reopen_the_sanction() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        saCaseworkerDecides(pi, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        workerCompletes(pi, NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA);
        fireTimer(pi, APPEAL_WINDOW_CLOSED);
        assertThatThrownBy(() -> saReports(MESSAGE_SANCTION_APPEALED, Map.of()))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAt(APPLY_SANCTION);
    }

    // ---- forms and conventions -------------------------------------------------------------------

    @Test
    void the_approval_form_shows_the_rules_that_fired_and_their_inputs() {
        ProcessInstance pi = startMonitoring(VAR_SANCTION_HISTORY, MONDAY_0900.minus(Duration.ofDays(100)).toString());
        reachApproval(pi);
        Task approval = task(APPROVE_SANCTION, pi);
        DocumentContext form = deployedForm(approval);
        assertThat(form.<List<String>>read("$.components[*].key")).containsExactly(VAR_APPROVAL_DECISION,
                VAR_CHANGED_SANCTION_TYPE, VAR_CHANGED_REDUCTION_PERCENT, VAR_REJECTION_REASON);
        assertThat(form.<List<String>>read("$.components[?(@.key == 'sanctionApproval')].values[*].value"))
                .containsExactly(APPROVAL_APPROVED, APPROVAL_CHANGED, APPROVAL_REJECTED);
        String shown = String.join("\n", form.<List<String>>read("$.components[?(@.type == 'text')].text"));
        Map<String, Object> seenByTheTask = taskService().getVariables(approval.getId());
        for (String field : List.of(VAR_LADDER_RULE_ID, VAR_LADDER_RULE_REASON, VAR_SANCTION_TYPE, VAR_REDUCTION_PERCENT,
                VAR_PRIOR_STEPS_IN_WINDOW, VAR_ASSESSMENT_RULE_ID, VAR_ASSESSMENT_RULE_REASON, VAR_NON_COMPLIANCE_REASON,
                VAR_MISSED_APPOINTMENTS, VAR_STATED_REASONS, VAR_GOOD_CAUSE_RECORDED_BY)) {
            assertThat(shown).as(field).contains("{{" + field + "}}");
            assertThat(seenByTheTask).as(field).containsKey(field);
        }
    }

    @Test
    void every_user_task_has_its_Camunda_form_and_every_service_task_follows_the_conventions() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition().getId());
        assertThat(model.getModelElementsByType(UserTask.class))
                .extracting(UserTask::getId, UserTask::getCamundaFormRef, UserTask::getCamundaFormRefBinding)
                .containsExactlyInAnyOrder(tuple(FOLLOW_UP_SUPPORT, FORM_SUPPORT_FOLLOW_UP, "latest"),
                        tuple(RECORD_GOOD_CAUSE, FORM_GOOD_CAUSE, "latest"),
                        tuple(APPROVE_SANCTION, FORM_SANCTION_APPROVAL, "latest"));
        assertThat(assertServiceTaskConventions(PROCESS_KEY, PURPOSE_ACTIVATION_COMPLIANCE)).containsOnly(
                entry(REQUEST_ENHANCED_SUPPORT, TOPIC_NOTIFY_PES),
                entry(ASK_FOR_REASONS, TOPIC_NOTIFY_SA),
                entry(NOTIFY_GOOD_CAUSE, TOPIC_NOTIFY_SA),
                entry(NOTIFY_WARNING, TOPIC_NOTIFY_SA),
                entry(NOTIFY_SANCTION_REJECTED, TOPIC_NOTIFY_SA),
                entry(NOTIFY_SANCTION_DECIDED, TOPIC_NOTIFY_SA),
                entry(APPLY_SANCTION, TOPIC_NOTIFY_SA),
                entry(NOTIFY_SANCTION_ENDED, TOPIC_NOTIFY_SA),
                entry(NOTIFY_SANCTION_ENDED_WITH_REFERRAL, TOPIC_NOTIFY_SA));
    }

    // ---- steps ----------------------------------------------------------------------------------

    private ProcessInstance startMonitoring(Object... overrides) {
        referenceId = "REF-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, referenceId);
        variables.put(VAR_PERSON_ID, PERSON);
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_GIVEN_NAME, "Amina");
        variables.put(VAR_FAMILY_NAME, "Haddad");
        for (int i = 0; i < overrides.length; i += 2) {
            variables.put((String) overrides[i], overrides[i + 1]);
        }
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, variables);
        assertThat(pi).isStarted().hasBusinessKey(referenceId);
        return pi;
    }

    /** A refused offer, no reasons, no good cause: the ladder's proposal waits for approval. */
    private void reachApproval(ProcessInstance pi) {
        evidence(EVIDENCE_OFFER_REFUSED);
        workerCompletes(pi, ASK_FOR_REASONS, TOPIC_NOTIFY_SA);
        fireTimer(pi, REASONS_PERIOD_ENDED);
        pesCaseworkerRecords(pi, NO_GOOD_CAUSE, null);
        assertThat(pi).isWaitingAt(APPROVE_SANCTION);
    }

    /** Evidence as the hub's event intake correlates it. */
    private void evidence(String evidenceType) {
        runtimeService().createMessageCorrelation(MESSAGE_EVIDENCE).processInstanceBusinessKey(referenceId)
                .setVariable(VAR_EVIDENCE_TYPE, evidenceType).correlateWithResult();
    }

    private void requested(String areas, String assessment) {
        Map<String, Object> request = new HashMap<>();
        request.put(VAR_COMPLIANCE_AREAS, areas);
        request.put(VAR_REQUESTED_ASSESSMENT, assessment);
        runtimeService().createMessageCorrelation(MESSAGE_COMPLIANCE_REQUESTED).processInstanceBusinessKey(referenceId)
                .setVariables(request).correlateWithResult();
    }

    private void saReports(String message, Map<String, Object> fields) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(referenceId)
                .setVariables(fields).correlateWithResult();
    }

    private void pesCaseworkerRecords(ProcessInstance pi, String goodCause, String category) {
        assertThat(pi).isWaitingAt(RECORD_GOOD_CAUSE);
        Task record = task(RECORD_GOOD_CAUSE, pi);
        assertThat(record).hasCandidateGroup(GROUP_PES_CASEWORKERS);
        Map<String, Object> values = new HashMap<>();
        values.put(VAR_GOOD_CAUSE, goodCause);
        values.put(VAR_GOOD_CAUSE_NOTE, "Spoke with the person.");
        if (category != null) {
            values.put(VAR_GOOD_CAUSE_CATEGORY, category);
        }
        identityService().setAuthenticatedUserId(PES_CASEWORKER);
        try {
            claim(record, PES_CASEWORKER);
            complete(record, values);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private void saCaseworkerDecides(ProcessInstance pi, Map<String, Object> formValues) {
        assertThat(pi).isWaitingAt(APPROVE_SANCTION);
        Task approval = task(APPROVE_SANCTION, pi);
        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        try {
            claim(approval, SA_CASEWORKER);
            complete(approval, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** Moves the clock past the timer's due date and fires it; returns when it fired. */
    private static Instant fireTimer(ProcessInstance pi, String activityId) {
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(timer).as("timer at " + activityId).isNotNull();
        Instant firedAt = timer.getDuedate().toInstant();
        ClockUtil.setCurrentTime(Date.from(firedAt));
        execute(timer);
        return firedAt;
    }

    private ProcessInstance appealOf(ProcessInstance pi) {
        ProcessInstance appeal = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(Appeal.PROCESS_KEY).singleResult();
        assertThat(appeal).isNotNull();
        assertThat(appeal).hasBusinessKey(referenceId);
        return appeal;
    }

    private static ProcessDefinition definition() {
        return repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
                .singleResult();
    }

    private static DocumentContext deployedForm(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return JsonPath.parse(new String(form.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
