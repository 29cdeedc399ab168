package org.esphub.processes;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.EmploymentStatusVerification.*;
import static org.esphub.processes.LifecycleProcessSteps.*;

import com.jayway.jsonpath.DocumentContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * employment-status-verification, path by path, with the benefit-adjustment it calls. The test plays every
 * worker (SA's profile, the three sources, the hub's weighing, the notice to SA) and the SA caseworker.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_IDENTITY_MATCH_RESOURCE, FORM_IDENTITY_RESOLUTION_RESOURCE,
        FORM_STATUS_REVIEW_RESOURCE, BenefitAdjustment.BPMN_RESOURCE, BenefitAdjustment.DMN_RESOURCE,
        BenefitAdjustment.FORM_APPROVAL_RESOURCE, Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE,
        Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class EmploymentStatusVerificationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Date MONDAY_0900 = Date.from(Instant.parse("2025-03-03T09:00:00Z"));
    private static final String PERSON = "10000000042";
    private static final String SA_CASEWORKER = "sa-worker";
    private static final String FRESH = "2025-03-02T00:00:00Z";
    private static final String TAX_FRESH = "2025-02-28";

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(MONDAY_0900);
        Mocks.register(SETTINGS_BEAN, new EmploymentStatusVerificationSettings(Duration.parse("PT1H")));
        Mocks.register(BenefitAdjustment.SETTINGS_BEAN, new BenefitAdjustmentSettings(Duration.parse("P30D")));
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    // ---- conventions ---------------------------------------------------------------------------------

    @Test
    void every_service_task_is_an_external_task_for_benefit_administration_and_every_human_task_has_its_form() {
        assertThat(assertServiceTaskConventions(PROCESS_KEY, PURPOSE_BENEFIT_ADMINISTRATION)).containsOnly(
                entry(FETCH_PROFILE, TOPIC_FETCH_PROFILE),
                entry(NOTIFY_IDENTITY_UNRESOLVED, TOPIC_NOTIFY_SA),
                entry(ASK_PES, TOPIC_PES_LABOUR_STATUS),
                entry(ASK_TAX_AUTHORITY, TOPIC_TAX_INSURED_EMPLOYMENT),
                entry(ASK_EMPLOYER, TOPIC_EMPLOYER_CONFIRMATION),
                entry(WEIGH_FINDINGS, TOPIC_WEIGH_FINDINGS),
                entry(NOTIFY_STATUS_VERIFIED, TOPIC_NOTIFY_SA));
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsOnly(
                entry(RESOLVE_IDENTITY, FORM_IDENTITY_RESOLUTION),
                entry(REVIEW_STATUS, FORM_STATUS_REVIEW));
    }

    // ---- confident verdicts ---------------------------------------------------------------------------

    @Test
    void sources_agreeing_the_person_is_not_in_work_tell_SA_the_status_and_change_nothing() {
        ProcessInstance pi = verifiedIdentity();
        sourcesAnswer(pi, "REGISTERED_JOBSEEKER", "NOT_EMPLOYED", "NOT_EMPLOYED");
        Map<String, Object> weighed = hubWeighs(pi, "UNEMPLOYED", 0.9, false);
        assertThat(weighed).contains(
                entry(VAR_PES_FINDING, "REGISTERED_JOBSEEKER"), entry(VAR_PES_AS_OF, FRESH),
                entry(VAR_TAX_FINDING, "NOT_EMPLOYED"), entry(VAR_TAX_AS_OF, TAX_FRESH),
                entry(VAR_EMPLOYER_FINDING, "NOT_EMPLOYED"), entry(VAR_EMPLOYER_AS_OF, FRESH));

        assertThat(pi).hasPassed(CONFIDENCE_GATEWAY).hasNotPassed(REVIEW_STATUS);
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_STATUS_VERIFIED, TOPIC_NOTIFY_SA);
        assertThat(notice).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId), entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_STATUS_VERIFIED), entry(VAR_EMPLOYMENT_STATUS, "UNEMPLOYED"),
                entry(VAR_CONFIDENCE, 0.9), entry(INPUT_REASON, "the sources agree"));
        assertThat(pi).isEnded().hasPassed(NO_CHANGE).hasNotPassed(ADJUST_BENEFIT);
        assertThat(pi).variables().containsEntry(VAR_VERIFICATION_OUTCOME, VERIFICATION_OUTCOME_NO_CHANGE);
    }

    @Test
    void a_confident_employment_while_SA_pays_calls_the_benefit_adjustment_with_the_job_s_income() {
        ProcessInstance pi = verifiedIdentity();
        sourcesAnswer(pi, "NOT_KNOWN", "EMPLOYED", "EMPLOYED");
        hubWeighs(pi, "EMPLOYED", 0.8, false);
        workerCompletes(pi, NOTIFY_STATUS_VERIFIED, TOPIC_NOTIFY_SA);

        assertThat(pi).isWaitingAt(ADJUST_BENEFIT);
        ProcessInstance adjustment = calledProcessInstance(BenefitAdjustment.PROCESS_KEY, pi);
        assertThat(adjustment).hasBusinessKey(referenceId).isWaitingAt(BenefitAdjustment.APPROVE_ADJUSTMENT);
        assertThat(adjustment).variables()
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER,
                        BenefitAdjustment.TRIGGER_EMPLOYMENT_STATUS_CHANGED)
                .containsEntry(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 240.0)
                .containsEntry(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, 1450.0)
                .containsEntry(BenefitAdjustment.VAR_EMPLOYMENT_STATUS, "EMPLOYED")
                .containsEntry(BenefitAdjustment.VAR_GIVEN_NAME, "Amina")
                .containsEntry(BenefitAdjustment.VAR_FAMILY_NAME, "Haddad")
                .containsEntry(BenefitAdjustment.VAR_STABLE_EMPLOYMENT_DAYS, null);

        adjustmentApprovedAndUnchallenged(adjustment);
        assertThat(pi).isEnded().hasPassed(BENEFIT_ADJUSTED);
        assertThat(pi).variables()
                .containsEntry(VAR_VERIFICATION_OUTCOME, VERIFICATION_OUTCOME_BENEFIT_ADJUSTED)
                .containsEntry(BenefitAdjustment.VAR_ADJUSTMENT_OUTCOME, BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED);
    }

    @Test
    void an_employment_while_SA_pays_nothing_changes_nothing() {
        ProcessInstance pi = verifiedIdentity(ReferralToPes.VAR_MONTHLY_BENEFIT_AMOUNT, null);
        sourcesAnswer(pi, "NOT_KNOWN", "EMPLOYED", "EMPLOYED");
        hubWeighs(pi, "EMPLOYED", 0.8, false);
        workerCompletes(pi, NOTIFY_STATUS_VERIFIED, TOPIC_NOTIFY_SA);
        assertThat(pi).isEnded().hasPassed(NO_CHANGE).hasNotPassed(ADJUST_BENEFIT);
    }

    // ---- review ------------------------------------------------------------------------------------

    @Test
    void disagreeing_sources_reach_the_SA_caseworkers_and_a_confirmed_employment_adjusts_the_benefit() {
        ProcessInstance pi = verifiedIdentity();
        sourcesAnswer(pi, "REGISTERED_JOBSEEKER", "EMPLOYED", "NOT_KNOWN");
        hubWeighs(pi, "EMPLOYED", 0.43, true);

        assertThat(pi).isWaitingAt(REVIEW_STATUS);
        Task review = task(REVIEW_STATUS, pi);
        assertThat(review).hasName("Review employment status").hasCandidateGroup(GROUP_SA_CASEWORKERS).isNotAssigned()
                .hasDueDate(Date.from(Instant.parse("2025-03-05T09:00:00Z")))
                .hasDescription("Employment-status verification for Amina Haddad (reference " + referenceId
                        + "): the sources do not agree well enough (confidence 0.43, the rules say EMPLOYED). Look at"
                        + " each source's finding, then confirm the status the person is in.");
        assertThat(review.getPriority()).isEqualTo(TaskPriorities.ROUTINE);
        DocumentContext form = assertOpensForm(review, FORM_STATUS_REVIEW);
        assertThat(fieldKeys(form)).containsExactly(VAR_EMPLOYMENT_STATUS, VAR_REVIEW_NOTE);
        List<String> sources = form.read("$.components[?(@.id == 'Text_Sources')].text");
        assertThat(sources.get(0)).contains("{{taxFinding}}", "{{employerFinding}}", "{{pesFinding}}");

        saCaseworkerCompletes(review, vars(VAR_EMPLOYMENT_STATUS, "EMPLOYED", VAR_REVIEW_NOTE, "payslips seen"));
        assertThat(pi).variables().containsEntry(VAR_STATUS_REVIEWED_BY, SA_CASEWORKER);
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_STATUS_VERIFIED, TOPIC_NOTIFY_SA);
        assertThat(notice).contains(entry(VAR_EMPLOYMENT_STATUS, "EMPLOYED"),
                entry(INPUT_REASON, "the sources disagree Review: payslips seen"));
        assertThat(pi).isWaitingAt(ADJUST_BENEFIT);
    }

    @Test
    void a_reviewer_who_finds_the_person_not_in_work_ends_the_verification_without_a_change() {
        ProcessInstance pi = verifiedIdentity();
        sourcesAnswer(pi, "REGISTERED_JOBSEEKER", "EMPLOYED", "NOT_EMPLOYED");
        hubWeighs(pi, "EMPLOYED", 0.2, true);
        saCaseworkerCompletes(task(REVIEW_STATUS, pi),
                vars(VAR_EMPLOYMENT_STATUS, "UNEMPLOYED", VAR_REVIEW_NOTE, "job ended last month"));
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_STATUS_VERIFIED, TOPIC_NOTIFY_SA);
        assertThat(notice).contains(entry(VAR_EMPLOYMENT_STATUS, "UNEMPLOYED"));
        assertThat(pi).isEnded().hasPassed(REVIEW_STATUS, NO_CHANGE).hasNotPassed(ADJUST_BENEFIT);
    }

    // ---- a source that does not answer ---------------------------------------------------------------

    @Test
    void a_silent_source_is_weighed_as_not_answered_once_its_wait_limit_passed() {
        ProcessInstance pi = verifiedIdentity();
        workerCompletes(pi, ASK_PES, TOPIC_PES_LABOUR_STATUS, vars(VAR_PES_FINDING, "REGISTERED_JOBSEEKER",
                VAR_PES_AS_OF, FRESH));
        workerCompletes(pi, ASK_TAX_AUTHORITY, TOPIC_TAX_INSURED_EMPLOYMENT, vars(VAR_TAX_FINDING, "NOT_EMPLOYED",
                VAR_TAX_AS_OF, TAX_FRESH));
        // the employer's task is fetched and fails over and over: the timer gives up on it
        executeJob(pi, ASK_EMPLOYER);
        assertThat(jobAt(pi, EMPLOYER_SILENT).getDuedate()).isEqualTo(Date.from(Instant.parse("2025-03-03T10:00:00Z")));
        executeJob(pi, EMPLOYER_SILENT);

        Map<String, Object> weighed = hubWeighs(pi, "UNEMPLOYED", 0.6, true);
        assertThat(weighed).contains(entry(VAR_EMPLOYER_FINDING, null), entry(VAR_EMPLOYER_AS_OF, null),
                entry(VAR_TAX_FINDING, "NOT_EMPLOYED"));
        assertThat(pi).hasPassed(EMPLOYER_SILENT).isWaitingAt(REVIEW_STATUS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AskPes,PesSilent", "AskTaxAuthority,TaxAuthoritySilent", "AskEmployer,EmployerSilent"})
    void each_source_silent_past_its_wait_limit_is_left_out_and_the_others_are_weighed(String ask, String silent) {
        ProcessInstance pi = verifiedIdentity();
        Map<String, Map<String, Object>> answers = Map.of(
                ASK_PES, vars(VAR_PES_FINDING, "REGISTERED_JOBSEEKER", VAR_PES_AS_OF, FRESH),
                ASK_TAX_AUTHORITY, vars(VAR_TAX_FINDING, "NOT_EMPLOYED", VAR_TAX_AS_OF, TAX_FRESH),
                ASK_EMPLOYER, vars(VAR_EMPLOYER_FINDING, "NOT_EMPLOYED", VAR_EMPLOYER_AS_OF, FRESH));
        Map<String, String> topics = Map.of(ASK_PES, TOPIC_PES_LABOUR_STATUS, ASK_TAX_AUTHORITY,
                TOPIC_TAX_INSURED_EMPLOYMENT, ASK_EMPLOYER, TOPIC_EMPLOYER_CONFIRMATION);
        for (String source : List.of(ASK_PES, ASK_TAX_AUTHORITY, ASK_EMPLOYER)) {
            if (!source.equals(ask)) {
                workerCompletes(pi, source, topics.get(source), answers.get(source));
            }
        }
        executeJob(pi, ask);
        executeJob(pi, silent);

        Map<String, Object> weighed = hubWeighs(pi, "UNEMPLOYED", 0.8, false);
        String silentFinding = answers.get(ask).keySet().stream().filter(name -> name.endsWith("Finding")).findFirst()
                .orElseThrow();
        assertThat(weighed).containsEntry(silentFinding, null);
        assertThat(pi).hasPassed(silent).isWaitingAt(NOTIFY_STATUS_VERIFIED);
        assertThat(externalTaskService().createExternalTaskQuery().processInstanceId(pi.getId())
                .activityId(ask).count()).as("the silent source's task is withdrawn").isZero();
    }

    // ---- identity ------------------------------------------------------------------------------------

    @Test
    void a_request_whose_names_differ_from_SA_s_record_waits_for_a_caseworker_before_any_source_is_asked() {
        ProcessInstance pi = start(VAR_REQUEST_FAMILY_NAME, "Hadad", VAR_REQUEST_GIVEN_NAME, "Amira");
        saRecordRead(pi, 240.0);
        assertThat(pi).isWaitingAt(RESOLVE_IDENTITY).hasNotPassed(ASK_SOURCES);
        assertThat(pi).variables().containsEntry(VAR_IDENTITY_MATCH_SCORE, 0.65);
        Task resolve = task(RESOLVE_IDENTITY, pi);
        assertThat(resolve).hasCandidateGroup(GROUP_SA_CASEWORKERS)
                .hasDescription("Employment-status verification for Amina Haddad (reference " + referenceId
                        + "): the request does not match SA's record well enough (score 0.65, 2 identifiers given)."
                        + " Compare the request with SA's record, then confirm it is the same person or say why not.");
        assertThat(fieldKeys(assertOpensForm(resolve, FORM_IDENTITY_RESOLUTION)))
                .containsExactly(VAR_IDENTITY_DECISION, VAR_IDENTITY_NOTE);

        saCaseworkerCompletes(resolve, vars(VAR_IDENTITY_DECISION, IDENTITY_CONFIRMED, VAR_IDENTITY_NOTE,
                "spelling of the passport"));
        assertThat(pi).hasPassed(IDENTITY_MERGE, ASK_SOURCES);
        sourcesAnswer(pi, "REGISTERED_JOBSEEKER", "NOT_EMPLOYED", "NOT_EMPLOYED");
        assertThat(pi).isWaitingAt(WEIGH_FINDINGS);
    }

    @Test
    void a_request_with_one_identifier_whose_identity_the_caseworker_does_not_confirm_tells_SA_and_asks_nobody() {
        ProcessInstance pi = start(VAR_IDENTIFIER_COUNT, 1);
        saRecordRead(pi, 240.0);
        assertThat(pi).variables().containsEntry(VAR_IDENTITY_MATCH_SCORE, 1.0);
        saCaseworkerCompletes(task(RESOLVE_IDENTITY, pi), vars(VAR_IDENTITY_DECISION, IDENTITY_NOT_CONFIRMED,
                VAR_IDENTITY_NOTE, "only the national id was given"));
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_IDENTITY_UNRESOLVED, TOPIC_NOTIFY_SA);
        assertThat(notice).contains(entry(INPUT_OUTCOME, OUTCOME_IDENTITY_UNRESOLVED),
                entry(INPUT_REASON, "only the national id was given"));
        assertThat(pi).isEnded().hasPassed(IDENTITY_UNRESOLVED).hasNotPassed(ASK_SOURCES);
        assertThat(pi).variables().containsEntry(VAR_VERIFICATION_OUTCOME, VERIFICATION_OUTCOME_IDENTITY_UNRESOLVED);
    }

    @Test
    void a_person_SA_does_not_know_is_reported_back_without_asking_any_source() {
        ProcessInstance pi = start();
        executeJob(pi, FETCH_PROFILE);
        String taskId = externalTaskService().fetchAndLock(1, WORKER).topic(TOPIC_FETCH_PROFILE, 60_000)
                .execute().get(0).getId();
        externalTaskService().handleBpmnError(taskId, WORKER, ReferralToPes.ERROR_PERSON_UNKNOWN,
                "SA has no person " + PERSON);
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_IDENTITY_UNRESOLVED, TOPIC_NOTIFY_SA);
        assertThat(notice).contains(entry(INPUT_REASON, "SA has no person " + PERSON));
        assertThat(pi).isEnded().hasPassed(PERSON_UNKNOWN, IDENTITY_UNRESOLVED).hasNotPassed(MATCH_IDENTITY);
    }

    // ---- steps ---------------------------------------------------------------------------------------

    private ProcessInstance start(Object... overrides) {
        referenceId = "VER-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, referenceId);
        variables.put(VAR_PERSON_ID, PERSON);
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_REQUEST_GIVEN_NAME, "Amina");
        variables.put(VAR_REQUEST_FAMILY_NAME, "Haddad");
        variables.put(VAR_REQUEST_BIRTH_DATE, "1991-04-12");
        variables.put(VAR_IDENTIFIER_COUNT, 2);
        variables.put(VAR_VERIFICATION_TRIGGER, TRIGGER_SA_REQUEST);
        variables.put(VAR_GIVEN_NAME, "Amina");
        variables.put(VAR_FAMILY_NAME, "Haddad");
        for (int i = 0; i < overrides.length; i += 2) {
            variables.put((String) overrides[i], overrides[i + 1]);
        }
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, variables);
        assertThat(pi).isStarted().hasBusinessKey(referenceId).isWaitingAt(FETCH_PROFILE);
        return pi;
    }

    /** SA's record as sa.fetch-profile completes with it (the referral's fields). */
    private void saRecordRead(ProcessInstance pi, Double monthlyBenefit) {
        Map<String, Object> asked = workerCompletes(pi, FETCH_PROFILE, TOPIC_FETCH_PROFILE, vars(
                VAR_GIVEN_NAME, "Amina", VAR_FAMILY_NAME, "Haddad", VAR_BIRTH_DATE, "1991-04-12",
                ReferralToPes.VAR_WORK_ABLE, true, ReferralToPes.VAR_BENEFIT_STATUS, "ACTIVE",
                ReferralToPes.VAR_BENEFIT_END_DATE, null, VAR_MONTHLY_BENEFIT_AMOUNT, monthlyBenefit));
        assertThat(asked).containsOnly(entry(VAR_REFERENCE_ID, referenceId), entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId));
    }

    /** Started with the default request, SA's record matches it: the sources are asked. */
    private ProcessInstance verifiedIdentity(Object... overrides) {
        Double benefit = 240.0;
        for (int i = 0; i < overrides.length; i += 2) {
            if (ReferralToPes.VAR_MONTHLY_BENEFIT_AMOUNT.equals(overrides[i])) {
                benefit = (Double) overrides[i + 1];
            }
        }
        ProcessInstance pi = start();
        saRecordRead(pi, benefit);
        assertThat(pi).hasPassedInOrder(VERIFICATION_REQUESTED, FETCH_PROFILE, MATCH_IDENTITY, IDENTITY_GATEWAY,
                IDENTITY_MERGE, ASK_SOURCES);
        assertThat(pi).variables().containsEntry(VAR_IDENTITY_MATCH_SCORE, 1.0);
        assertThat(pi).isWaitingAt(ASK_PES, ASK_TAX_AUTHORITY, ASK_EMPLOYER);
        return pi;
    }

    private void sourcesAnswer(ProcessInstance pi, String pes, String tax, String employer) {
        workerCompletes(pi, ASK_PES, TOPIC_PES_LABOUR_STATUS, vars(VAR_PES_FINDING, pes, VAR_PES_AS_OF, FRESH));
        Map<String, Object> taxResult = vars(VAR_TAX_FINDING, tax, VAR_TAX_AS_OF, TAX_FRESH);
        if ("EMPLOYED".equals(tax)) {
            taxResult.putAll(vars(VAR_EMPLOYER_NAME, "Acme Manufacturing", VAR_EMPLOYMENT_START_DATE, "2025-02-01",
                    VAR_MONTHLY_EMPLOYMENT_INCOME, 1450.0));
        }
        workerCompletes(pi, ASK_TAX_AUTHORITY, TOPIC_TAX_INSURED_EMPLOYMENT, taxResult);
        workerCompletes(pi, ASK_EMPLOYER, TOPIC_EMPLOYER_CONFIRMATION,
                vars(VAR_EMPLOYER_FINDING, employer, VAR_EMPLOYER_AS_OF, FRESH));
        assertThat(pi).hasPassed(SOURCES_ANSWERED);
    }

    /** The hub's confidence rule, as its worker completes; returns what the rule was given. */
    private Map<String, Object> hubWeighs(ProcessInstance pi, String status, double confidence, boolean review) {
        return workerCompletes(pi, WEIGH_FINDINGS, TOPIC_WEIGH_FINDINGS, vars(VAR_EMPLOYMENT_STATUS, status,
                VAR_CONFIDENCE, confidence, VAR_MANUAL_REVIEW_REQUIRED, review,
                VAR_FINDINGS_SUMMARY, review ? "the sources disagree" : "the sources agree"));
    }

    private void saCaseworkerCompletes(Task task, Map<String, Object> formValues) {
        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        try {
            claim(task, SA_CASEWORKER);
            complete(task, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private void adjustmentApprovedAndUnchallenged(ProcessInstance adjustment) {
        saCaseworkerCompletes(task(BenefitAdjustment.APPROVE_ADJUSTMENT, adjustment),
                vars(BenefitAdjustment.VAR_APPROVAL_DECISION, BenefitAdjustment.APPROVAL_APPROVED));
        workerCompletes(adjustment, BenefitAdjustment.NOTIFY_ADJUSTMENT_DECIDED, BenefitAdjustment.TOPIC_NOTIFY_SA);
        executeJob(adjustment, BenefitAdjustment.APPEAL_WINDOW_CLOSED);
        workerCompletes(adjustment, BenefitAdjustment.APPLY_ADJUSTMENT,
                BenefitAdjustment.TOPIC_APPLY_BENEFIT_ADJUSTMENT);
        assertThat(adjustment).isEnded().hasPassed(BenefitAdjustment.ADJUSTMENT_APPLIED);
    }
}
