package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.fireTimer;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.LifecycleProcessSteps.workerCompletes;
import static org.esphub.processes.Rectification.*;

import com.jayway.jsonpath.DocumentContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
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
 * rectification: the source agency's caseworkers check the field before it is due (urgently shortly before);
 * corrected, the hub records the decision and every agency that received the old value (here SA, PES, both
 * or none) is told the new value, and so is each employer that received it, one notice each; refused, the
 * agency that asked is told the reason.
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_CHECK_RESOURCE})
class RectificationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final String REQUEST = "RECT-0001";
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant ESCALATE_AT = Instant.parse("2026-03-27T09:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2026-04-01T09:00:00Z");

    /** The hub's side: what it was told and whom it names as receivers of the old value. */
    private static final class RecordedDecisions implements RectificationRecord {
        final List<String> decisions = new ArrayList<>();
        List<String> receivers = List.of();
        List<String> employers = List.of();

        @Override
        public Map<String, Object> corrected(String rectificationId, String checkedBy) {
            decisions.add("corrected " + rectificationId + " by " + checkedBy);
            return Map.of(VAR_VERSION, 2, VAR_RECEIVER_KINDS, receivers, VAR_EMPLOYER_RECEIVERS, employers);
        }

        @Override
        public void refused(String rectificationId, String checkedBy) {
            decisions.add("refused " + rectificationId + " by " + checkedBy);
        }
    }

    private RecordedDecisions record;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
        record = new RecordedDecisions();
        Mocks.register(RectificationRecord.BEAN, record);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void sa_corrects_the_birth_date_and_pes_which_received_it_is_told_the_new_value() {
        record.receivers = List.of(AgencyKind.PES.name());
        ProcessInstance pi = requestFrom(AgencyKind.PES, "pes.gov.example");

        Task check = task(CHECK_FIELD, pi);
        assertThat(check).hasName("Check and correct birth_date for 10000000001").hasCandidateGroup("sa-caseworkers");
        assertThat(check.getDueDate()).isEqualTo(Date.from(DUE_AT));
        assertThat(check.getDescription()).contains("Maria Rodriguez", REQUEST);
        claim(check, "sa-caseworker");
        complete(check, vars(VAR_DECISION, DECISION_CORRECT, VAR_CORRECTED_VALUE, "1990-05-14"));

        assertThat(record.decisions).containsExactly("corrected " + REQUEST + " by sa-caseworker");
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_PES_OF_CORRECTION, "pes.notify-outcome");
        assertThat(notice).containsEntry("referenceId", REQUEST).containsEntry("personId", "10000000001")
                .containsEntry("outcome", OUTCOME_DATA_RECTIFIED).containsEntry("field", "birth_date")
                .containsEntry("newValue", "1990-05-14").containsEntry("version", 2)
                .containsEntry("effectiveDate", "2026-03-02");
        assertThat(pi).isEnded().hasPassed(CORRECTED).hasNotPassed(NOTIFY_SA_OF_CORRECTION, NOTIFY_PES_OF_REFUSAL,
                NOTIFY_EMPLOYERS_OF_CORRECTION);
    }

    @Test
    void each_employer_that_received_the_family_name_is_told_the_correction_once_in_parallel_with_pes() {
        record.receivers = List.of(AgencyKind.PES.name());
        record.employers = List.of("EMP-ACME", "EMP-BUILD");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST,
                request(AgencyKind.SA, "sa.gov.example", "family_name", "Rodrigues"));

        complete(task(CHECK_FIELD, pi), vars(VAR_DECISION, DECISION_CORRECT, VAR_CORRECTED_VALUE, "Rodrigues"));

        // one job starts the notices, then one external task per employer, all open at once
        execute(managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(NOTIFY_EMPLOYERS_OF_CORRECTION + "#multiInstanceBody").singleResult());
        List<LockedExternalTask> notices = externalTaskService().fetchAndLock(10, "test-worker")
                .topic(TOPIC_NOTIFY_EMPLOYER, 60_000).businessKey(REQUEST).localVariables().execute();
        assertThat(notices).extracting(LockedExternalTask::getActivityId).containsOnly(NOTIFY_EMPLOYERS_OF_CORRECTION);
        assertThat(notices).extracting(notice -> notice.getVariables().get(VAR_EMPLOYER_ID))
                .containsExactlyInAnyOrder("EMP-ACME", "EMP-BUILD");
        assertThat(notices.get(0).getVariables()).containsEntry("referenceId", REQUEST)
                .containsEntry("personId", "10000000001").containsEntry("correlationId", "corr-1")
                .containsEntry("outcome", OUTCOME_DATA_RECTIFIED).containsEntry("field", "family_name")
                .containsEntry("newValue", "Rodrigues").containsEntry("version", 2)
                .containsEntry("effectiveDate", "2026-03-02");
        assertThat(workerCompletes(pi, NOTIFY_PES_OF_CORRECTION, "pes.notify-outcome"))
                .containsEntry("field", "family_name");
        externalTaskService().complete(notices.get(0).getId(), "test-worker");
        assertThat(pi).isNotEnded();

        externalTaskService().complete(notices.get(1).getId(), "test-worker");
        assertThat(pi).isEnded().hasPassed(CORRECTED).hasNotPassed(NOTIFY_SA_OF_CORRECTION);
    }

    @Test
    void when_both_agencies_received_the_old_value_both_are_told() {
        record.receivers = List.of(AgencyKind.SA.name(), AgencyKind.PES.name());
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");

        complete(task(CHECK_FIELD, pi), vars(VAR_DECISION, DECISION_CORRECT, VAR_CORRECTED_VALUE, "1990-05-14"));

        assertThat(workerCompletes(pi, NOTIFY_SA_OF_CORRECTION, "sa.notify-outcome"))
                .containsEntry("outcome", OUTCOME_DATA_RECTIFIED);
        assertThat(pi).isNotEnded();
        assertThat(workerCompletes(pi, NOTIFY_PES_OF_CORRECTION, "pes.notify-outcome"))
                .containsEntry("newValue", "1990-05-14");
        assertThat(pi).isEnded().hasPassed(CORRECTED);
    }

    @Test
    void a_correction_nobody_received_ends_corrected_without_a_notice() {
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");

        complete(task(CHECK_FIELD, pi), vars(VAR_DECISION, DECISION_CORRECT, VAR_CORRECTED_VALUE, "1990-05-14"));

        assertThat(pi).isEnded().hasPassed(CORRECTED).hasNotPassed(NOTIFY_SA_OF_CORRECTION, NOTIFY_PES_OF_CORRECTION,
                NOTIFY_EMPLOYERS_OF_CORRECTION, NOTIFY_SA_OF_REFUSAL);
    }

    @Test
    void a_refusal_is_recorded_and_tells_the_agency_that_asked_why() {
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");

        claim(task(CHECK_FIELD, pi), "sa-caseworker");
        complete(task(CHECK_FIELD, pi), vars(VAR_DECISION, DECISION_REFUSE,
                VAR_REFUSAL_REASON, "the civil registry confirms the recorded date"));

        assertThat(record.decisions).containsExactly("refused " + REQUEST + " by sa-caseworker");
        Map<String, Object> notice = workerCompletes(pi, NOTIFY_SA_OF_REFUSAL, "sa.notify-outcome");
        assertThat(notice).containsEntry("outcome", OUTCOME_RECTIFICATION_REFUSED).containsEntry("field", "birth_date")
                .containsEntry("reason", "the civil registry confirms the recorded date");
        assertThat(pi).isEnded().hasPassed(REFUSED).hasNotPassed(NOTIFY_PES_OF_REFUSAL, CORRECTED);
    }

    @Test
    void a_refusal_to_pes_goes_to_pes() {
        ProcessInstance pi = requestFrom(AgencyKind.PES, "pes.gov.example");

        complete(task(CHECK_FIELD, pi), vars(VAR_DECISION, DECISION_REFUSE, VAR_REFUSAL_REASON, "no evidence"));

        assertThat(workerCompletes(pi, NOTIFY_PES_OF_REFUSAL, "pes.notify-outcome"))
                .containsEntry("outcome", OUTCOME_RECTIFICATION_REFUSED);
        assertThat(pi).isEnded().hasPassed(REFUSED).hasNotPassed(NOTIFY_SA_OF_REFUSAL);
    }

    @Test
    void a_check_still_open_before_the_deadline_becomes_urgent_and_is_decided_from_there() {
        record.receivers = List.of(AgencyKind.PES.name());
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");
        assertThat(jobAt(pi, DEADLINE_NEAR).getDuedate()).isEqualTo(Date.from(ESCALATE_AT));

        fireTimer(pi, DEADLINE_NEAR);

        assertThat(pi).isWaitingAt(CHECK_FIELD_URGENTLY).hasPassed(DEADLINE_NEAR);
        Task urgent = task(CHECK_FIELD_URGENTLY, pi);
        assertThat(urgent).hasCandidateGroup("sa-caseworkers")
                .hasName("Urgent: check and correct birth_date for 10000000001");
        assertThat(urgent.getPriority()).isEqualTo(TaskPriorities.FOLLOW_UP);
        complete(urgent, vars(VAR_DECISION, DECISION_CORRECT, VAR_CORRECTED_VALUE, "1990-05-14"));

        workerCompletes(pi, NOTIFY_PES_OF_CORRECTION, "pes.notify-outcome");
        assertThat(pi).isEnded().hasPassed(CORRECTED);
    }

    @Test
    void both_checks_open_the_check_form_showing_the_statement_and_asking_correct_or_refuse() {
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");

        DocumentContext form = assertOpensForm(task(CHECK_FIELD, pi), FORM_CHECK);

        assertThat(fieldKeys(form)).containsExactly(VAR_STATEMENT, VAR_DECISION, VAR_CORRECTED_VALUE,
                VAR_REFUSAL_REASON);
        List<String> decisions = form.read("$.components[?(@.key == 'rectificationDecision')].values[*].value");
        assertThat(decisions).containsExactly(DECISION_CORRECT, DECISION_REFUSE);
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsEntry(CHECK_FIELD, FORM_CHECK)
                .containsEntry(CHECK_FIELD_URGENTLY, FORM_CHECK);
        assertThat(assertServiceTaskConventions(PROCESS_KEY, SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS))
                .containsEntry(NOTIFY_SA_OF_CORRECTION, "sa.notify-outcome")
                .containsEntry(NOTIFY_PES_OF_REFUSAL, "pes.notify-outcome")
                .containsEntry(NOTIFY_EMPLOYERS_OF_CORRECTION, TOPIC_NOTIFY_EMPLOYER);
    }

    private static ProcessInstance requestFrom(AgencyKind kind, String requester) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST,
                request(kind, requester, "birth_date", "1990-05-14"));
    }

    private static Map<String, Object> request(AgencyKind kind, String requester, String field, String claimed) {
        return vars(
                VAR_REFERENCE_ID, REQUEST, VAR_PERSON_ID, "10000000001", VAR_GIVEN_NAME, "Maria",
                VAR_FAMILY_NAME, "Rodriguez", VAR_CORRELATION_ID, "corr-1", VAR_FIELD, field,
                VAR_SOURCE_AGENCY, "sa.gov.example", VAR_SOURCE_GROUP, "sa-caseworkers",
                VAR_CLAIMED_VALUE, claimed, VAR_STATEMENT, "my passport says so",
                VAR_REQUESTER_ID, requester, VAR_REQUESTER_KIND, kind.name(),
                VAR_DUE_AT, DUE_AT.toString(), VAR_ESCALATE_AT, ESCALATE_AT.toString());
    }
}
