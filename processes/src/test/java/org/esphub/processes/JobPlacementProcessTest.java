package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.esphub.processes.JobPlacement.*;
import static org.esphub.processes.LifecycleProcessSteps.agencyReports;
import static org.esphub.processes.LifecycleProcessSteps.assertIsoDateField;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.at;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.LifecycleProcessSteps.workerCompletes;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;

/**
 * job-placement, path by path. External tasks are completed the way a worker does it, agency events
 * are correlated the way the hub's event intake does it, async continuations and timers are driven by
 * executing their jobs (with the engine clock moved to the timer's due date first).
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_RESOURCE, FORM_VACANCY_MATCH_RESOURCE})
class JobPlacementProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Date MONDAY_3_MARCH_2025_0900 = at(2025, 3, 3, 9, 0);
    private static final String START_DATE = "2025-04-01";
    private static final List<Integer> CHECKPOINT_DAYS = List.of(30, 90, 180, 365);
    private static final double MINIMUM_WAGE = 1000.0;
    private static final String PERSON = "PERS-0042";
    private static final String EMPLOYER = "EMP-ABC-001";
    private static final String VACANCY = "VAC-2025-0815";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        Mocks.register("workingCalendar", new WorkingCalendar(List.of(), ZONE));
        Mocks.register(CatalogueChoice.BEAN_NAME, new CatalogueChoice());
        useSettings(CHECKPOINT_DAYS, MINIMUM_WAGE);
        ClockUtil.setCurrentTime(MONDAY_3_MARCH_2025_0900);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- stable employment ------------------------------------------------------------------------

    @Test
    void a_suitable_placement_verified_in_time_and_kept_at_every_checkpoint_ends_as_stable_employment() {
        ProcessInstance pi = startPlacement(2000.0);

        assertThat(pi).isWaitingAt(LIST_VACANCIES);
        pesOffersTheVacancy(pi);
        assertThat(pi).isWaitingAt(MATCH_VACANCY);
        assertThat(task()).hasName("Match a vacancy").hasCandidateGroup(GROUP_PES_CASEWORKERS).isNotAssigned();
        counsellorMatches(pi);

        assertThat(workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_GIVEN_NAME, "Amina"),
                entry(VAR_FAMILY_NAME, "Haddad"),
                entry(VAR_EMPLOYER_ID, EMPLOYER),
                entry(VAR_VACANCY_ID, VACANCY),
                entry(VAR_JOB_TITLE, "Customer service representative"),
                entry(VAR_START_DATE, START_DATE));
        assertThat(pi).isWaitingAt(AWAIT_EMPLOYER_DECISION);
        employerDecides(true);

        assertThat(pi).hasPassedInOrder(EMPLOYER_DECIDED, EMPLOYER_ACCEPTED_GATEWAY, CHECK_SUITABILITY, SUITABLE_GATEWAY)
                .isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED)
                .variables().containsEntry(VAR_PLACEMENT_SUITABILITY, SUITABILITY_SUITABLE);
        assertThat(jobAt(pi, START_DATE_REACHED).getDuedate()).isEqualTo(at(2025, 4, 1, 0, 0));
        assertThat(jobAt(pi, VERIFICATION_DEADLINE_PASSED).getDuedate()).isEqualTo(at(2025, 5, 1, 0, 0));

        Date verifiedAt = at(2025, 4, 3, 11, 0);
        placementVerifiedOn(pi, verifiedAt);
        assertThat(pi).variables()
                .containsEntry(VAR_PLACEMENT_VERIFIED_AT, verifiedAt)
                .containsEntry(VAR_MONTHLY_WAGE, 1500.0)
                .containsEntry(VAR_HOURS_PER_WEEK, 38)
                .containsEntry(VAR_CONTRACT_TYPE, CONTRACT_PERMANENT)
                .containsEntry(VAR_START_DATE, START_DATE);

        assertThat(workerCompletes(pi, NOTIFY_SA_PLACEMENT_VERIFIED, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_PLACEMENT_VERIFIED,
                INPUT_REASON, EMPLOYER,
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_START_DATE, START_DATE,
                VAR_HOURS_PER_WEEK, 38,
                VAR_MONTHLY_WAGE, 1500.0,
                VAR_CONTRACT_TYPE, CONTRACT_PERMANENT,
                VAR_CONTRACT_MONTHS, null,
                VAR_PLACEMENT_VERIFIED_AT, verifiedAt));
        assertThat(workerCompletes(pi, NOTIFY_PES_PLACEMENT_VERIFIED, TOPIC_PES_NOTIFY_OUTCOME)).isEqualTo(vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_PLACEMENT_VERIFIED,
                INPUT_REASON, EMPLOYER,
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_VACANCY_ID, VACANCY,
                VAR_START_DATE, START_DATE));

        checkpointPasses(pi, 30, at(2025, 5, 1, 0, 0), "2025-05-01");
        checkpointPasses(pi, 90, at(2025, 6, 30, 0, 0), "2025-06-30");
        checkpointPasses(pi, 180, at(2025, 9, 28, 0, 0), "2025-09-28");
        checkpointPasses(pi, 365, at(2026, 4, 1, 0, 0), "2026-04-01");

        Map<String, Object> stable = vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_STABLE_EMPLOYMENT,
                INPUT_REASON, REASON_ALL_CHECKPOINTS_PASSED,
                VAR_EMPLOYER_ID, EMPLOYER);
        assertThat(workerCompletes(pi, NOTIFY_SA_STABLE_EMPLOYMENT, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(stable);
        assertThat(workerCompletes(pi, NOTIFY_PES_STABLE_EMPLOYMENT, TOPIC_PES_NOTIFY_OUTCOME)).isEqualTo(stable);

        assertThat(pi).isEnded()
                .hasPassedInOrder(PLACEMENT_REQUESTED, LIST_VACANCIES, MATCH_VACANCY, VACANCY_FOUND_GATEWAY, PROPOSE_CANDIDATE,
                        AWAIT_EMPLOYER_DECISION, EMPLOYER_DECIDED, CHECK_SUITABILITY, VERIFICATION_JOIN, PLACEMENT_VERIFIED,
                        VERIFICATION_COMPLETED, ESCALATE_PLACEMENT_VERIFIED, NOTIFY_SA_PLACEMENT_VERIFIED,
                        NOTIFY_PES_PLACEMENT_VERIFIED,
                        EMPLOYMENT_RETAINED, NOTIFY_SA_STABLE_EMPLOYMENT, NOTIFY_PES_STABLE_EMPLOYMENT, STABLE_EMPLOYMENT)
                .hasPassed(VERIFY_PLACEMENT, EMPLOYED, RETENTION_CHECKPOINTS)
                .hasNotPassed(WITHDRAW_PROPOSAL, RECHECK_WAIT, NOT_VERIFIED_IN_TIME, NOTIFY_PES_RE_ENGAGEMENT,
                        NOTIFY_SA_PLACEMENT_FAILED)
                .variables().containsEntry(VAR_PLACEMENT_OUTCOME, OUTCOME_STABLE_EMPLOYMENT);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(REVERIFY_EMPLOYMENT).count()).isEqualTo(4);
    }

    @Test
    void the_retention_checkpoints_are_the_configured_days() {
        useSettings(List.of(90), MINIMUM_WAGE);
        ProcessInstance pi = verifiedPlacementNotified();

        checkpointPasses(pi, 90, at(2025, 6, 30, 0, 0), "2025-06-30");

        assertThat(pi).isWaitingAt(NOTIFY_SA_STABLE_EMPLOYMENT);
    }

    // ---- matching again ----------------------------------------------------------------------------

    @Test
    void an_employer_declining_the_candidate_sends_the_counsellor_back_to_matching_with_the_reason() {
        ProcessInstance pi = startPlacement(2000.0);
        counsellorMatches(pi);
        workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);

        employerDecides(false, VAR_EMPLOYER_DECISION_REASON, "Position filled internally");

        // the open vacancies are read again: the declined one may be filled by now
        assertThat(pi).isWaitingAt(LIST_VACANCIES)
                .hasPassedInOrder(EMPLOYER_DECIDED, EMPLOYER_ACCEPTED_GATEWAY, CANDIDATE_DECLINED, MATCHING_MERGE)
                .hasNotPassed(CHECK_SUITABILITY, WITHDRAW_PROPOSAL);
        pesOffersTheVacancy(pi);
        Task again = task(MATCH_VACANCY, pi);
        assertThat(taskService().getVariable(again.getId(), VAR_MATCHING_FEEDBACK)).isEqualTo(FEEDBACK_EMPLOYER_DECLINED);
        DocumentContext form = assertOpensForm(again, FORM_VACANCY_MATCH);
        List<String> hide = form.read("$.components[?(@.id == 'Text_EmployerDeclined')].conditional.hide");
        assertThat(hide).singleElement().asString().contains(FEEDBACK_EMPLOYER_DECLINED);
    }

    @Test
    void an_employer_not_answering_in_time_gets_the_proposal_withdrawn_and_the_counsellor_matches_again() {
        ProcessInstance pi = startPlacement(2000.0);
        counsellorMatches(pi);
        workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);

        Job overdue = jobAt(pi, EMPLOYER_DECISION_OVERDUE);
        assertThat(overdue.getDuedate()).isEqualTo(at(2025, 3, 17, 9, 0)); // 10 working days
        ClockUtil.setCurrentTime(overdue.getDuedate());
        execute(overdue);

        assertThat(workerCompletes(pi, WITHDRAW_PROPOSAL, TOPIC_WITHDRAW_PROPOSAL)).isEqualTo(vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_VACANCY_ID, VACANCY,
                INPUT_REASON, FEEDBACK_EMPLOYER_NO_ANSWER));
        assertThat(pi).isWaitingAt(LIST_VACANCIES)
                .hasPassedInOrder(AWAIT_EMPLOYER_DECISION, EMPLOYER_DECISION_OVERDUE, WITHDRAW_MERGE, WITHDRAW_PROPOSAL,
                        MATCHING_MERGE)
                .hasNotPassed(EMPLOYER_DECIDED)
                .variables().containsEntry(VAR_MATCHING_FEEDBACK, FEEDBACK_EMPLOYER_NO_ANSWER);
    }

    @Test
    void an_unsuitable_offer_is_withdrawn_and_the_counsellor_sees_why_judged_on_the_terms_the_employer_offered() {
        ProcessInstance pi = startPlacement(2000.0);
        counsellorMatches(pi); // the vacancy said 38 hours a week
        workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);

        employerDecides(true, VAR_HOURS_PER_WEEK, 16L);

        assertThat(pi).hasPassedInOrder(CHECK_SUITABILITY, SUITABLE_GATEWAY, OFFER_UNSUITABLE, WITHDRAW_MERGE)
                .variables().containsEntry(VAR_PLACEMENT_SUITABILITY, SUITABILITY_HOURS_BELOW_MINIMUM);
        assertThat(workerCompletes(pi, WITHDRAW_PROPOSAL, TOPIC_WITHDRAW_PROPOSAL))
                .containsEntry(INPUT_REASON, SUITABILITY_HOURS_BELOW_MINIMUM);
        assertThat(pi).isWaitingAt(LIST_VACANCIES).hasNotPassed(VERIFY_PLACEMENT)
                .variables().containsEntry(VAR_MATCHING_FEEDBACK, SUITABILITY_HOURS_BELOW_MINIMUM);
        pesOffersTheVacancy(pi);

        DocumentContext form = assertOpensForm(task(MATCH_VACANCY, pi), FORM_VACANCY_MATCH);
        List<String> explanation = form.read("$.components[?(@.id == 'Text_Unsuitable')].text");
        assertThat(explanation).singleElement().asString().contains(SUITABILITY_HOURS_BELOW_MINIMUM,
                SUITABILITY_CONTRACT_TYPE_NOT_SUITABLE, SUITABILITY_CONTRACT_TOO_SHORT, SUITABILITY_WAGE_TOO_LOW);
    }

    @Test
    void a_referral_closed_after_a_decline_while_the_vacancy_is_gone_from_the_board_ends_the_placement_at_once() {
        ProcessInstance pi = startPlacement(2000.0);
        counsellorMatches(pi);
        workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);
        employerDecides(false, VAR_EMPLOYER_DECISION_REASON, "Position filled internally");
        workerCompletes(pi, LIST_VACANCIES, TOPIC_LIST_VACANCIES, vars(
                VAR_VACANCY_OPTIONS, SpinValues.jsonValue("[]").create(),
                VAR_VACANCY_CATALOGUE, SpinValues.jsonValue("{}").create()));
        assertThat(pi).isWaitingAt(MATCH_VACANCY);

        // a withdrawn consent deletes the instance; the match's output mapping runs on the way out
        runtimeService().deleteProcessInstance(pi.getId(), "consent withdrawn");

        assertThat(pi).isEnded();
    }

    @Test
    void the_minimum_wage_the_suitability_rules_compare_with_comes_from_the_settings() {
        // 900 a month, previous income unknown: suitable only where the minimum wage is at most 900
        useSettings(CHECKPOINT_DAYS, 850.0);
        ProcessInstance lowMinimum = startPlacement(null);
        counsellorMatches(lowMinimum, VAR_MONTHLY_WAGE, 900.0);
        workerCompletes(lowMinimum, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);
        employerDecides(true);
        assertThat(lowMinimum).isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED)
                .variables().containsEntry(VAR_PLACEMENT_SUITABILITY, SUITABILITY_SUITABLE);

        useSettings(CHECKPOINT_DAYS, 950.0);
        ProcessInstance highMinimum = startPlacement(null);
        counsellorMatches(highMinimum, VAR_MONTHLY_WAGE, 900.0);
        workerCompletes(highMinimum, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);
        employerDecides(true);
        assertThat(highMinimum).isWaitingAt(WITHDRAW_PROPOSAL)
                .variables().containsEntry(VAR_PLACEMENT_SUITABILITY, SUITABILITY_WAGE_TOO_LOW);
    }

    @Test
    void a_wage_below_the_minimum_wage_is_suitable_at_60_percent_of_the_previous_income_the_caller_passed() {
        ProcessInstance pi = startPlacement(1400.0);
        counsellorMatches(pi, VAR_MONTHLY_WAGE, 840.0);
        workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);
        employerDecides(true);

        assertThat(pi).isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED)
                .variables().containsEntry(VAR_PLACEMENT_SUITABILITY, SUITABILITY_SUITABLE);
    }

    @Test
    void without_a_suitable_vacancy_SA_is_told_and_the_plan_continues_without_a_placement() {
        ProcessInstance pi = startPlacement(2000.0);
        pesOffersTheVacancy(pi);
        complete(task(MATCH_VACANCY, pi), vars(VAR_NO_SUITABLE_VACANCY, true, VAR_MATCHING_NOTES, "Nothing in the region"));

        assertThat(workerCompletes(pi, NOTIFY_SA_NO_PLACEMENT, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_NO_PLACEMENT,
                INPUT_REASON, REASON_NO_SUITABLE_VACANCY));
        assertThat(pi).isEnded()
                .hasPassedInOrder(LIST_VACANCIES, MATCH_VACANCY, VACANCY_FOUND_GATEWAY, NOTIFY_SA_NO_PLACEMENT, NO_PLACEMENT)
                .hasNotPassed(PROPOSE_CANDIDATE)
                .variables().containsEntry(VAR_PLACEMENT_OUTCOME, OUTCOME_NO_PLACEMENT);
    }

    // ---- verification -------------------------------------------------------------------------------

    @Test
    void a_record_that_does_not_show_the_job_yet_is_checked_again_after_the_configured_wait() {
        ProcessInstance pi = suitableOfferAccepted();
        ClockUtil.setCurrentTime(at(2025, 4, 1, 0, 0));
        execute(jobAt(pi, START_DATE_REACHED));

        assertThat(workerCompletes(pi, VERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT, vars(VAR_INSURED_EMPLOYMENT_FOUND, false)))
                .isEqualTo(vars(
                        VAR_REFERENCE_ID, referenceId,
                        VAR_PERSON_ID, PERSON,
                        VAR_CORRELATION_ID, correlationId,
                        VAR_EMPLOYER_ID, EMPLOYER,
                        VAR_START_DATE, START_DATE,
                        INPUT_CHECK_DATE, START_DATE));
        assertThat(pi).isWaitingAt(PLACEMENT_REPORTED, RECHECK_WAIT);
        Job recheck = jobAt(pi, RECHECK_WAIT);
        assertThat(recheck.getDuedate()).isEqualTo(at(2025, 4, 8, 0, 0)); // P7D later

        ClockUtil.setCurrentTime(recheck.getDuedate());
        execute(recheck);
        workerCompletes(pi, VERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT, vars(VAR_INSURED_EMPLOYMENT_FOUND, true));
        assertThat(pi).isWaitingAt(PLACEMENT_REPORTED).isNotWaitingAt(RECHECK_WAIT);

        agencyReports(MESSAGE_PLACEMENT_REPORTED, referenceId, Map.of());
        assertThat(pi).isWaitingAt(NOTIFY_SA_PLACEMENT_VERIFIED)
                .hasPassedInOrder(START_DATE_REACHED, RECHECK_MERGE, VERIFY_EMPLOYMENT, INSURED_GATEWAY, RECHECK_WAIT,
                        RECHECK_MERGE, VERIFY_EMPLOYMENT, INSURED_GATEWAY, VERIFICATION_JOIN, PLACEMENT_VERIFIED)
                .variables().containsEntry(VAR_PLACEMENT_VERIFIED_AT, at(2025, 4, 8, 0, 0));
    }

    @Test
    void a_placement_not_verified_within_the_deadline_fails_and_SA_and_PES_are_told() {
        ProcessInstance pi = suitableOfferAccepted();
        agencyReports(MESSAGE_PLACEMENT_REPORTED, referenceId, Map.of()); // the employer confirms, the record never shows it

        Job deadline = jobAt(pi, VERIFICATION_DEADLINE_PASSED);
        ClockUtil.setCurrentTime(deadline.getDuedate());
        execute(deadline);

        assertThat(pi).isWaitingAt(NOTIFY_SA_PLACEMENT_FAILED).isNotWaitingAt(START_DATE_REACHED);
        Map<String, Object> failed = vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_PLACEMENT_FAILED,
                INPUT_REASON, REASON_NOT_VERIFIED_IN_TIME,
                VAR_EMPLOYER_ID, EMPLOYER);
        assertThat(workerCompletes(pi, NOTIFY_SA_PLACEMENT_FAILED, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(failed);
        assertThat(workerCompletes(pi, NOTIFY_PES_PLACEMENT_FAILED, TOPIC_PES_NOTIFY_OUTCOME)).isEqualTo(failed);
        assertThat(pi).isEnded()
                .hasPassedInOrder(VERIFY_PLACEMENT, VERIFICATION_DEADLINE_PASSED, NOT_VERIFIED_IN_TIME, FAILED_MERGE,
                        NOTIFY_SA_PLACEMENT_FAILED, NOTIFY_PES_PLACEMENT_FAILED, PLACEMENT_FAILED)
                .hasNotPassed(PLACEMENT_VERIFIED, EMPLOYED)
                .variables().containsEntry(VAR_PLACEMENT_OUTCOME, OUTCOME_PLACEMENT_FAILED)
                .doesNotContainKey(VAR_PLACEMENT_VERIFIED_AT);
    }

    // ---- after verification -------------------------------------------------------------------------

    @Test
    void a_checkpoint_without_insured_employment_on_record_ends_the_placement_as_failed() {
        ProcessInstance pi = verifiedPlacementNotified();
        checkpointPasses(pi, 30, at(2025, 5, 1, 0, 0), "2025-05-01");

        Job day90 = jobAt(pi, CHECKPOINT_REACHED);
        ClockUtil.setCurrentTime(day90.getDuedate());
        execute(day90);
        workerCompletes(pi, REVERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT, vars(VAR_INSURED_EMPLOYMENT_FOUND, false));

        assertThat(workerCompletes(pi, NOTIFY_SA_PLACEMENT_FAILED, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_OUTCOME, OUTCOME_PLACEMENT_FAILED)
                .containsEntry(INPUT_REASON, ERROR_EMPLOYMENT_NOT_ON_RECORD);
        assertThat(workerCompletes(pi, NOTIFY_PES_PLACEMENT_FAILED, TOPIC_PES_NOTIFY_OUTCOME))
                .containsEntry(INPUT_REASON, ERROR_EMPLOYMENT_NOT_ON_RECORD);
        assertThat(pi).isEnded()
                .hasPassedInOrder(REVERIFY_EMPLOYMENT, STILL_EMPLOYED_GATEWAY, RETENTION_NOT_CONFIRMED, RETENTION_CHECK_FAILED,
                        FAILED_MERGE, NOTIFY_SA_PLACEMENT_FAILED, NOTIFY_PES_PLACEMENT_FAILED, PLACEMENT_FAILED)
                .hasNotPassed(EMPLOYMENT_RETAINED, NOTIFY_SA_STABLE_EMPLOYMENT)
                .variables().containsEntry(VAR_PLACEMENT_OUTCOME, OUTCOME_PLACEMENT_FAILED)
                .containsEntry(VAR_PLACEMENT_VERIFIED_AT, at(2025, 4, 2, 10, 0));
    }

    @Test
    void employment_ending_after_verification_leads_to_re_engagement_at_PES() {
        ProcessInstance pi = verifiedPlacementNotified();
        checkpointPasses(pi, 30, at(2025, 5, 1, 0, 0), "2025-05-01");
        assertThat(pi).isWaitingAt(CHECKPOINT_REACHED);

        agencyReports(MESSAGE_EMPLOYMENT_ENDED, referenceId, vars(
                VAR_EMPLOYMENT_END_DATE, "2025-05-20",
                VAR_EMPLOYMENT_END_REASON, "DISMISSED"));

        Map<String, Object> ended = vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_RE_ENGAGEMENT,
                INPUT_REASON, "DISMISSED",
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_EMPLOYMENT_END_DATE, "2025-05-20");
        assertThat(workerCompletes(pi, NOTIFY_PES_RE_ENGAGEMENT, TOPIC_PES_NOTIFY_OUTCOME)).isEqualTo(ended);
        ended.put(INPUT_OUTCOME, OUTCOME_EMPLOYMENT_ENDED);
        assertThat(workerCompletes(pi, NOTIFY_SA_EMPLOYMENT_ENDED, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(ended);
        assertThat(pi).isEnded()
                .hasPassedInOrder(EMPLOYED, EMPLOYMENT_ENDED, NOTIFY_PES_RE_ENGAGEMENT, NOTIFY_SA_EMPLOYMENT_ENDED, RE_ENGAGEMENT)
                .hasNotPassed(EMPLOYMENT_RETAINED, NOTIFY_SA_PLACEMENT_FAILED)
                .variables().containsEntry(VAR_PLACEMENT_OUTCOME, OUTCOME_RE_ENGAGEMENT);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void employment_ending_before_the_verified_notices_went_out_still_leads_to_re_engagement() {
        ProcessInstance pi = verifiedPlacement();
        assertThat(pi).hasPassed(ESCALATE_PLACEMENT_VERIFIED).isWaitingAt(NOTIFY_SA_PLACEMENT_VERIFIED);

        agencyReports(MESSAGE_EMPLOYMENT_ENDED, referenceId, vars(VAR_EMPLOYMENT_END_REASON, "RESIGNED"));

        assertThat(pi).isWaitingAt(NOTIFY_PES_RE_ENGAGEMENT).isNotWaitingAt(NOTIFY_SA_PLACEMENT_VERIFIED);
    }

    @Test
    void a_caller_catching_the_verified_placement_gets_its_terms_at_once_while_retention_monitoring_goes_on() {
        BpmnModelInstance callerModel = Bpmn.createExecutableProcess("placement-caller")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Place")
                    .calledElement(PROCESS_KEY)
                    .camundaInBusinessKey("#{execution.processBusinessKey}")
                    .camundaIn(VAR_REFERENCE_ID, VAR_REFERENCE_ID)
                    .camundaIn(VAR_PERSON_ID, VAR_PERSON_ID)
                    .camundaIn(VAR_CORRELATION_ID, VAR_CORRELATION_ID)
                    .camundaIn(VAR_GIVEN_NAME, VAR_GIVEN_NAME)
                    .camundaIn(VAR_FAMILY_NAME, VAR_FAMILY_NAME)
                    .camundaOut(VAR_MONTHLY_WAGE, VAR_MONTHLY_WAGE)
                    .camundaOut(VAR_START_DATE, VAR_START_DATE)
                    .camundaOut(VAR_PLACEMENT_OUTCOME, VAR_PLACEMENT_OUTCOME)
                .endEvent()
                .moveToActivity("Place")
                .boundaryEvent("Verified")
                    .cancelActivity(false)
                    .escalation(ESCALATION_PLACEMENT_VERIFIED)
                .userTask("ActOnVerifiedPlacement")
                .endEvent()
                .done();
        String deploymentId = repositoryService().createDeployment()
                .addModelInstance("placement-caller.bpmn", callerModel).deploy().getId();
        try {
            referenceId = "REF-" + UUID.randomUUID();
            correlationId = UUID.randomUUID().toString();
            ProcessInstance caller = runtimeService().startProcessInstanceByKey("placement-caller", referenceId, vars(
                    VAR_REFERENCE_ID, referenceId, VAR_PERSON_ID, PERSON, VAR_CORRELATION_ID, correlationId,
                    VAR_GIVEN_NAME, "Amina", VAR_FAMILY_NAME, "Haddad"));
            ProcessInstance pi = runtimeService().createProcessInstanceQuery()
                    .superProcessInstanceId(caller.getId()).singleResult();
            counsellorMatches(pi);
            workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);
            employerDecides(true);
            assertThat(caller).isWaitingAt("Place").isNotWaitingAt("ActOnVerifiedPlacement");

            placementVerifiedOn(pi, at(2025, 4, 2, 10, 0));

            assertThat(caller).isWaitingAt("Place", "ActOnVerifiedPlacement").variables()
                    .containsEntry(VAR_MONTHLY_WAGE, 1500.0)
                    .containsEntry(VAR_START_DATE, START_DATE)
                    .containsEntry(VAR_PLACEMENT_OUTCOME, null);
            assertThat(pi).hasPassed(ESCALATE_PLACEMENT_VERIFIED).isWaitingAt(NOTIFY_SA_PLACEMENT_VERIFIED);
        } finally {
            repositoryService().deleteDeployment(deploymentId, true);
        }
    }

    // ---- forms and model conventions ----------------------------------------------------------------

    // ---- a placement PES made itself ---------------------------------------------------------------

    @Test
    void a_placement_PES_made_itself_skips_matching_and_is_verified_then_monitored_like_any_other() {
        ProcessInstance pi = pesReportsItsOwnPlacement();

        assertThat(pi).hasPassedInOrder(PLACEMENT_REQUESTED, PLACEMENT_MADE_GATEWAY, VERIFICATION_MERGE)
                .isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED)
                .hasNotPassed(LIST_VACANCIES, MATCH_VACANCY, PROPOSE_CANDIDATE, CHECK_SUITABILITY);
        assertThat(jobAt(pi, START_DATE_REACHED).getDuedate()).isEqualTo(at(2025, 4, 1, 0, 0));
        assertThat(jobAt(pi, VERIFICATION_DEADLINE_PASSED).getDuedate()).isEqualTo(at(2025, 5, 1, 0, 0));

        Date verifiedAt = at(2025, 4, 2, 10, 0);
        placementVerifiedOn(pi, verifiedAt);
        assertThat(workerCompletes(pi, NOTIFY_SA_PLACEMENT_VERIFIED, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_PLACEMENT_VERIFIED,
                INPUT_REASON, EMPLOYER,
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_START_DATE, START_DATE,
                VAR_HOURS_PER_WEEK, null,
                VAR_MONTHLY_WAGE, 1800.0,
                VAR_CONTRACT_TYPE, CONTRACT_PERMANENT,
                VAR_CONTRACT_MONTHS, null,
                VAR_PLACEMENT_VERIFIED_AT, verifiedAt));
        assertThat(workerCompletes(pi, NOTIFY_PES_PLACEMENT_VERIFIED, TOPIC_PES_NOTIFY_OUTCOME))
                .containsEntry(VAR_VACANCY_ID, null);
        assertThat(pi).isWaitingAt(CHECKPOINT_REACHED);
    }

    @Test
    void a_placement_PES_made_itself_that_ends_goes_to_re_engagement_like_any_other() {
        ProcessInstance pi = pesReportsItsOwnPlacement();
        placementVerifiedOn(pi, at(2025, 4, 2, 10, 0));

        agencyReports(MESSAGE_EMPLOYMENT_ENDED, referenceId, vars(
                VAR_EMPLOYMENT_END_DATE, "2025-04-20", VAR_EMPLOYMENT_END_REASON, "RESIGNED"));

        assertThat(pi).isWaitingAt(NOTIFY_PES_RE_ENGAGEMENT).isNotWaitingAt(NOTIFY_SA_PLACEMENT_VERIFIED);
    }

    @Test
    void a_placement_PES_made_itself_and_never_confirmed_fails_at_the_deadline() {
        ProcessInstance pi = pesReportsItsOwnPlacement();
        Job deadline = jobAt(pi, VERIFICATION_DEADLINE_PASSED);
        ClockUtil.setCurrentTime(deadline.getDuedate());
        execute(deadline);

        assertThat(pi).hasPassed(NOT_VERIFIED_IN_TIME).isWaitingAt(NOTIFY_SA_PLACEMENT_FAILED);
    }

    @Test
    void a_job_PES_found_while_the_counsellor_matches_ends_the_matching_and_is_verified_on_its_terms() {
        ProcessInstance pi = startPlacement(2000.0);
        pesOffersTheVacancy(pi);
        assertThat(pi).isWaitingAt(MATCH_VACANCY);

        runtimeService().createMessageCorrelation(MESSAGE_PLACEMENT_ATTACHED)
                .processInstanceId(pi.getId())
                .setVariablesToTriggeredScope(vars(
                        VAR_EMPLOYER_ID, "EMP-XYZ-002",
                        VAR_JOB_TITLE, "Forklift driver",
                        VAR_START_DATE, START_DATE,
                        VAR_MONTHLY_WAGE, 1900.0,
                        VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM,
                        VAR_HOURS_PER_WEEK, null,
                        VAR_CONTRACT_MONTHS, null,
                        VAR_VACANCY_ID, null))
                .correlateWithResult();

        assertThat(pi).hasPassedInOrder(MATCH_VACANCY, PLACEMENT_ATTACHED, VERIFICATION_MERGE)
                .hasNotPassed(VACANCY_FOUND_GATEWAY, PROPOSE_CANDIDATE, CHECK_SUITABILITY)
                .isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED)
                .variables()
                .containsEntry(VAR_REFERENCE_ID, referenceId)
                .containsEntry(VAR_EMPLOYER_ID, "EMP-XYZ-002")
                .containsEntry(VAR_MONTHLY_WAGE, 1900.0)
                .containsEntry(VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void new_terms_of_a_verified_placement_are_judged_SA_is_told_and_the_caller_hears_the_placement_again() {
        ProcessInstance pi = pesReportsItsOwnPlacement();
        placementVerifiedOn(pi, at(2025, 4, 2, 10, 0));
        workerCompletes(pi, NOTIFY_SA_PLACEMENT_VERIFIED, TOPIC_SA_NOTIFY_OUTCOME);
        workerCompletes(pi, NOTIFY_PES_PLACEMENT_VERIFIED, TOPIC_PES_NOTIFY_OUTCOME);

        agencyReports(MESSAGE_PLACEMENT_TERMS_CHANGED, referenceId, vars(VAR_HOURS_PER_WEEK, 12, VAR_MONTHLY_WAGE, 600.0));

        assertThat(pi).hasPassedInOrder(TERMS_CHANGE_REPORTED, CHECK_NEW_TERMS, VERIFIED_YET_GATEWAY,
                        ESCALATE_TERMS_CHANGED, TERMS_NOTICE_MERGE)
                .isWaitingAt(NOTIFY_SA_TERMS_CHANGED, CHECKPOINT_REACHED)
                .variables().containsEntry(VAR_PLACEMENT_SUITABILITY, SUITABILITY_HOURS_BELOW_MINIMUM);
        assertThat(workerCompletes(pi, NOTIFY_SA_TERMS_CHANGED, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_TERMS_CHANGED,
                INPUT_REASON, SUITABILITY_HOURS_BELOW_MINIMUM,
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_START_DATE, START_DATE,
                VAR_HOURS_PER_WEEK, 12,
                VAR_MONTHLY_WAGE, 600.0,
                VAR_CONTRACT_TYPE, CONTRACT_PERMANENT,
                VAR_CONTRACT_MONTHS, null));
        assertThat(pi).hasPassed(TERMS_CHANGE_HANDLED).isWaitingAt(CHECKPOINT_REACHED);
    }

    @Test
    void new_terms_before_the_verification_are_judged_and_told_and_the_verification_goes_on() {
        ProcessInstance pi = pesReportsItsOwnPlacement();

        agencyReports(MESSAGE_PLACEMENT_TERMS_CHANGED, referenceId, vars(VAR_HOURS_PER_WEEK, 38));

        assertThat(pi).hasPassed(CHECK_NEW_TERMS, VERIFIED_YET_GATEWAY).hasNotPassed(ESCALATE_TERMS_CHANGED)
                .isWaitingAt(NOTIFY_SA_TERMS_CHANGED, PLACEMENT_REPORTED, START_DATE_REACHED);
        assertThat(workerCompletes(pi, NOTIFY_SA_TERMS_CHANGED, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_REASON, SUITABILITY_SUITABLE).containsEntry(VAR_HOURS_PER_WEEK, 38);
        assertThat(pi).isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED);
    }

    @Test
    void the_vacancy_match_opens_its_form_with_the_fields_the_process_reads() {
        ProcessInstance pi = startPlacement(2000.0);
        pesOffersTheVacancy(pi);
        DocumentContext form = assertOpensForm(task(MATCH_VACANCY, pi), FORM_VACANCY_MATCH);
        assertThat(fieldKeys(form)).containsExactly(VAR_NO_SUITABLE_VACANCY, VAR_VACANCY_ID, VAR_START_DATE,
                VAR_MATCHING_NOTES);
        // the vacancy, and with it the employer and the terms, is picked from what PES offers, never typed
        List<String> vacancyTypes = form.read("$.components[?(@.key == 'vacancyId')].type");
        List<String> vacancyOptions = form.read("$.components[?(@.key == 'vacancyId')].valuesKey");
        assertThat(vacancyTypes).containsExactly("select");
        assertThat(vacancyOptions).containsExactly(VAR_VACANCY_OPTIONS);
        assertIsoDateField(form);
    }

    @Test
    void the_open_vacancies_are_read_before_the_match_with_nothing_but_the_three_fields_of_every_call() {
        ProcessInstance pi = startPlacement(2000.0);

        assertThat(pesOffersTheVacancy(pi)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId));
        assertThat(taskService().getVariableTyped(task(MATCH_VACANCY, pi).getId(), VAR_VACANCY_OPTIONS).getType()
                .getName()).isEqualTo("json");
    }

    @Test
    void the_match_is_due_in_ten_working_days_with_a_description_that_names_the_person_and_the_case() {
        ProcessInstance pi = startPlacement(2000.0);
        pesOffersTheVacancy(pi);

        Task match = task(MATCH_VACANCY, pi);
        assertThat(match.getDueDate()).isEqualTo(at(2025, 3, 17, 9, 0)); // Monday 09:00 + 10 working days
        assertThat(match.getPriority()).isEqualTo(50);
        assertThat(match.getDescription()).isEqualTo("Match Amina Haddad (referral " + referenceId
                + ", PES case PES-2025-000123) to one of the open vacancies at PES, or record that none suits now.");
    }

    @Test
    void the_employer_and_the_terms_of_a_fixed_term_vacancy_come_from_its_entry_at_pes() {
        ProcessInstance pi = startPlacement(2000.0);
        counsellorMatches(pi, VAR_EMPLOYER_NAME, "City Care Homes", VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM,
                VAR_CONTRACT_MONTHS, 12, VAR_HOURS_PER_WEEK, 36.5);

        assertThat(pi).variables()
                .containsEntry(VAR_EMPLOYER_ID, EMPLOYER)
                .containsEntry(VAR_EMPLOYER_NAME, "City Care Homes")
                .containsEntry(VAR_JOB_TITLE, "Customer service representative")
                .containsEntry(VAR_HOURS_PER_WEEK, 36.5)
                .containsEntry(VAR_MONTHLY_WAGE, 1500.0)
                .containsEntry(VAR_CONTRACT_TYPE, CONTRACT_FIXED_TERM)
                .containsEntry(VAR_CONTRACT_MONTHS, 12);
    }

    @Test
    void every_human_task_has_a_candidate_group_and_its_own_deployed_form() {
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsOnly(entry(MATCH_VACANCY, FORM_VACANCY_MATCH));
    }

    @Test
    void every_service_task_is_an_async_external_task_with_retries_back_off_purpose_and_a_declared_payload() {
        assertThat(assertServiceTaskConventions(PROCESS_KEY, PURPOSE_EMPLOYMENT_ACTIVATION)).containsOnly(
                entry(LIST_VACANCIES, TOPIC_LIST_VACANCIES),
                entry(NOTIFY_SA_NO_PLACEMENT, TOPIC_SA_NOTIFY_OUTCOME),
                entry(PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE),
                entry(WITHDRAW_PROPOSAL, TOPIC_WITHDRAW_PROPOSAL),
                entry(VERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT),
                entry(NOTIFY_SA_PLACEMENT_VERIFIED, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_PES_PLACEMENT_VERIFIED, TOPIC_PES_NOTIFY_OUTCOME),
                entry(REVERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT),
                entry(NOTIFY_SA_RETENTION_CONFIRMED, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_PES_RETENTION_CONFIRMED, TOPIC_PES_NOTIFY_OUTCOME),
                entry(NOTIFY_PES_RE_ENGAGEMENT, TOPIC_PES_NOTIFY_OUTCOME),
                entry(NOTIFY_SA_EMPLOYMENT_ENDED, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_SA_PLACEMENT_FAILED, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_PES_PLACEMENT_FAILED, TOPIC_PES_NOTIFY_OUTCOME),
                entry(NOTIFY_SA_STABLE_EMPLOYMENT, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_PES_STABLE_EMPLOYMENT, TOPIC_PES_NOTIFY_OUTCOME),
                entry(NOTIFY_SA_TERMS_CHANGED, TOPIC_SA_NOTIFY_OUTCOME));
    }

    // ---- steps ----------------------------------------------------------------------------------------

    private void useSettings(List<Integer> checkpointDays, double minimumWage) {
        Mocks.register(SETTINGS_BEAN,
                new JobPlacementSettings(10, 30, Duration.ofDays(7), checkpointDays, minimumWage, ZONE));
    }

    private ProcessInstance startPlacement(Double previousMonthlyIncome) {
        referenceId = "REF-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        Map<String, Object> variables = vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                VAR_GIVEN_NAME, "Amina",
                VAR_FAMILY_NAME, "Haddad",
                VAR_PES_CASE_NUMBER, "PES-2025-000123");
        if (previousMonthlyIncome != null) {
            variables.put(VAR_PREVIOUS_MONTHLY_INCOME, previousMonthlyIncome);
        }
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, variables);
    }

    /** PES reports a permanent job it found itself, as pes-reported-placement calls job-placement. */
    private ProcessInstance pesReportsItsOwnPlacement() {
        referenceId = "PLACE-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, vars(
                        VAR_PLACEMENT_MADE_BY_PES, true,
                        VAR_REFERENCE_ID, referenceId,
                        VAR_PERSON_ID, PERSON,
                        VAR_CORRELATION_ID, correlationId,
                        VAR_EMPLOYER_ID, EMPLOYER,
                        VAR_JOB_TITLE, "Warehouse operative",
                        VAR_START_DATE, START_DATE,
                        VAR_MONTHLY_WAGE, 1800.0,
                        VAR_CONTRACT_TYPE, CONTRACT_PERMANENT,
                        VAR_HOURS_PER_WEEK, null,
                        VAR_CONTRACT_MONTHS, null,
                        VAR_VACANCY_ID, null));
    }

    /**
     * The counsellor picks the vacancy PES offers (read first, if the process still waits for the
     * read) and a start on 1 April 2025, as Tasklist submits the form.
     *
     * @param termOverrides pairs that change the vacancy's entry at PES, see {@link #pesOffersTheVacancy}
     */
    private void counsellorMatches(ProcessInstance pi, Object... termOverrides) {
        if (taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(MATCH_VACANCY).count() == 0) {
            pesOffersTheVacancy(pi, termOverrides);
        }
        Task match = task(MATCH_VACANCY, pi);
        assertOpensForm(match, FORM_VACANCY_MATCH);
        complete(match, vars(
                VAR_NO_SUITABLE_VACANCY, false,
                VAR_VACANCY_ID, VACANCY,
                VAR_START_DATE, START_DATE,
                VAR_MATCHING_NOTES, null));
    }

    /**
     * The read of the open vacancies, served as the worker does with what the route makes of PES's
     * answer: one vacancy, a permanent 38-hour job at 1,500 a month; pairs override its terms.
     *
     * @return what the worker received
     */
    private Map<String, Object> pesOffersTheVacancy(ProcessInstance pi, Object... termOverrides) {
        Map<String, Object> vacancy = vars(
                VAR_EMPLOYER_ID, EMPLOYER,
                VAR_EMPLOYER_NAME, "ABC Company Ltd",
                VAR_JOB_TITLE, "Customer service representative",
                VAR_HOURS_PER_WEEK, 38,
                VAR_MONTHLY_WAGE, 1500.0,
                VAR_CONTRACT_TYPE, CONTRACT_PERMANENT,
                VAR_CONTRACT_MONTHS, null);
        vacancy.putAll(vars(termOverrides));
        Map<String, Object> option = vars("label", "Customer service representative · " + vacancy.get(VAR_EMPLOYER_NAME),
                "value", VACANCY);
        try {
            return workerCompletes(pi, LIST_VACANCIES, TOPIC_LIST_VACANCIES, vars(
                    VAR_VACANCY_OPTIONS, SpinValues.jsonValue(JSON.writeValueAsString(List.of(option))).create(),
                    VAR_VACANCY_CATALOGUE, SpinValues.jsonValue(JSON.writeValueAsString(Map.of(VACANCY, vacancy))).create()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void employerDecides(boolean accepted, Object... eventFields) {
        Map<String, Object> event = vars(eventFields);
        event.put(VAR_EMPLOYER_ACCEPTED, accepted);
        agencyReports(MESSAGE_EMPLOYER_DECIDED, referenceId, event);
    }

    private ProcessInstance suitableOfferAccepted() {
        ProcessInstance pi = startPlacement(2000.0);
        counsellorMatches(pi);
        workerCompletes(pi, PROPOSE_CANDIDATE, TOPIC_PROPOSE_CANDIDATE);
        employerDecides(true);
        assertThat(pi).isWaitingAt(PLACEMENT_REPORTED, START_DATE_REACHED);
        return pi;
    }

    private ProcessInstance verifiedPlacement() {
        ProcessInstance pi = suitableOfferAccepted();
        placementVerifiedOn(pi, at(2025, 4, 2, 10, 0));
        return pi;
    }

    private ProcessInstance verifiedPlacementNotified() {
        ProcessInstance pi = verifiedPlacement();
        workerCompletes(pi, NOTIFY_SA_PLACEMENT_VERIFIED, TOPIC_SA_NOTIFY_OUTCOME);
        workerCompletes(pi, NOTIFY_PES_PLACEMENT_VERIFIED, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(pi).isWaitingAt(CHECKPOINT_REACHED);
        return pi;
    }

    /** The start date comes, the record shows the job, then the employer confirms at {@code when}. */
    private void placementVerifiedOn(ProcessInstance pi, Date when) {
        ClockUtil.setCurrentTime(jobAt(pi, START_DATE_REACHED).getDuedate());
        execute(jobAt(pi, START_DATE_REACHED));
        workerCompletes(pi, VERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT, vars(VAR_INSURED_EMPLOYMENT_FOUND, true));
        assertThat(pi).isWaitingAt(PLACEMENT_REPORTED);

        ClockUtil.setCurrentTime(when);
        agencyReports(MESSAGE_PLACEMENT_REPORTED, referenceId, Map.of());
        assertThat(pi).hasPassed(VERIFICATION_JOIN, PLACEMENT_VERIFIED).isWaitingAt(NOTIFY_SA_PLACEMENT_VERIFIED);
    }

    /** The checkpoint timer fires on its day, the record still shows the job, SA and PES are told. */
    private void checkpointPasses(ProcessInstance pi, int day, Date due, String checkDate) {
        Job checkpoint = jobAt(pi, CHECKPOINT_REACHED);
        assertThat(checkpoint.getDuedate()).as("checkpoint day %s", day).isEqualTo(due);
        ClockUtil.setCurrentTime(due);
        execute(checkpoint);

        assertThat(workerCompletes(pi, REVERIFY_EMPLOYMENT, TOPIC_VERIFY_EMPLOYMENT,
                vars(VAR_INSURED_EMPLOYMENT_FOUND, true))).isEqualTo(vars(
                        VAR_REFERENCE_ID, referenceId,
                        VAR_PERSON_ID, PERSON,
                        VAR_CORRELATION_ID, correlationId,
                        VAR_EMPLOYER_ID, EMPLOYER,
                        VAR_START_DATE, START_DATE,
                        INPUT_CHECK_DATE, checkDate,
                        VAR_CHECKPOINT_DAY, day));
        Map<String, Object> retained = vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_RETENTION_CONFIRMED,
                INPUT_REASON, REASON_INSURED_EMPLOYMENT_ON_RECORD,
                VAR_CHECKPOINT_DAY, day,
                VAR_EMPLOYER_ID, EMPLOYER);
        assertThat(workerCompletes(pi, NOTIFY_SA_RETENTION_CONFIRMED, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(retained);
        assertThat(workerCompletes(pi, NOTIFY_PES_RETENTION_CONFIRMED, TOPIC_PES_NOTIFY_OUTCOME)).isEqualTo(retained);
    }
}
