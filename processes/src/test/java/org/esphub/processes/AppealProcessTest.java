package org.esphub.processes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.*;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.Appeal.*;
import static org.esphub.processes.AppealSteps.*;

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
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * appeal, path by path: called with a generic decision record (as benefit-adjustment does) or started
 * by its own message, acknowledged, reviewed within the statutory deadline with an escalation before it
 * passes, and its outcome told to SA and PES. Timers are driven by executing their jobs.
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_REVIEW_RESOURCE, FORM_DEADLINE_FOLLOW_UP_RESOURCE})
class AppealProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Date MONDAY_3_MARCH_2025_0900 = Date.from(Instant.parse("2025-03-03T09:00:00Z"));
    private static final Date DAY_20 = Date.from(Instant.parse("2025-03-23T09:00:00Z"));
    private static final Date DAY_30 = Date.from(Instant.parse("2025-04-02T09:00:00Z"));
    private static final Date DECIDED_AT = Date.from(Instant.parse("2025-02-20T14:30:00Z"));
    private static final String PERSON = "PERS-0042";

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(MONDAY_3_MARCH_2025_0900);
        Mocks.register(SETTINGS_BEAN, new AppealSettings(Duration.parse("P30D"), Duration.parse("P20D")));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    // ---- outcomes ---------------------------------------------------------------------------------

    @Test
    void an_appeal_is_acknowledged_reviewed_by_an_appeals_officer_within_30_days_and_an_upheld_decision_told_to_SA_and_PES() {
        ProcessInstance pi = appealCalledWith(decisionRecord());
        assertThat(pi).isStarted().hasBusinessKey(referenceId).isWaitingAt(ACKNOWLEDGE_APPEAL);
        assertThat(pi).variables().containsEntry(VAR_APPEAL_RECEIVED_AT, MONDAY_3_MARCH_2025_0900);

        assertThat(acknowledged(pi)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, NOTICE_APPEAL_RECEIVED),
                entry(INPUT_REASON, "SUSPEND: payment suspended"),
                entry(VAR_DECISION_TYPE, BenefitAdjustment.DECISION_TYPE),
                entry(INPUT_DECISION_DUE_AT, DAY_30));

        assertThat(pi).isWaitingAt(REVIEW_APPEAL);
        Task review = task(REVIEW_APPEAL, pi);
        assertThat(review)
                .hasName("Review appeal")
                .hasCandidateGroup(GROUP_APPEALS_OFFICERS)
                .isNotAssigned()
                .hasDueDate(DAY_30)
                .hasDescription("Appeal of Amina Haddad (reference " + referenceId + ") against a decision of type"
                        + " BENEFIT_ADJUSTMENT. Uphold, overturn or partly uphold it, with reasons, by the statutory"
                        + " deadline.");
        assertThat(review.getPriority()).isEqualTo(TaskPriorities.ROUTINE);

        officerDecides(pi, withVariables(
                VAR_APPEAL_OUTCOME, OUTCOME_UPHELD,
                VAR_APPEAL_REASONING, "The income evidence was requested twice and not provided."));

        Notices notices = saAndPesAreTold(pi);
        assertThat(notices.toSa()).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, NOTICE_APPEAL_UPHELD),
                entry(INPUT_REASON, "The income evidence was requested twice and not provided."),
                entry(VAR_DECISION_TYPE, BenefitAdjustment.DECISION_TYPE),
                entry(VAR_AMENDED_DECISION, null),
                entry(VAR_AMENDED_BENEFIT_PERCENT, null),
                entry(VAR_AMENDED_SCHEDULE, null));
        assertThat(notices.toPes()).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, NOTICE_APPEAL_UPHELD),
                entry(INPUT_REASON, "The income evidence was requested twice and not provided."),
                entry(VAR_DECISION_TYPE, BenefitAdjustment.DECISION_TYPE));

        assertThat(pi).isEnded()
                .hasPassedInOrder(APPEAL_RECEIVED, APPEAL_INTAKE_MERGE, ACKNOWLEDGE_APPEAL, APPEAL_REVIEW_STARTED,
                        REVIEW_APPEAL, APPEAL_DECIDED, NOTIFY_OUTCOME_FORK, NOTIFY_OUTCOME_JOIN, APPEAL_OUTCOME_GATEWAY,
                        DECISION_UPHELD)
                .hasPassed(NOTIFY_SA_OF_OUTCOME, NOTIFY_PES_OF_OUTCOME)
                .hasNotPassed(DEADLINE_APPROACHING, FOLLOW_UP_APPROACHING_DEADLINE, DECISION_OVERTURNED,
                        DECISION_PARTIALLY_UPHELD);
        assertThat(processVariables(pi))
                .containsEntry(VAR_APPEAL_OUTCOME, OUTCOME_UPHELD)
                .containsEntry(VAR_APPEAL_DECIDED_BY, APPEALS_OFFICER)
                .containsEntry(VAR_APPEAL_DECIDED_AT, MONDAY_3_MARCH_2025_0900)
                .containsEntry(VAR_AMENDED_DECISION, null)
                .containsEntry(VAR_AMENDED_BENEFIT_PERCENT, null)
                .containsEntry(VAR_AMENDED_SCHEDULE, null);
    }

    @Test
    void an_overturned_decision_is_told_to_SA_and_PES_and_ends_overturned() {
        ProcessInstance pi = appealCalledWith(decisionRecord());
        acknowledged(pi);

        officerDecides(pi, withVariables(
                VAR_APPEAL_OUTCOME, OUTCOME_OVERTURNED,
                VAR_APPEAL_REASONING, "The income had been reported at the SA office; the record was incomplete."));

        Notices notices = saAndPesAreTold(pi);
        assertThat(notices.toSa()).containsEntry(INPUT_OUTCOME, NOTICE_APPEAL_OVERTURNED)
                .containsEntry(VAR_AMENDED_DECISION, null);
        assertThat(notices.toPes()).containsEntry(INPUT_OUTCOME, NOTICE_APPEAL_OVERTURNED)
                .containsEntry(INPUT_REASON, "The income had been reported at the SA office; the record was incomplete.");
        assertThat(pi).isEnded()
                .hasPassedInOrder(REVIEW_APPEAL, APPEAL_OUTCOME_GATEWAY, DECISION_OVERTURNED)
                .hasNotPassed(DECISION_UPHELD, DECISION_PARTIALLY_UPHELD);
        assertThat(processVariables(pi)).containsEntry(VAR_APPEAL_OUTCOME, OUTCOME_OVERTURNED);
    }

    @Test
    void a_partially_upheld_decision_returns_the_amended_decision_which_SA_learns_and_PES_does_not() {
        ProcessInstance pi = appealCalledWith(decisionRecord());
        acknowledged(pi);

        // the amendment fields start as the decision appealed, so the officer changes only what changes
        Task review = task(REVIEW_APPEAL, pi);
        assertThat(taskService().getVariables(review.getId()))
                .containsEntry(VAR_AMENDED_DECISION, BenefitAdjustment.DECISION_SUSPEND)
                .containsEntry(VAR_AMENDED_BENEFIT_PERCENT, 0)
                .containsEntry(VAR_AMENDED_SCHEDULE, null);

        officerDecides(pi, withVariables(
                VAR_APPEAL_OUTCOME, OUTCOME_PARTIALLY_UPHELD,
                VAR_APPEAL_REASONING, "Income partly evidenced: reduce rather than suspend.",
                VAR_AMENDED_DECISION, BenefitAdjustment.DECISION_REDUCE,
                VAR_AMENDED_BENEFIT_PERCENT, 50L,
                VAR_AMENDED_SCHEDULE, "50,50,50"));

        Notices notices = saAndPesAreTold(pi);
        assertThat(notices.toSa())
                .containsEntry(INPUT_OUTCOME, NOTICE_APPEAL_PARTIALLY_UPHELD)
                .containsEntry(VAR_AMENDED_DECISION, BenefitAdjustment.DECISION_REDUCE)
                .containsEntry(VAR_AMENDED_BENEFIT_PERCENT, 50L)
                .containsEntry(VAR_AMENDED_SCHEDULE, "50,50,50");
        assertThat(notices.toPes()).containsEntry(INPUT_OUTCOME, NOTICE_APPEAL_PARTIALLY_UPHELD)
                .doesNotContainKeys(VAR_AMENDED_DECISION, VAR_AMENDED_BENEFIT_PERCENT, VAR_AMENDED_SCHEDULE);

        assertThat(pi).isEnded()
                .hasPassedInOrder(REVIEW_APPEAL, APPEAL_OUTCOME_GATEWAY, DECISION_PARTIALLY_UPHELD)
                .hasNotPassed(DECISION_UPHELD, DECISION_OVERTURNED);
        assertThat(processVariables(pi))
                .containsEntry(VAR_APPEAL_OUTCOME, OUTCOME_PARTIALLY_UPHELD)
                .containsEntry(VAR_APPEAL_REASONING, "Income partly evidenced: reduce rather than suspend.")
                .containsEntry(VAR_AMENDED_DECISION, BenefitAdjustment.DECISION_REDUCE)
                .containsEntry(VAR_AMENDED_BENEFIT_PERCENT, 50L)
                .containsEntry(VAR_AMENDED_SCHEDULE, "50,50,50")
                // the record itself is not changed by the amendment
                .containsEntry(VAR_DECISION, BenefitAdjustment.DECISION_SUSPEND);
    }

    // ---- deadline and escalation ------------------------------------------------------------------

    @Test
    void an_appeal_undecided_at_day_20_is_escalated_to_the_appeals_supervisors_while_the_review_stays_open() {
        ProcessInstance pi = appealCalledWith(decisionRecord());
        acknowledged(pi);
        Task review = task(REVIEW_APPEAL, pi);
        int normalPriority = review.getPriority();

        Job deadlineApproaching = job(DEADLINE_APPROACHING, pi);
        assertThat(deadlineApproaching.getDuedate()).isEqualTo(DAY_20);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(DAY_20.toInstant().plusSeconds(60)));
        execute(deadlineApproaching);

        assertThat(pi).hasPassed(DEADLINE_APPROACHING).isWaitingAt(REVIEW_APPEAL, FOLLOW_UP_APPROACHING_DEADLINE);
        Task stillOpenReview = task(REVIEW_APPEAL, pi);
        assertThat(stillOpenReview).hasId(review.getId()).hasDueDate(DAY_30);
        assertThat(stillOpenReview.getPriority()).isEqualTo(ESCALATED_REVIEW_PRIORITY).isGreaterThan(normalPriority);

        Task followUp = task(FOLLOW_UP_APPROACHING_DEADLINE, pi);
        assertThat(followUp).hasName("Follow up appeal nearing its deadline")
                .hasCandidateGroup(GROUP_APPEALS_SUPERVISORS)
                // day 20 is a Sunday: the next working day is Monday
                .hasDueDate(Date.from(Instant.parse("2025-03-24T09:01:00Z")))
                .hasDescription("The appeal of Amina Haddad (reference " + referenceId + ") is still undecided as its"
                        + " statutory deadline nears; its review has moved to the top of the officers' inbox. Make sure"
                        + " it is decided in time, by the next working day.");
        assertThat(followUp.getPriority()).isEqualTo(TaskPriorities.FOLLOW_UP);
        assertThat(formFieldKeys(followUp)).containsExactly(VAR_DEADLINE_FOLLOW_UP_ACTION, VAR_DEADLINE_FOLLOW_UP_NOTES);
        complete(followUp, withVariables(
                VAR_DEADLINE_FOLLOW_UP_ACTION, FOLLOW_UP_CONTACTED_OFFICER,
                VAR_DEADLINE_FOLLOW_UP_NOTES, "Officer back on Monday; decision promised for Tuesday."));
        assertThat(pi).hasPassed(DEADLINE_FOLLOWED_UP).isWaitingAt(REVIEW_APPEAL);

        officerDecides(pi, withVariables(VAR_APPEAL_OUTCOME, OUTCOME_UPHELD, VAR_APPEAL_REASONING, "Rule applied correctly."));
        saAndPesAreTold(pi);
        assertThat(pi).isEnded().hasPassed(DEADLINE_FOLLOWED_UP, APPEAL_DECIDED, DECISION_UPHELD);
    }

    @Test
    void deciding_the_appeal_ends_a_supervisors_follow_up_that_is_still_open() {
        ProcessInstance pi = appealCalledWith(decisionRecord());
        acknowledged(pi);
        ClockUtil.setCurrentTime(Date.from(DAY_20.toInstant().plusSeconds(60)));
        execute(job(DEADLINE_APPROACHING, pi));
        assertThat(pi).isWaitingAt(REVIEW_APPEAL, FOLLOW_UP_APPROACHING_DEADLINE);

        officerDecides(pi, withVariables(VAR_APPEAL_OUTCOME, OUTCOME_OVERTURNED, VAR_APPEAL_REASONING, "Wrong person."));

        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).isWaitingAt(NOTIFY_SA_OF_OUTCOME, NOTIFY_PES_OF_OUTCOME)
                .hasPassed(APPEAL_DECIDED)
                .hasNotPassed(DEADLINE_FOLLOWED_UP);
        saAndPesAreTold(pi);
        assertThat(pi).isEnded().hasPassed(DECISION_OVERTURNED);
    }

    @Test
    void the_deadline_and_the_escalation_point_come_from_the_settings() {
        Mocks.register(SETTINGS_BEAN, new AppealSettings(Duration.parse("P14D"), Duration.parse("P10D")));
        ProcessInstance pi = appealCalledWith(decisionRecord());

        assertThat(acknowledged(pi)).containsEntry(INPUT_DECISION_DUE_AT, plusDays(MONDAY_3_MARCH_2025_0900, 14));
        assertThat(task(REVIEW_APPEAL, pi)).hasDueDate(plusDays(MONDAY_3_MARCH_2025_0900, 14));
        assertThat(job(DEADLINE_APPROACHING, pi).getDuedate()).isEqualTo(plusDays(MONDAY_3_MARCH_2025_0900, 10));
    }

    // ---- how an appeal starts -----------------------------------------------------------------------

    @Test
    void an_appeal_against_a_decision_taken_outside_the_hub_starts_with_its_own_message() {
        referenceId = "REF-" + UUID.randomUUID();
        Map<String, Object> record = decisionRecord();

        ProcessInstance pi = runtimeService().createMessageCorrelation(MESSAGE_EXTERNAL_DECISION_APPEALED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(record)
                .correlateWithResult()
                .getProcessInstance();

        assertThat(pi).isStarted().hasBusinessKey(referenceId)
                .hasPassed(EXTERNAL_DECISION_APPEALED, APPEAL_INTAKE_MERGE)
                .hasNotPassed(APPEAL_RECEIVED)
                .isWaitingAt(ACKNOWLEDGE_APPEAL);
        assertThat(pi).variables().containsEntry(VAR_APPEAL_RECEIVED_AT, MONDAY_3_MARCH_2025_0900);
        assertThat(acknowledged(pi)).containsEntry(INPUT_OUTCOME, NOTICE_APPEAL_RECEIVED)
                .containsEntry(INPUT_DECISION_DUE_AT, DAY_30);

        officerDecides(pi, withVariables(VAR_APPEAL_OUTCOME, OUTCOME_UPHELD, VAR_APPEAL_REASONING, "Correct."));
        saAndPesAreTold(pi);
        assertThat(pi).isEnded().hasPassed(DECISION_UPHELD);
    }

    @Test
    void AppealFiled_alone_starts_no_appeal_so_it_cannot_reopen_a_decision_whose_window_has_closed() {
        String someReference = "REF-" + UUID.randomUUID();

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(BenefitAdjustment.MESSAGE_APPEAL_FILED)
                .processInstanceBusinessKey(someReference)
                .correlateWithResult())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    }

    // ---- forms and contracts ----------------------------------------------------------------------

    @Test
    void the_review_opens_its_deployed_form_with_the_decision_record_and_the_fields_the_process_reads() {
        ProcessInstance pi = appealCalledWith(decisionRecord());
        acknowledged(pi);
        Task review = task(REVIEW_APPEAL, pi);

        CamundaFormRef formRef = formService().getTaskFormData(review.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo(FORM_REVIEW);
        assertThat(formRef.getBinding()).isEqualTo("latest");

        DocumentContext form = deployedForm(review);
        assertThat((String) form.read("$.id")).isEqualTo(FORM_REVIEW);
        assertThat((String) form.read("$.executionPlatformVersion")).isEqualTo("7.24.0");
        assertThat(formFieldKeys(review)).containsExactly(VAR_APPEAL_OUTCOME, VAR_APPEAL_REASONING,
                VAR_AMENDED_DECISION, VAR_AMENDED_BENEFIT_PERCENT, VAR_AMENDED_SCHEDULE);
        List<String> outcomes = form.read("$.components[?(@.key == 'appealOutcome')].values[*].value");
        assertThat(outcomes).containsExactly(OUTCOME_UPHELD, OUTCOME_OVERTURNED, OUTCOME_PARTIALLY_UPHELD);
        List<Boolean> required = form.read("$.components[?(@.key in ['appealOutcome', 'appealReasoning'])].validate.required");
        assertThat(required).containsExactly(true, true);

        // the read-only record: every field of it is shown, and the task sees the values
        String shown = String.join("\n", form.<List<String>>read("$.components[?(@.type == 'text')].text"));
        for (String recordField : List.of(VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_APPEAL_RECEIVED_AT, VAR_APPEAL_GROUNDS,
                VAR_DECISION_TYPE, VAR_DECISION, VAR_DECISION_SUMMARY, VAR_DECISION_BENEFIT_PERCENT, VAR_DECISION_SCHEDULE,
                VAR_DECISION_RULE_ID, VAR_DECISION_RULE_REASON, VAR_DECISION_INPUTS, VAR_DECIDED_BY, VAR_DECIDED_AT,
                VAR_DECISION_OPTIONS)) {
            assertThat(shown).as(recordField).contains("{{" + recordField + "}}");
            assertThat(taskService().getVariables(review.getId())).as(recordField).containsKey(recordField);
        }
    }

    @Test
    void every_user_task_has_its_Camunda_form_deployed() {
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition().getId());
        List<String> resources = repositoryService().getDeploymentResourceNames(definition().getDeploymentId());

        assertThat(model.getModelElementsByType(UserTask.class))
                .extracting(UserTask::getId, UserTask::getCamundaFormRef, UserTask::getCamundaFormRefBinding)
                .containsExactlyInAnyOrder(
                        tuple(REVIEW_APPEAL, FORM_REVIEW, "latest"),
                        tuple(FOLLOW_UP_APPROACHING_DEADLINE, FORM_DEADLINE_FOLLOW_UP, "latest"));
        assertThat(resources).contains(FORM_REVIEW_RESOURCE, FORM_DEADLINE_FOLLOW_UP_RESOURCE);
        for (String resource : List.of(FORM_REVIEW_RESOURCE, FORM_DEADLINE_FOLLOW_UP_RESOURCE)) {
            try (InputStream form = repositoryService().getResourceAsStream(definition().getDeploymentId(), resource)) {
                String id = JsonPath.parse(new String(form.readAllBytes(), UTF_8)).read("$.id");
                assertThat(resource).isEqualTo("forms/" + id + ".form");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void every_service_task_is_an_async_external_task_with_retries_back_off_purpose_and_a_declared_payload() {
        assertThat(assertServiceTaskConventions(PROCESS_KEY, topic -> PURPOSE_BENEFIT_APPEAL,
                INPUT_OUTCOME, INPUT_REASON)).containsOnly(
                entry(ACKNOWLEDGE_APPEAL, TOPIC_NOTIFY_SA),
                entry(NOTIFY_SA_OF_OUTCOME, TOPIC_NOTIFY_SA),
                entry(NOTIFY_PES_OF_OUTCOME, TOPIC_NOTIFY_PES));
    }

    // ---- steps and helpers ------------------------------------------------------------------------

    /** Starts the appeal the way a call activity does: at its none start event, with the business key. */
    private ProcessInstance appealCalledWith(Map<String, Object> record) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, record);
    }

    /** A suspension of the benefit, decided by the hub's rules and approved by an SA caseworker. */
    private Map<String, Object> decisionRecord() {
        if (referenceId == null) {
            referenceId = "REF-" + UUID.randomUUID();
        }
        correlationId = UUID.randomUUID().toString();
        Map<String, Object> record = new HashMap<>();
        record.put(VAR_REFERENCE_ID, referenceId);
        record.put(VAR_PERSON_ID, PERSON);
        record.put(VAR_CORRELATION_ID, correlationId);
        record.put(VAR_GIVEN_NAME, "Amina");
        record.put(VAR_FAMILY_NAME, "Haddad");
        record.put(VAR_DECISION_TYPE, BenefitAdjustment.DECISION_TYPE);
        record.put(VAR_DECISION, BenefitAdjustment.DECISION_SUSPEND);
        record.put(VAR_DECISION_SUMMARY, "SUSPEND: payment suspended");
        record.put(VAR_DECISION_BENEFIT_PERCENT, 0);
        record.put(VAR_DECISION_SCHEDULE, null);
        record.put(VAR_DECISION_OPTIONS, "CONTINUE, REDUCE, SUSPEND, GRADUATE");
        record.put(VAR_DECISION_RULE_ID, BenefitAdjustment.RULE_INCOME_NOT_REPORTED);
        record.put(VAR_DECISION_RULE_REASON, "In work but the monthly income from the job is not known.");
        record.put(VAR_DECISION_INPUTS, "employment status EMPLOYED; monthly income from employment null");
        record.put(VAR_DECIDED_BY, "sa-worker");
        record.put(VAR_DECIDED_AT, DECIDED_AT);
        record.put(VAR_APPEAL_GROUNDS, "I sent my payslips to the SA office on 10 February.");
        return record;
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

    private static List<String> formFieldKeys(Task task) {
        return deployedForm(task).read("$.components[*].key");
    }

    private static Date plusDays(Date date, int days) {
        return Date.from(date.toInstant().plus(Duration.ofDays(days)));
    }
}
