package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.esphub.processes.IntegratedCase.*;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.fireTimer;
import static org.esphub.processes.LifecycleProcessSteps.vars;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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

/**
 * integrated-case, path by path, as the hub and the two agencies' caseworkers drive it: opened by the hub
 * for a person's first process or by a caseworker's start form; PES proposes the joint plan, SA sends it
 * back once and then agrees; each agency's action reaches its own inbox with its due date, and a late one
 * its supervisors; both done, the plan comes up for review; a conference on request and on schedule, for
 * both agencies; the case closes when the last linked process ends, or when both agree at a conference.
 * (What the hub does at each step, keeping the plan versions and linking the processes, is tested on the
 * running hub: IntegratedCaseOnH2Test.)
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_OPENING_RESOURCE, FORM_PLAN_PES_RESOURCE, FORM_PLAN_SA_RESOURCE,
        FORM_ACTION_RESOURCE, FORM_OVERDUE_ACTION_RESOURCE, FORM_CONFERENCE_RESOURCE})
class IntegratedCaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Instant MONDAY_0900 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PERSON = "PERS-0505";
    private static final String REFERENCE = REFERENCE_PREFIX + PERSON;
    private static final String PES_CASEWORKER = "pes-worker";
    private static final String SA_CASEWORKER = "sa-worker";

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
        Mocks.register(WorkingCalendar.BEAN_NAME, new WorkingCalendar(List.of(), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    @Test
    void the_model_follows_the_conventions_of_every_process() {
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsEntry(PROPOSE_PLAN, FORM_PLAN_PES)
                .containsEntry(AGREE_PLAN, FORM_PLAN_SA).containsEntry(SA_ACTION, FORM_ACTION)
                .containsEntry(PES_ACTION, FORM_ACTION).containsEntry(FOLLOW_UP_SA_ACTION, FORM_OVERDUE_ACTION)
                .containsEntry(FOLLOW_UP_PES_ACTION, FORM_OVERDUE_ACTION).containsEntry(SA_CONFERENCE, FORM_CONFERENCE)
                .containsEntry(PES_CONFERENCE, FORM_CONFERENCE);
    }

    // ---- opening -------------------------------------------------------------------------------------

    @Test
    void the_hub_opens_the_case_for_the_first_process_and_pes_is_asked_for_the_plan_while_conferences_wait() {
        ProcessInstance pi = openedByTheHub();

        assertThat(pi).isActive().hasPassed(OPENED_BY_THE_HUB, CASE_STARTED).isWaitingAt(PROPOSE_PLAN, CONFERENCE_WAIT);
        assertThat(pi).variables().containsEntry(VAR_PLAN_VERSION, 0L).containsEntry(VAR_OPENED_BY, OPENED_BY_HUB)
                .containsEntry(VAR_OPENED_FOR, ReferralToPes.PROCESS_KEY);
        Task propose = task(PROPOSE_PLAN, pi);
        assertThat(propose).hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDescription("Joint plan for Lena Kowalski (integrated case " + REFERENCE + "): write the goal and"
                        + " one action for each agency with its due date, and keep your own case notes (SA never sees"
                        + " them). SA agrees to the plan or sends it back.");
        assertThat(fieldKeys(assertOpensForm(propose, FORM_PLAN_PES))).containsExactly(VAR_PLAN_GOAL,
                VAR_SA_ACTION, VAR_SA_ACTION_DUE_DATE, VAR_PES_ACTION, VAR_PES_ACTION_DUE_DATE, VAR_PES_CASE_NOTES);
    }

    @Test
    void an_sa_or_pes_caseworker_opens_the_case_with_the_start_form_and_it_becomes_case_and_the_person_id() {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
        assertThat(formService().getStartFormData(definition.getId()).getCamundaFormRef().getKey())
                .isEqualTo(FORM_OPENING);
        // only the two agencies' caseworkers may open one in Tasklist
        assertThat(repositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
                .extracting(link -> link.getGroupId())
                .containsExactlyInAnyOrder(GROUP_SA_CASEWORKERS, GROUP_PES_CASEWORKERS);

        identityService().setAuthenticatedUserId(SA_CASEWORKER);
        ProcessInstance pi;
        try {
            // what the case decides with is its own steps', whatever the starter sends along
            pi = formService().submitStartForm(definition.getId(), vars(VAR_PERSON_ID, PERSON,
                    VAR_GIVEN_NAME, "Lena", VAR_FAMILY_NAME, "Kowalski", VAR_PLAN_VERSION, 7,
                    VAR_SA_AGREES_TO_CLOSE, true, VAR_PES_AGREES_TO_CLOSE, true));
        } finally {
            identityService().clearAuthentication();
        }

        assertThat(processInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo(REFERENCE);
        assertThat(pi).hasPassed(OPENED_BY_A_CASEWORKER).isWaitingAt(PROPOSE_PLAN, CONFERENCE_WAIT);
        assertThat(pi).variables().containsEntry(VAR_REFERENCE_ID, REFERENCE).containsEntry(VAR_CORRELATION_ID, REFERENCE)
                .containsEntry(VAR_OPENED_BY, SA_CASEWORKER).containsEntry(VAR_OPENED_FOR, null)
                .containsEntry(VAR_PLAN_VERSION, 0L).containsEntry(VAR_SA_AGREES_TO_CLOSE, false)
                .containsEntry(VAR_PES_AGREES_TO_CLOSE, false);
    }

    // ---- the joint plan --------------------------------------------------------------------------------

    @Test
    void sa_sends_the_plan_back_pes_changes_it_sa_agrees_and_each_action_reaches_its_agencys_inbox_when_due() {
        ProcessInstance pi = openedByTheHub();
        pesProposes(pi, "Find work in logistics", "2025-03-14", "2025-03-21");
        saDecides(pi, PLAN_CHANGES_REQUESTED, "Add the childcare question to SA's action.");

        assertThat(pi).hasPassed(PLAN_DECISION_GATEWAY).hasNotPassed(PLAN_AGREED).isWaitingAt(PROPOSE_PLAN);
        assertThat(pi).variables().containsEntry(VAR_SA_PLAN_COMMENT, "Add the childcare question to SA's action.");
        pesProposes(pi, "Find work in logistics, with childcare arranged", "2025-03-14", "2025-03-21");
        saDecides(pi, PLAN_AGREE, null);

        assertThat(pi).hasPassed(PLAN_AGREED, ACTIONS_SPLIT).isWaitingAt(SA_ACTION, PES_ACTION, CONFERENCE_WAIT);
        assertThat(pi).variables().containsEntry(VAR_PLAN_PROPOSED_BY, PES_CASEWORKER)
                .containsEntry(VAR_PLAN_AGREED_BY, SA_CASEWORKER);
        Task saAction = task(SA_ACTION, pi);
        assertThat(saAction).hasCandidateGroup(GROUP_SA_CASEWORKERS)
                .hasDueDate(Date.from(Instant.parse("2025-03-14T00:00:00Z")));
        assertThat(saAction.getDescription()).contains("Lena Kowalski (integrated case " + REFERENCE + "), SA's action: "
                + "Check the childcare allowance");
        Task pesAction = task(PES_ACTION, pi);
        assertThat(pesAction).hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDueDate(Date.from(Instant.parse("2025-03-21T00:00:00Z")));
        assertThat(fieldKeys(assertOpensForm(pesAction, FORM_ACTION))).containsExactly("actionResult");
    }

    @Test
    void an_action_past_its_due_date_goes_to_its_agencys_supervisors_and_stays_in_the_caseworkers_inbox() {
        ProcessInstance pi = withAgreedPlan();

        fireTimer(pi, SA_ACTION_OVERDUE);
        assertThat(pi).isWaitingAt(SA_ACTION, FOLLOW_UP_SA_ACTION, PES_ACTION);
        assertThat(task(FOLLOW_UP_SA_ACTION, pi)).hasCandidateGroup(GROUP_SA_SUPERVISORS);
        fireTimer(pi, PES_ACTION_OVERDUE);
        Task pesFollowUp = task(FOLLOW_UP_PES_ACTION, pi);
        assertThat(pesFollowUp).hasCandidateGroup(GROUP_PES_SUPERVISORS);
        assertThat(pesFollowUp.getPriority()).isEqualTo(TaskPriorities.FOLLOW_UP);

        complete(task(FOLLOW_UP_SA_ACTION, pi), vars("followUpNotes", "Called the SA office; done by Friday."));
        complete(pesFollowUp, vars("followUpNotes", "Reassigned to a colleague."));
        assertThat(pi).hasPassed(SA_ACTION_FOLLOWED_UP, PES_ACTION_FOLLOWED_UP).isWaitingAt(SA_ACTION, PES_ACTION);
    }

    @Test
    void both_actions_done_the_plan_comes_up_for_review_as_its_next_version() {
        ProcessInstance pi = withAgreedPlan();

        complete(task(SA_ACTION, pi), vars("actionResult", "Childcare allowance granted."));
        assertThat(pi).isWaitingAt(PES_ACTION);
        complete(task(PES_ACTION, pi), vars("actionResult", "Two interviews arranged."));

        assertThat(pi).hasPassed(ACTIONS_JOIN).isWaitingAt(PROPOSE_PLAN, CONFERENCE_WAIT);
        assertThat(pi).variables().containsEntry(VAR_SA_ACTION_RESULT, "Childcare allowance granted.")
                .containsEntry(VAR_PES_ACTION_RESULT, "Two interviews arranged.");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId(SA_ACTION_OVERDUE)
                .count()).as("no escalation left for a done action").isZero();
    }

    // ---- conferences -------------------------------------------------------------------------------------

    @Test
    void a_conference_either_side_asks_for_is_a_task_for_both_and_without_both_agreeing_the_case_stays_open() {
        ProcessInstance pi = withAgreedPlan();
        runtimeService().createMessageCorrelation(MESSAGE_CONFERENCE_REQUESTED).processInstanceId(pi.getId())
                .setVariable(VAR_CONFERENCE_REQUESTED_BY, SA_CASEWORKER).correlateWithResult();

        assertThat(pi).hasPassed(CONFERENCE_REQUESTED).isWaitingAt(SA_CONFERENCE, PES_CONFERENCE, SA_ACTION, PES_ACTION);
        Task sa = task(SA_CONFERENCE, pi);
        assertThat(sa).hasCandidateGroup(GROUP_SA_CASEWORKERS);
        assertThat(sa.getDescription()).contains(", asked for by a caseworker.");
        assertThat(task(PES_CONFERENCE, pi)).hasCandidateGroup(GROUP_PES_CASEWORKERS);
        assertThat(fieldKeys(assertOpensForm(sa, FORM_CONFERENCE))).containsExactly("conferenceOutcome",
                "agreesToClose");
        attend(pi, SA_CONFERENCE, SA_CASEWORKER, "Benefit continues while the person trains.", true);
        attend(pi, PES_CONFERENCE, PES_CASEWORKER, "Training starts next month.", false);

        assertThat(pi).hasPassed(CLOSURE_GATEWAY).hasNotPassed(CLOSURE_AGREED_AT_CONFERENCE)
                .isWaitingAt(CONFERENCE_WAIT, SA_ACTION, PES_ACTION);
        assertThat(pi).variables().containsEntry(VAR_SA_CONFERENCE_OUTCOME, "Benefit continues while the person trains.")
                .containsEntry(VAR_PES_CONFERENCE_OUTCOME, "Training starts next month.")
                .containsEntry(VAR_SA_AGREES_TO_CLOSE, true).containsEntry(VAR_PES_AGREES_TO_CLOSE, false);
    }

    @Test
    void a_scheduled_conference_where_both_agencies_agree_closes_the_case_and_empties_both_inboxes() {
        ProcessInstance pi = withAgreedPlan();
        fireTimer(pi, CONFERENCE_DUE);

        assertThat(task(PES_CONFERENCE, pi).getDescription()).contains(", on schedule.");
        attend(pi, SA_CONFERENCE, SA_CASEWORKER, "The person works full time.", true);
        attend(pi, PES_CONFERENCE, PES_CASEWORKER, "Placement stable.", true);

        assertThat(pi).isEnded().hasPassed(CONFERENCE_DUE, CLOSURE_AGREED_AT_CONFERENCE, CLOSED_BY_JOINT_DECISION)
                .hasNotPassed(CLOSED_WITH_THE_LAST_PROCESS);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    // ---- closing with the last linked process ------------------------------------------------------------

    @Test
    void the_case_closes_when_the_hub_reports_the_last_linked_process_ended() {
        ProcessInstance pi = withAgreedPlan();
        runtimeService().createMessageCorrelation(MESSAGE_LINKED_PROCESSES_ENDED).processInstanceId(pi.getId())
                .correlateWithResult();

        assertThat(pi).isEnded().hasPassed(LINKED_PROCESSES_ENDED, CLOSED_WITH_THE_LAST_PROCESS)
                .hasNotPassed(CLOSED_BY_JOINT_DECISION);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    // ---- steps -------------------------------------------------------------------------------------------

    private static ProcessInstance openedByTheHub() {
        return runtimeService().createMessageCorrelation(MESSAGE_OPENED).processInstanceBusinessKey(REFERENCE)
                .setVariables(vars(VAR_REFERENCE_ID, REFERENCE, VAR_PERSON_ID, PERSON, VAR_CORRELATION_ID, "corr-0505",
                        VAR_GIVEN_NAME, "Lena", VAR_FAMILY_NAME, "Kowalski", VAR_OPENED_BY, OPENED_BY_HUB,
                        VAR_OPENED_FOR, ReferralToPes.PROCESS_KEY))
                .correlateStartMessage();
    }

    private ProcessInstance withAgreedPlan() {
        ProcessInstance pi = openedByTheHub();
        pesProposes(pi, "Find work in logistics, with childcare arranged", "2025-03-14", "2025-03-21");
        saDecides(pi, PLAN_AGREE, null);
        return pi;
    }

    private static void pesProposes(ProcessInstance pi, String goal, String saDue, String pesDue) {
        as(PES_CASEWORKER, task(PROPOSE_PLAN, pi), vars(VAR_PLAN_GOAL, goal,
                VAR_SA_ACTION, "Check the childcare allowance", VAR_SA_ACTION_DUE_DATE, saDue,
                VAR_PES_ACTION, "Arrange two interviews", VAR_PES_ACTION_DUE_DATE, pesDue,
                VAR_PES_CASE_NOTES, "Low confidence after a long absence; motivated."));
    }

    private static void saDecides(ProcessInstance pi, String decision, String comment) {
        Task agree = task(AGREE_PLAN, pi);
        assertThat(agree).hasCandidateGroup(GROUP_SA_CASEWORKERS);
        assertThat(fieldKeys(assertOpensForm(agree, FORM_PLAN_SA))).containsExactly(VAR_SA_PLAN_DECISION,
                VAR_SA_PLAN_COMMENT);
        as(SA_CASEWORKER, agree, vars(VAR_SA_PLAN_DECISION, decision, VAR_SA_PLAN_COMMENT, comment));
    }

    private static void attend(ProcessInstance pi, String conference, String caseworker, String outcome,
            boolean agreesToClose) {
        as(caseworker, task(conference, pi), vars("conferenceOutcome", outcome, "agreesToClose", agreesToClose));
    }

    private static void as(String caseworker, Task task, Map<String, Object> formValues) {
        identityService().setAuthenticatedUserId(caseworker);
        try {
            claim(task, caseworker);
            complete(task, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }
}
