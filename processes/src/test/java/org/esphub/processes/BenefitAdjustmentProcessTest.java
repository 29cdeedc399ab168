package org.esphub.processes;

import org.esphub.processes.decisions.DecisionNotices;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.*;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.AppealSteps.*;
import static org.esphub.processes.BenefitAdjustment.*;

import org.camunda.bpm.engine.test.Deployment;
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
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * benefit-adjustment, path by path, with the appeal process it calls. External tasks are completed the
 * way a worker does it; async continuations and timers are driven by executing their jobs.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_RESOURCE, FORM_APPROVAL_RESOURCE,
        Appeal.BPMN_RESOURCE, Appeal.FORM_REVIEW_RESOURCE, Appeal.FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class BenefitAdjustmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Date MONDAY_0900 = Date.from(Instant.parse("2025-03-03T09:00:00Z"));
    private static final Date MONDAY_1000 = Date.from(Instant.parse("2025-03-03T10:00:00Z"));
    /** 30 days after the notice went out on Monday at 10:00. */
    private static final Date WINDOW_CLOSES = Date.from(Instant.parse("2025-04-02T10:00:00Z"));
    private static final String PERSON = "PERS-0042";
    private static final String SA_CASEWORKER = "sa-worker";
    private static final double BENEFIT = 800.0;

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(MONDAY_0900);
        Mocks.register(SETTINGS_BEAN, new BenefitAdjustmentSettings(Duration.parse("P30D")));
        Mocks.register(Appeal.SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    // ---- no appeal ----------------------------------------------------------------------------------

    @Test
    void an_approved_graduation_is_notified_with_its_tapering_and_applied_at_SA_once_the_appeal_window_closed_unchallenged() {
        ProcessInstance pi = startAdjustment();
        assertThat(pi).isStarted().hasBusinessKey(referenceId)
                .hasPassedInOrder(ADJUSTMENT_TRIGGERED, DECIDE_ADJUSTMENT, CHANGE_GATEWAY)
                .isWaitingAt(APPROVE_ADJUSTMENT);
        assertThat(pi).variables()
                .containsEntry(VAR_ADJUSTMENT_DECISION, DECISION_GRADUATE)
                .containsEntry(VAR_ADJUSTED_BENEFIT_PERCENT, 75)
                .containsEntry(VAR_TAPERING_SCHEDULE, "75,50,25,0")
                .containsEntry(VAR_ADJUSTMENT_RULE_ID, RULE_GRADUATION);
        assertThat(task(APPROVE_ADJUSTMENT, pi))
                .hasName("Approve benefit adjustment")
                .hasCandidateGroup(GROUP_SA_CASEWORKERS)
                .isNotAssigned()
                // 2 working days: Monday to Wednesday, same time of day
                .hasDueDate(Date.from(Instant.parse("2025-03-05T09:00:00Z")))
                .hasDescription("Benefit adjustment for Amina Haddad (reference " + referenceId + "): the rules"
                        + " propose GRADUATE, the benefit at 75 % of the current amount from next month. Check the rule"
                        + " and the facts, then approve, or reject with a reason.");
        assertThat(task(APPROVE_ADJUSTMENT, pi).getPriority()).isEqualTo(TaskPriorities.ROUTINE);

        saCaseworkerDecides(pi, withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        assertThat(pi).variables()
                .containsEntry(VAR_ADJUSTMENT_DECIDED_BY, SA_CASEWORKER)
                .containsEntry(VAR_ADJUSTMENT_DECIDED_AT, MONDAY_0900);

        // the window runs from the notice, which goes out an hour after the approval
        ClockUtil.setCurrentTime(MONDAY_1000);
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_ADJUSTMENT_DECIDED, TOPIC_NOTIFY_SA);
        assertThat(notice).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_ADJUSTMENT_DECIDED),
                entry(INPUT_REASON, annotationOfTheRuleThatFired(pi)),
                entry(VAR_ADJUSTMENT_DECISION, DECISION_GRADUATE),
                entry(VAR_ADJUSTED_BENEFIT_PERCENT, 75),
                entry(VAR_TAPERING_SCHEDULE, "75,50,25,0"),
                entry(VAR_CURRENT_MONTHLY_BENEFIT, BENEFIT),
                entry(INPUT_APPEAL_DEADLINE, WINDOW_CLOSES),
                // for the notice's explanation (DecisionExplainer): the rule that fired and who approved it
                entry(DecisionNotices.VAR_RULE_ID, RULE_GRADUATION),
                entry(DecisionNotices.VAR_APPROVED_BY, SA_CASEWORKER));

        assertThat(pi).isWaitingAt(APPEAL_WINDOW_GATEWAY).isWaitingFor(MESSAGE_APPEAL_FILED);
        Job windowTimer = job(APPEAL_WINDOW_CLOSED, pi);
        assertThat(windowTimer.getDuedate()).isEqualTo(WINDOW_CLOSES);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

        windowCloses(pi);
        assertThat(pi).isWaitingAt(APPLY_ADJUSTMENT).isNotWaitingFor(MESSAGE_APPEAL_FILED);

        Map<String, Object> applied = workerCompletes(pi, APPLY_ADJUSTMENT, TOPIC_APPLY_BENEFIT_ADJUSTMENT);
        assertThat(applied).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_ADJUSTMENT_DECISION, DECISION_GRADUATE),
                entry(VAR_ADJUSTED_BENEFIT_PERCENT, 75),
                entry(VAR_TAPERING_SCHEDULE, "75,50,25,0"),
                entry(VAR_CURRENT_MONTHLY_BENEFIT, BENEFIT),
                entry(VAR_ADJUSTMENT_RULE_ID, RULE_GRADUATION),
                entry(INPUT_APPEAL_OUTCOME, null));

        assertThat(pi).isEnded()
                .hasPassedInOrder(ADJUSTMENT_TRIGGERED, DECIDE_ADJUSTMENT, CHANGE_GATEWAY, APPROVE_ADJUSTMENT,
                        APPROVAL_GATEWAY, NOTIFY_ADJUSTMENT_DECIDED, APPEAL_WINDOW_GATEWAY, APPEAL_WINDOW_CLOSED, APPLY_MERGE,
                        APPLY_ADJUSTMENT, ADJUSTMENT_APPLIED)
                .hasNotPassed(APPEAL_FILED, DECIDE_APPEAL, NOTIFY_BENEFIT_CONTINUED, NOTIFY_ADJUSTMENT_REJECTED);
        assertThat(processVariables(pi)).containsEntry(VAR_ADJUSTMENT_OUTCOME, ADJUSTMENT_OUTCOME_APPLIED);
    }

    @Test
    void a_decision_to_continue_the_benefit_is_only_reported_to_SA_with_nothing_to_approve_or_appeal() {
        ProcessInstance pi = startAdjustment(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_UNEMPLOYED,
                VAR_ADJUSTMENT_TRIGGER, TRIGGER_EMPLOYMENT_STATUS_CHANGED);
        assertThat(pi).variables()
                .containsEntry(VAR_ADJUSTMENT_DECISION, DECISION_CONTINUE)
                .containsEntry(VAR_ADJUSTMENT_RULE_ID, RULE_NOT_IN_WORK);

        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_BENEFIT_CONTINUED, TOPIC_NOTIFY_SA);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_BENEFIT_CONTINUED),
                entry(INPUT_REASON, annotationOfTheRuleThatFired(pi)));

        assertThat(pi).isEnded()
                .hasPassedInOrder(ADJUSTMENT_TRIGGERED, DECIDE_ADJUSTMENT, CHANGE_GATEWAY, NOTIFY_BENEFIT_CONTINUED, NO_CHANGE)
                .hasNotPassed(APPROVE_ADJUSTMENT, NOTIFY_ADJUSTMENT_DECIDED, APPLY_ADJUSTMENT);
        assertThat(processVariables(pi)).containsEntry(VAR_ADJUSTMENT_OUTCOME, ADJUSTMENT_OUTCOME_NO_CHANGE);
    }

    @Test
    void a_decision_the_SA_caseworker_rejects_ends_without_change_and_SA_is_told_why() {
        ProcessInstance pi = startAdjustment(VAR_MONTHLY_EMPLOYMENT_INCOME, null);
        assertThat(pi).variables().containsEntry(VAR_ADJUSTMENT_DECISION, DECISION_SUSPEND);

        saCaseworkerDecides(pi, withVariables(
                VAR_APPROVAL_DECISION, APPROVAL_REJECTED,
                VAR_REJECTION_REASON, "Payslips arrived yesterday; income is 1000 a month."));

        Map<String, Object> toSa = workerCompletes(pi, NOTIFY_ADJUSTMENT_REJECTED, TOPIC_NOTIFY_SA);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_ADJUSTMENT_REJECTED),
                entry(INPUT_REASON, "Payslips arrived yesterday; income is 1000 a month."));

        assertThat(pi).isEnded()
                .hasPassedInOrder(APPROVE_ADJUSTMENT, APPROVAL_GATEWAY, NOTIFY_ADJUSTMENT_REJECTED, ADJUSTMENT_REJECTED)
                .hasNotPassed(NOTIFY_ADJUSTMENT_DECIDED, APPEAL_WINDOW_GATEWAY, APPLY_ADJUSTMENT);
        assertThat(processVariables(pi)).containsEntry(VAR_ADJUSTMENT_OUTCOME, ADJUSTMENT_OUTCOME_REJECTED);
    }

    @Test
    void the_appeal_window_comes_from_the_settings() {
        Mocks.register(SETTINGS_BEAN, new BenefitAdjustmentSettings(Duration.parse("P14D")));
        ProcessInstance pi = startAdjustment();
        saCaseworkerDecides(pi, withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));

        Date closes = Date.from(MONDAY_0900.toInstant().plus(Duration.ofDays(14)));
        assertThat(workerCompletes(pi, NOTIFY_ADJUSTMENT_DECIDED, TOPIC_NOTIFY_SA)).containsEntry(INPUT_APPEAL_DEADLINE, closes);
        assertThat(job(APPEAL_WINDOW_CLOSED, pi).getDuedate()).isEqualTo(closes);
        assertThat(pi).variables().containsEntry(VAR_APPEAL_WINDOW_CLOSES_AT, closes);
    }

    // ---- appeal inside the window ---------------------------------------------------------------

    @Test
    void an_appeal_filed_inside_the_window_calls_the_appeal_with_the_decision_record_and_an_upheld_decision_is_applied() {
        ProcessInstance pi = approvedAndNotified();

        appealFiled("My job is a temporary contract; it ends in June.");

        assertThat(pi).hasPassed(APPEAL_FILED).isWaitingAt(DECIDE_APPEAL);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("the window's timer is gone with the event-based gateway").isZero();
        ProcessInstance appeal = calledProcessInstance(Appeal.PROCESS_KEY, pi);
        assertThat(appeal).hasBusinessKey(referenceId).isWaitingAt(Appeal.ACKNOWLEDGE_APPEAL);
        assertThat(appeal).variables()
                .containsEntry(Appeal.VAR_REFERENCE_ID, referenceId)
                .containsEntry(Appeal.VAR_PERSON_ID, PERSON)
                .containsEntry(Appeal.VAR_CORRELATION_ID, correlationId)
                .containsEntry(Appeal.VAR_GIVEN_NAME, "Amina")
                .containsEntry(Appeal.VAR_FAMILY_NAME, "Haddad")
                .containsEntry(Appeal.VAR_DECISION_TYPE, DECISION_TYPE)
                .containsEntry(Appeal.VAR_DECISION, DECISION_GRADUATE)
                .containsEntry(Appeal.VAR_DECISION_SUMMARY,
                        "GRADUATE: benefit at 75 % of the current 800.0 a month from next month; monthly schedule 75,50,25,0 %")
                .containsEntry(Appeal.VAR_DECISION_BENEFIT_PERCENT, 75)
                .containsEntry(Appeal.VAR_DECISION_SCHEDULE, "75,50,25,0")
                .containsEntry(Appeal.VAR_DECISION_OPTIONS, "CONTINUE, REDUCE, SUSPEND, GRADUATE")
                .containsEntry(Appeal.VAR_DECISION_RULE_ID, RULE_GRADUATION)
                .containsEntry(Appeal.VAR_DECISION_RULE_REASON, annotationOfTheRuleThatFired(pi))
                .containsEntry(Appeal.VAR_DECISION_INPUTS, "employment status EMPLOYED; monthly income from employment "
                        + "1000.0; current monthly benefit 800.0; days of stable employment 120; trigger PLACEMENT_VERIFIED")
                .containsEntry(Appeal.VAR_DECIDED_BY, SA_CASEWORKER)
                .containsEntry(Appeal.VAR_DECIDED_AT, MONDAY_0900)
                .containsEntry(Appeal.VAR_APPEAL_GROUNDS, "My job is a temporary contract; it ends in June.");

        acknowledged(appeal);
        officerDecides(appeal, withVariables(
                Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "The contract runs for 12 months; the rule applies."));
        saAndPesAreTold(appeal);
        assertThat(appeal).isEnded().hasPassed(Appeal.DECISION_UPHELD);

        assertThat(pi).hasPassed(DECIDE_APPEAL, APPEAL_OUTCOME_GATEWAY, APPLY_MERGE).isWaitingAt(APPLY_ADJUSTMENT);
        assertThat(workerCompletes(pi, APPLY_ADJUSTMENT, TOPIC_APPLY_BENEFIT_ADJUSTMENT))
                .containsEntry(VAR_ADJUSTMENT_DECISION, DECISION_GRADUATE)
                .containsEntry(VAR_ADJUSTED_BENEFIT_PERCENT, 75)
                .containsEntry(VAR_TAPERING_SCHEDULE, "75,50,25,0")
                .containsEntry(INPUT_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD);
        assertThat(pi).isEnded()
                .hasPassedInOrder(NOTIFY_ADJUSTMENT_DECIDED, APPEAL_WINDOW_GATEWAY, APPEAL_FILED, DECIDE_APPEAL,
                        APPEAL_OUTCOME_GATEWAY, APPLY_MERGE, APPLY_ADJUSTMENT, ADJUSTMENT_APPLIED)
                .hasNotPassed(APPEAL_WINDOW_CLOSED, APPLY_AMENDED_ADJUSTMENT);
        assertThat(processVariables(pi))
                .containsEntry(VAR_ADJUSTMENT_OUTCOME, ADJUSTMENT_OUTCOME_APPLIED)
                .containsEntry(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_UPHELD)
                .containsEntry(Appeal.VAR_APPEAL_DECIDED_BY, APPEALS_OFFICER);
    }

    @Test
    void a_partially_upheld_appeal_applies_the_amended_decision() {
        ProcessInstance pi = approvedAndNotified();
        appealFiled("Childcare costs start next month; a faster taper leaves me worse off.");
        ProcessInstance appeal = calledProcessInstance(Appeal.PROCESS_KEY, pi);
        acknowledged(appeal);

        officerDecides(appeal, withVariables(
                Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "Graduation stands; the taper is slowed to five months for childcare costs.",
                Appeal.VAR_AMENDED_DECISION, DECISION_GRADUATE,
                Appeal.VAR_AMENDED_BENEFIT_PERCENT, 90L,
                Appeal.VAR_AMENDED_SCHEDULE, "90,75,50,25,0"));
        assertThat(saAndPesAreTold(appeal).toSa()).containsEntry(Appeal.INPUT_OUTCOME, Appeal.NOTICE_APPEAL_PARTIALLY_UPHELD);

        assertThat(pi).hasPassed(APPEAL_OUTCOME_GATEWAY).isWaitingAt(APPLY_AMENDED_ADJUSTMENT);
        Map<String, Object> applied = workerCompletes(pi, APPLY_AMENDED_ADJUSTMENT, TOPIC_APPLY_BENEFIT_ADJUSTMENT);
        assertThat(applied).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_ADJUSTMENT_DECISION, DECISION_GRADUATE),
                entry(VAR_ADJUSTED_BENEFIT_PERCENT, 90L),
                entry(VAR_TAPERING_SCHEDULE, "90,75,50,25,0"),
                entry(VAR_CURRENT_MONTHLY_BENEFIT, BENEFIT),
                entry(VAR_ADJUSTMENT_RULE_ID, RULE_GRADUATION),
                entry(INPUT_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD));

        assertThat(pi).isEnded()
                .hasPassedInOrder(DECIDE_APPEAL, APPEAL_OUTCOME_GATEWAY, APPLY_AMENDED_ADJUSTMENT, AMENDED_ADJUSTMENT_APPLIED)
                .hasNotPassed(APPLY_MERGE, APPLY_ADJUSTMENT, ADJUSTMENT_APPLIED);
        assertThat(processVariables(pi))
                .containsEntry(VAR_ADJUSTMENT_OUTCOME, ADJUSTMENT_OUTCOME_APPLIED_AS_AMENDED)
                // the decision as first taken stays on record next to the amendment
                .containsEntry(VAR_TAPERING_SCHEDULE, "75,50,25,0")
                .containsEntry(Appeal.VAR_AMENDED_SCHEDULE, "90,75,50,25,0");
    }

    @Test
    void an_overturned_decision_is_not_applied_and_SA_and_PES_are_told() {
        ProcessInstance pi = approvedAndNotified();
        appealFiled(null); // SA's event need not carry the grounds
        ProcessInstance appeal = calledProcessInstance(Appeal.PROCESS_KEY, pi);
        assertThat(appeal).variables().containsEntry(Appeal.VAR_APPEAL_GROUNDS, null);
        acknowledged(appeal);

        officerDecides(appeal, withVariables(
                Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_OVERTURNED,
                Appeal.VAR_APPEAL_REASONING, "Employment ended before the decision; it rested on stale facts."));
        Notices notices = saAndPesAreTold(appeal);
        assertThat(notices.toSa()).containsEntry(Appeal.INPUT_OUTCOME, Appeal.NOTICE_APPEAL_OVERTURNED)
                .containsEntry(Appeal.VAR_REFERENCE_ID, referenceId);
        assertThat(notices.toPes()).containsEntry(Appeal.INPUT_OUTCOME, Appeal.NOTICE_APPEAL_OVERTURNED)
                .containsEntry(Appeal.VAR_REFERENCE_ID, referenceId);

        assertThat(pi).isEnded()
                .hasPassedInOrder(APPEAL_FILED, DECIDE_APPEAL, APPEAL_OUTCOME_GATEWAY, ADJUSTMENT_OVERTURNED)
                .hasNotPassed(APPLY_MERGE, APPLY_ADJUSTMENT, APPLY_AMENDED_ADJUSTMENT);
        assertThat(historyService().createHistoricExternalTaskLogQuery()
                .topicName(TOPIC_APPLY_BENEFIT_ADJUSTMENT).count()).as("nothing was sent to SA to apply").isZero();
        assertThat(processVariables(pi))
                .containsEntry(VAR_ADJUSTMENT_OUTCOME, ADJUSTMENT_OUTCOME_OVERTURNED)
                .containsEntry(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_OVERTURNED);
    }

    // ---- appeal after the window ------------------------------------------------------------------

    @Test
    void an_appeal_filed_after_the_window_closed_does_not_reopen_the_decision() {
        ProcessInstance pi = approvedAndNotified();
        windowCloses(pi);
        assertThat(pi).isWaitingAt(APPLY_ADJUSTMENT);

        assertThatThrownBy(() -> appealFiled("I only opened the letter today."))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertNoAppealWasStarted();
        assertThat(pi).isWaitingAt(APPLY_ADJUSTMENT).hasNotPassed(APPEAL_FILED);

        assertThat(workerCompletes(pi, APPLY_ADJUSTMENT, TOPIC_APPLY_BENEFIT_ADJUSTMENT))
                .containsEntry(VAR_ADJUSTMENT_DECISION, DECISION_GRADUATE)
                .containsEntry(INPUT_APPEAL_OUTCOME, null);
        assertThat(pi).isEnded().hasPassed(APPEAL_WINDOW_CLOSED, ADJUSTMENT_APPLIED).hasNotPassed(DECIDE_APPEAL);

        // nor once the adjustment has been applied
        assertThatThrownBy(() -> appealFiled("Still disagree."))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertNoAppealWasStarted();
    }

    // ---- forms and contracts ----------------------------------------------------------------------

    @Test
    void the_approval_task_opens_its_deployed_form_showing_the_rule_that_fired_and_the_facts_it_was_applied_to() {
        ProcessInstance pi = startAdjustment();
        Task approval = task(APPROVE_ADJUSTMENT, pi);

        CamundaFormRef formRef = formService().getTaskFormData(approval.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo(FORM_APPROVAL);
        assertThat(formRef.getBinding()).isEqualTo("latest");

        DocumentContext form = deployedForm(approval);
        assertThat((String) form.read("$.id")).isEqualTo(FORM_APPROVAL);
        assertThat((String) form.read("$.executionPlatformVersion")).isEqualTo("7.24.0");
        assertThat(form.<List<String>>read("$.components[*].key")).containsExactly(VAR_APPROVAL_DECISION, VAR_REJECTION_REASON);
        List<String> choices = form.read("$.components[?(@.key == 'approvalDecision')].values[*].value");
        assertThat(choices).containsExactly(APPROVAL_APPROVED, APPROVAL_REJECTED);
        List<Boolean> required = form.read("$.components[?(@.key)].validate.required");
        assertThat(required).containsExactly(true, true);
        List<String> rejectionShownWhen = form.read("$.components[?(@.key == 'rejectionReason')].conditional.hide");
        assertThat(rejectionShownWhen).containsExactly("=approvalDecision != \"REJECTED\"");

        String shown = String.join("\n", form.<List<String>>read("$.components[?(@.type == 'text')].text"));
        Map<String, Object> seenByTheTask = taskService().getVariables(approval.getId());
        for (String field : List.of(VAR_ADJUSTMENT_RULE_ID, VAR_ADJUSTMENT_RULE_REASON, VAR_ADJUSTMENT_DECISION,
                VAR_ADJUSTED_BENEFIT_PERCENT, VAR_TAPERING_SCHEDULE, VAR_EMPLOYMENT_STATUS, VAR_MONTHLY_EMPLOYMENT_INCOME,
                VAR_CURRENT_MONTHLY_BENEFIT, VAR_STABLE_EMPLOYMENT_DAYS, VAR_ADJUSTMENT_TRIGGER)) {
            assertThat(shown).as(field).contains("{{" + field + "}}");
            assertThat(seenByTheTask).as(field).containsKey(field);
        }
        assertThat(seenByTheTask)
                .containsEntry(VAR_ADJUSTMENT_RULE_ID, RULE_GRADUATION)
                .containsEntry(VAR_ADJUSTMENT_RULE_REASON, annotationOfTheRuleThatFired(pi));
    }

    @Test
    void every_user_task_has_its_Camunda_form_deployed() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition().getId());
        assertThat(model.getModelElementsByType(UserTask.class))
                .extracting(UserTask::getId, UserTask::getCamundaFormRef, UserTask::getCamundaFormRefBinding)
                .containsExactly(tuple(APPROVE_ADJUSTMENT, FORM_APPROVAL, "latest"));
        try (InputStream form = repositoryService().getResourceAsStream(definition().getDeploymentId(),
                FORM_APPROVAL_RESOURCE)) {
            assertThat((String) JsonPath.parse(new String(form.readAllBytes(), UTF_8)).read("$.id")).isEqualTo(FORM_APPROVAL);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_appeal_is_called_by_key_with_this_referral_as_business_key() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition().getId());
        CallActivity decideAppeal = model.getModelElementById(DECIDE_APPEAL);
        assertThat(decideAppeal.getCalledElement()).isEqualTo(Appeal.PROCESS_KEY);
        assertThat(decideAppeal.getCamundaCalledElementBinding()).isNull(); // latest: the appeal is deployed on its own
    }

    @Test
    void every_service_task_is_an_async_external_task_with_retries_back_off_purpose_and_a_declared_payload() {
        assertThat(assertServiceTaskConventions(PROCESS_KEY, PURPOSE_BENEFIT_ADJUSTMENT)).containsOnly(
                entry(NOTIFY_BENEFIT_CONTINUED, TOPIC_NOTIFY_SA),
                entry(NOTIFY_ADJUSTMENT_REJECTED, TOPIC_NOTIFY_SA),
                entry(NOTIFY_ADJUSTMENT_DECIDED, TOPIC_NOTIFY_SA),
                entry(APPLY_ADJUSTMENT, TOPIC_APPLY_BENEFIT_ADJUSTMENT),
                entry(APPLY_AMENDED_ADJUSTMENT, TOPIC_APPLY_BENEFIT_ADJUSTMENT));
    }

    // ---- steps ----------------------------------------------------------------------------------

    /**
     * Starts the process with the inputs a caller passes: a verified placement of a person on a benefit of
     * 800 a month, earning 1000 a month (125 %) for 120 days, i.e. graduation; pairs override inputs.
     */
    private ProcessInstance startAdjustment(Object... overrides) {
        referenceId = "REF-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, referenceId);
        variables.put(VAR_PERSON_ID, PERSON);
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_GIVEN_NAME, "Amina");
        variables.put(VAR_FAMILY_NAME, "Haddad");
        variables.put(VAR_CURRENT_MONTHLY_BENEFIT, BENEFIT);
        variables.put(VAR_MONTHLY_EMPLOYMENT_INCOME, 1000.0);
        variables.put(VAR_STABLE_EMPLOYMENT_DAYS, 120);
        variables.put(VAR_EMPLOYMENT_STATUS, EMPLOYMENT_STATUS_EMPLOYED);
        variables.put(VAR_ADJUSTMENT_TRIGGER, TRIGGER_PLACEMENT_VERIFIED);
        for (int i = 0; i < overrides.length; i += 2) {
            variables.put((String) overrides[i], overrides[i + 1]);
        }
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, variables);
    }

    private void saCaseworkerDecides(ProcessInstance pi, Map<String, Object> formValues) {
        assertThat(pi).isWaitingAt(APPROVE_ADJUSTMENT);
        Task approval = task(APPROVE_ADJUSTMENT, pi);
        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        try {
            claim(approval, SA_CASEWORKER);
            complete(approval, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** A graduation approved on Monday 09:00 and notified at once: the window is open until 2 April 09:00. */
    private ProcessInstance approvedAndNotified() {
        ProcessInstance pi = startAdjustment();
        saCaseworkerDecides(pi, withVariables(VAR_APPROVAL_DECISION, APPROVAL_APPROVED));
        workerCompletes(pi, NOTIFY_ADJUSTMENT_DECIDED, TOPIC_NOTIFY_SA);
        assertThat(pi).isWaitingAt(APPEAL_WINDOW_GATEWAY);
        return pi;
    }

    /**
     * SA's AppealFiled event as the hub's event intake correlates it: by business key and message name,
     * with the event's fields (here only the grounds, if given) as variables.
     */
    private void appealFiled(String grounds) {
        Map<String, Object> eventFields = new HashMap<>();
        if (grounds != null) {
            eventFields.put(VAR_APPEAL_GROUNDS, grounds);
        }
        runtimeService().createMessageCorrelation(MESSAGE_APPEAL_FILED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(eventFields)
                .correlateWithResult();
    }

    private static void windowCloses(ProcessInstance pi) {
        Job windowTimer = job(APPEAL_WINDOW_CLOSED, pi);
        ClockUtil.setCurrentTime(Date.from(windowTimer.getDuedate().toInstant().plusSeconds(60)));
        execute(windowTimer);
    }

    private void assertNoAppealWasStarted() {
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(Appeal.PROCESS_KEY).processInstanceBusinessKey(referenceId).count()).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The annotation of the DMN rule that fired for this instance, as the DMN model holds it. */
    private static String annotationOfTheRuleThatFired(ProcessInstance pi) {
        String ruleId = (String) historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(VAR_ADJUSTMENT_RULE_ID).singleResult().getValue();
        String decisionDefinitionId = repositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_ADJUSTMENT).latestVersion().singleResult().getId();
        org.camunda.bpm.model.dmn.instance.Rule rule = repositoryService().getDmnModelInstance(decisionDefinitionId)
                .getModelElementById(ruleId);
        return rule.getDescription().getTextContent();
    }

    private static ProcessDefinition definition() {
        return processDefinition(PROCESS_KEY);
    }

    private static DocumentContext deployedForm(Task task) {
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            return JsonPath.parse(new String(form.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
