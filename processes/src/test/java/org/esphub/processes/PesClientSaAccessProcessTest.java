package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.esphub.processes.LifecycleProcessSteps.WORKER;
import static org.esphub.processes.LifecycleProcessSteps.agencyReports;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.LifecycleProcessSteps.workerCompletes;
import static org.esphub.processes.LifecycleProcessSteps.workerFetches;
import static org.esphub.processes.PesClientSaAccess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.esphub.processes.decisions.DecisionNotices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pes-client-sa-access, path by path, driven as PES, SA's registry, the workers and the SA caseworker
 * drive it: refused without consent, granted and linked to the activation obligations, refused with the
 * window closing, refused and appealed (upheld, overturned), and started by a PES caseworker's form.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_RESOURCE, FORM_REFERRAL_RESOURCE, FORM_DECISION_RESOURCE,
        ActivationCompliance.BPMN_RESOURCE, ActivationCompliance.DMN_ASSESSMENT_RESOURCE,
        ActivationCompliance.DMN_LADDER_RESOURCE, ActivationCompliance.FORM_GOOD_CAUSE_RESOURCE,
        ActivationCompliance.FORM_SANCTION_APPROVAL_RESOURCE, ActivationCompliance.FORM_SUPPORT_FOLLOW_UP_RESOURCE,
        Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class PesClientSaAccessProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PERSON = "PERS-0077";
    private static final String PES_CASE = "PES-CASE-2025-0191";
    private static final String SA_CASEWORKER = "sa-worker";
    private static final Duration APPEAL_WINDOW = Duration.parse("P30D");

    private String referenceId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
        Mocks.register(BenefitAdjustment.SETTINGS_BEAN, new BenefitAdjustmentSettings(APPEAL_WINDOW));
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
        Mocks.register(ActivationCompliance.SETTINGS_BEAN, new ActivationComplianceSettings(
                Duration.parse("P30D"), Duration.parse("P10D"), Duration.parse("P30D"), Duration.parse("P365D"),
                Duration.parse("P90D"), Duration.parse("P60D"), 4));
        referenceId = "SAA-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    @Test
    void the_model_follows_the_conventions_of_every_process() {
        assertServiceTaskConventions(PROCESS_KEY, PURPOSE_SOCIAL_ASSISTANCE_ACCESS);
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsEntry(ASSIST_APPLICATION, FORM_DECISION);
    }

    // ---- consent ------------------------------------------------------------------------------------

    @Test
    void without_the_persons_consent_the_gate_refuses_the_first_exchange_nothing_reaches_sa_and_pes_learns_why() {
        ProcessInstance pi = referredByPesSystem();
        assertThat(pi).isWaitingAt(FETCH_HOUSEHOLD_FIGURES);

        LockedExternalTask fetch = workerFetches(pi, FETCH_HOUSEHOLD_FIGURES, TOPIC_FETCH_HOUSEHOLD_FIGURES);
        externalTaskService().handleBpmnError(fetch.getId(), WORKER, ERROR_EXCHANGE_REFUSED,
                "rjct.consent.missing: no valid consent of the person for SOCIAL_ASSISTANCE_ACCESS");

        Map<String, Object> toPes = workerCompletes(pi, NOTIFY_PES_ACCESS_REFUSED, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, INPUT_OUTCOME,
                INPUT_REASON)
                .containsEntry(INPUT_OUTCOME, OUTCOME_EXCHANGE_REFUSED)
                .containsEntry(INPUT_REASON, "rjct.consent.missing: no valid consent of the person for"
                        + " SOCIAL_ASSISTANCE_ACCESS");
        assertThat(pi).isEnded().hasPassed(ACCESS_NOT_POSSIBLE)
                .hasNotPassed(ASSESS_PRE_ELIGIBILITY, ASSIST_APPLICATION, RECORD_DECISION_AT_SA);
        assertThat(pi).variables().containsEntry(VAR_ACCESS_OUTCOME, ACCESS_OUTCOME_NOT_POSSIBLE);
    }

    // ---- granted ------------------------------------------------------------------------------------

    @Test
    void a_grant_is_recorded_at_sa_told_to_pes_without_household_figures_and_links_the_pes_case_to_the_obligations() {
        ProcessInstance pi = referredByPesSystem();
        figuresFromSa(pi, 3, 600.0);
        assertThat(pi).variables().containsEntry(VAR_PRE_ELIGIBILITY, PRE_ELIGIBILITY_LIKELY)
                .containsEntry(VAR_PRE_ELIGIBILITY_RULE_ID, RULE_INCOME_BELOW_MINIMUM);

        Task assist = task(ASSIST_APPLICATION, pi);
        assertThat(assist).hasCandidateGroup(GROUP_SA_CASEWORKERS)
                .hasDescription("Social assistance application for Samir Okafor (reference " + referenceId + "),"
                        + " referred by PES: the pre-eligibility rules find it likely to qualify. Contact the person,"
                        + " complete the application with them, then grant the"
                        + " assistance or refuse it with reasons PES and the person can act on.");
        assertThat(fieldKeys(assertOpensForm(assist, FORM_DECISION)))
                .containsExactly(VAR_SA_DECISION, VAR_MONTHLY_ASSISTANCE_AMOUNT, VAR_REFUSAL_REASONS);
        saCaseworkerDecides(pi, vars(VAR_SA_DECISION, DECISION_GRANTED, VAR_MONTHLY_ASSISTANCE_AMOUNT, 420.0));

        Map<String, Object> toSa = workerCompletes(pi, RECORD_DECISION_AT_SA, TOPIC_RECORD_DECISION);
        assertThat(toSa).containsEntry(VAR_SA_DECISION, DECISION_GRANTED)
                .containsEntry(VAR_MONTHLY_ASSISTANCE_AMOUNT, 420.0)
                .containsEntry(VAR_REFERRAL_REASON, REASON_ECONOMIC_HARDSHIP)
                .containsEntry(INPUT_APPEAL_DEADLINE, null)
                .doesNotContainKeys(VAR_PES_CASE_ID, VAR_GIVEN_NAME, VAR_FAMILY_NAME);

        Map<String, Object> toPes = workerCompletes(pi, NOTIFY_PES_OF_DECISION, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_PES_CASE_ID,
                INPUT_OUTCOME, INPUT_REASON, INPUT_APPEAL_DEADLINE, DecisionNotices.VAR_RULE_ID,
                DecisionNotices.VAR_APPROVED_BY)
                .containsEntry(INPUT_OUTCOME, OUTCOME_GRANTED).containsEntry(VAR_PES_CASE_ID, PES_CASE)
                // what the explanation to PES's client names: the rule that proposed it and who decided
                .containsEntry(DecisionNotices.VAR_RULE_ID, RULE_INCOME_BELOW_MINIMUM)
                .containsEntry(DecisionNotices.VAR_APPROVED_BY, SA_CASEWORKER);

        assertThat(pi).hasPassed(ACCESS_GRANTED).isWaitingAt(ASSISTANCE_RUNNING);
        assertThat(pi).variables().containsEntry(VAR_ACCESS_OUTCOME, ACCESS_OUTCOME_GRANTED);
        ProcessInstance obligations = activationCompliance();
        assertThat(obligations).isActive();
        assertThat(obligations).variables().containsEntry(ActivationCompliance.VAR_PERSON_ID, PERSON)
                .containsEntry(ActivationCompliance.VAR_REFERENCE_ID, referenceId);

        agencyReports(MESSAGE_ASSISTANCE_ENDED, referenceId, Map.of());
        assertThat(pi).isEnded().hasPassed(ASSISTANCE_ENDED);
        assertThat(obligations).isEnded();
    }

    // ---- refused ------------------------------------------------------------------------------------

    @Test
    void a_refusal_carries_its_reasons_and_appeal_deadline_to_pes_and_stands_when_the_window_closes() {
        ProcessInstance pi = refused(5, 2500.0);
        assertThat(pi).variables().containsEntry(VAR_PRE_ELIGIBILITY, PRE_ELIGIBILITY_UNLIKELY)
                .containsEntry(VAR_PRE_ELIGIBILITY_RULE_ID, RULE_ABOVE_THRESHOLDS);

        ClockUtil.setCurrentTime(Date.from(MONDAY_0900.plus(APPEAL_WINDOW).plusSeconds(60)));
        execute(jobAt(pi, APPEAL_WINDOW_CLOSED));
        assertThat(pi).isEnded().hasPassed(REFUSAL_STANDS).hasNotPassed(DECIDE_APPEAL, ASSISTANCE_RUNNING);
        assertThat(pi).variables().containsEntry(VAR_ACCESS_OUTCOME, ACCESS_OUTCOME_REFUSED);
        assertThat(activationCompliance()).isNull();
    }

    @Test
    void an_appeal_that_upholds_the_refusal_ends_the_case_without_assistance() {
        ProcessInstance pi = refused(5, 2500.0);
        agencyReports(MESSAGE_APPEAL_FILED, referenceId, Map.of(VAR_APPEAL_GROUNDS, "My rent went up."));
        ProcessInstance appeal = calledAppeal(pi);
        assertThat(appeal).variables().containsEntry(Appeal.VAR_DECISION_TYPE, DECISION_TYPE)
                .containsEntry(Appeal.VAR_DECISION, DECISION_REFUSED)
                .containsEntry(Appeal.VAR_DECISION_SUMMARY, "Social assistance refused: Income above the thresholds.")
                .containsEntry(Appeal.VAR_DECISION_RULE_ID, RULE_ABOVE_THRESHOLDS)
                .containsEntry(Appeal.VAR_DECIDED_BY, SA_CASEWORKER);

        decideAppeal(appeal, Appeal.OUTCOME_UPHELD);
        assertThat(pi).isEnded().hasPassed(REFUSAL_UPHELD).hasNotPassed(ASSISTANCE_RUNNING);
        assertThat(pi).variables().containsEntry(VAR_ACCESS_OUTCOME, ACCESS_OUTCOME_REFUSAL_UPHELD);
    }

    @Test
    void an_appeal_that_overturns_the_refusal_grants_the_assistance_and_enters_the_obligations() {
        ProcessInstance pi = refused(4, 1600.0);
        assertThat(pi).variables().containsEntry(VAR_PRE_ELIGIBILITY_RULE_ID, RULE_LARGE_HOUSEHOLD_LOW_INCOME);
        agencyReports(MESSAGE_APPEAL_FILED, referenceId, Map.of(VAR_APPEAL_GROUNDS, "Four of us live on it."));
        decideAppeal(calledAppeal(pi), Appeal.OUTCOME_OVERTURNED);

        Map<String, Object> toSa = workerCompletes(pi, RECORD_DECISION_AT_SA, TOPIC_RECORD_DECISION);
        assertThat(toSa).containsEntry(VAR_SA_DECISION, DECISION_GRANTED).containsEntry(VAR_GRANTED_ON_APPEAL, true)
                .containsEntry(VAR_REFUSAL_REASONS, null).containsEntry(INPUT_APPEAL_DEADLINE, null);
        Map<String, Object> toPes = workerCompletes(pi, NOTIFY_PES_OF_DECISION, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsEntry(INPUT_OUTCOME, OUTCOME_GRANTED).containsEntry(INPUT_REASON, "granted on appeal");

        assertThat(pi).isWaitingAt(ASSISTANCE_RUNNING);
        assertThat(activationCompliance()).isActive();
    }

    // ---- the PES caseworker's start form ----------------------------------------------------------

    @Test
    void a_pes_caseworker_starts_the_referral_with_the_start_form_and_the_instance_becomes_its_reference()
            throws IOException {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
        assertThat(formService().getStartFormData(definition.getId()).getCamundaFormRef().getKey())
                .isEqualTo(FORM_REFERRAL);
        try (InputStream form = formService().getDeployedStartForm(definition.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"" + FORM_REFERRAL + "\"");
        }
        // only PES caseworkers may start it in Tasklist
        assertThat(repositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
                .extracting(link -> link.getGroupId()).containsExactly(GROUP_PES_CASEWORKERS);

        // what the case decides with is its own steps', whatever the starter sends along
        ProcessInstance pi = formService().submitStartForm(definition.getId(), vars(VAR_PERSON_ID, PERSON,
                VAR_GIVEN_NAME, "Samir", VAR_FAMILY_NAME, "Okafor", VAR_PES_CASE_ID, PES_CASE,
                VAR_REFERRAL_REASON, REASON_CLIENT_REQUEST, VAR_SA_DECISION, DECISION_GRANTED,
                VAR_GRANTED_ON_APPEAL, true, VAR_MONTHLY_ASSISTANCE_AMOUNT, 9999.0));

        ProcessInstance started = processInstanceQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(started.getBusinessKey()).isEqualTo(pi.getId());
        assertThat(pi).isWaitingAt(FETCH_HOUSEHOLD_FIGURES);
        assertThat(pi).variables().containsEntry(VAR_REFERENCE_ID, pi.getId()).containsEntry(VAR_CORRELATION_ID, pi.getId())
                .containsEntry(VAR_SA_DECISION, null).containsEntry(VAR_GRANTED_ON_APPEAL, false)
                .containsEntry(VAR_MONTHLY_ASSISTANCE_AMOUNT, null);
    }

    // ---- steps --------------------------------------------------------------------------------------

    private ProcessInstance referredByPesSystem() {
        return runtimeService().createMessageCorrelation(MESSAGE_ACCESS_REQUESTED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(vars(VAR_REFERENCE_ID, referenceId, VAR_PERSON_ID, PERSON, VAR_CORRELATION_ID, referenceId,
                        VAR_GIVEN_NAME, "Samir", VAR_FAMILY_NAME, "Okafor", VAR_PES_CASE_ID, PES_CASE,
                        VAR_REFERRAL_REASON, REASON_ECONOMIC_HARDSHIP))
                .correlateStartMessage();
    }

    /** SA's registry answers the figures fetch; the pre-eligibility rules run on them. */
    private static void figuresFromSa(ProcessInstance pi, int householdSize, double monthlyIncome) {
        Map<String, Object> asked = workerCompletes(pi, FETCH_HOUSEHOLD_FIGURES, TOPIC_FETCH_HOUSEHOLD_FIGURES,
                vars(VAR_HOUSEHOLD_SIZE, householdSize, VAR_MONTHLY_HOUSEHOLD_INCOME, monthlyIncome));
        assertThat(asked).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID);
        assertThat(pi).hasPassed(ASSESS_PRE_ELIGIBILITY).isWaitingAt(ASSIST_APPLICATION);
    }

    private static void saCaseworkerDecides(ProcessInstance pi, Map<String, Object> formValues) {
        Task assist = task(ASSIST_APPLICATION, pi);
        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        try {
            claim(assist, SA_CASEWORKER);
            complete(assist, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** Referred, figures given, refused by the caseworker, recorded at SA and told to PES. */
    private ProcessInstance refused(int householdSize, double monthlyIncome) {
        ProcessInstance pi = referredByPesSystem();
        figuresFromSa(pi, householdSize, monthlyIncome);
        saCaseworkerDecides(pi, vars(VAR_SA_DECISION, DECISION_REFUSED, VAR_REFUSAL_REASONS,
                "Income above the thresholds."));
        Date deadline = Date.from(MONDAY_0900.plus(APPEAL_WINDOW));

        Map<String, Object> toSa = workerCompletes(pi, RECORD_DECISION_AT_SA, TOPIC_RECORD_DECISION);
        assertThat(toSa).containsEntry(VAR_SA_DECISION, DECISION_REFUSED)
                .containsEntry(VAR_REFUSAL_REASONS, "Income above the thresholds.")
                .containsEntry(INPUT_APPEAL_DEADLINE, deadline);
        Map<String, Object> toPes = workerCompletes(pi, NOTIFY_PES_OF_DECISION, TOPIC_PES_NOTIFY_OUTCOME);
        assertThat(toPes).containsOnlyKeys(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_PES_CASE_ID,
                INPUT_OUTCOME, INPUT_REASON, INPUT_APPEAL_DEADLINE, DecisionNotices.VAR_RULE_ID,
                DecisionNotices.VAR_APPROVED_BY)
                .containsEntry(INPUT_OUTCOME, OUTCOME_REFUSED)
                .containsEntry(INPUT_REASON, "Income above the thresholds.")
                .containsEntry(INPUT_APPEAL_DEADLINE, deadline);
        assertThat(pi).isWaitingAt(APPEAL_WINDOW_GATEWAY);
        assertThat(pi).variables().containsEntry(VAR_APPEAL_WINDOW_CLOSES_AT, deadline);
        return pi;
    }

    private static ProcessInstance calledAppeal(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(DECIDE_APPEAL);
        ProcessInstance appeal = processInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        assertThat(appeal).isNotNull();
        return appeal;
    }

    private static void decideAppeal(ProcessInstance appeal, String outcome) {
        AppealSteps.acknowledged(appeal);
        AppealSteps.officerDecides(appeal, vars(Appeal.VAR_APPEAL_OUTCOME, outcome, Appeal.VAR_APPEAL_REASONING,
                "Reviewed with the person's rent."));
        AppealSteps.saAndPesAreTold(appeal);
        assertThat(appeal).isEnded();
    }

    private ProcessInstance activationCompliance() {
        return processInstanceQuery().processDefinitionKey(ActivationCompliance.PROCESS_KEY)
                .processInstanceBusinessKey(referenceId).singleResult();
    }
}
