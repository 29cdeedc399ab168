package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
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
import static org.esphub.processes.SubjectAccessRequest.*;

import com.jayway.jsonpath.DocumentContext;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * subject-access-request: a data-protection officer reviews the compiled export before the deadline; a
 * review still open shortly before it becomes an urgent one; the agency that asked (SA or PES) is told the
 * answer through its notice route, and the case ends released or refused.
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_REVIEW_EXPORT_RESOURCE})
class SubjectAccessRequestProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final String REQUEST = "SAR-0001";
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant ESCALATE_AT = Instant.parse("2026-03-27T09:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2026-04-01T09:00:00Z");

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void the_officer_releases_the_export_and_sa_is_told_it_is_released() {
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");

        assertThat(pi).isWaitingAt(REVIEW_EXPORT);
        Task review = task(REVIEW_EXPORT, pi);
        assertThat(review).hasName("Review the access-request export for sa.gov.example")
                .hasCandidateGroup(GROUP_DATA_PROTECTION_OFFICERS).isNotAssigned();
        assertThat(review.getDueDate()).isEqualTo(Date.from(DUE_AT));
        assertThat(review.getDescription()).contains("Maria Rodriguez", REQUEST, "LEGAL_REPRESENTATIVE");

        complete(review, vars(VAR_RELEASE_DECISION, DECISION_RELEASE, VAR_REVIEW_NOTES, "representation checked"));

        Map<String, Object> notice = workerCompletes(pi, NOTIFY_SA, "sa.notify-outcome");
        assertThat(notice).containsEntry("referenceId", REQUEST).containsEntry("personId", "10000000001")
                .containsEntry("outcome", OUTCOME_EXPORT_RELEASED);
        assertThat(pi).isEnded().hasPassed(EXPORT_RELEASED).hasNotPassed(NOTIFY_PES, DEADLINE_NEAR);
    }

    @Test
    void a_refusal_tells_pes_why_and_ends_refused() {
        ProcessInstance pi = requestFrom(AgencyKind.PES, "pes.gov.example");

        complete(task(REVIEW_EXPORT, pi), vars(VAR_RELEASE_DECISION, DECISION_REFUSE,
                VAR_REVIEW_NOTES, "the power of attorney has expired"));

        Map<String, Object> notice = workerCompletes(pi, NOTIFY_PES, "pes.notify-outcome");
        assertThat(notice).containsEntry("outcome", OUTCOME_REQUEST_REFUSED)
                .containsEntry("reason", "the power of attorney has expired");
        assertThat(pi).isEnded().hasPassed(REQUEST_REFUSED).hasNotPassed(NOTIFY_SA, EXPORT_RELEASED);
    }

    @Test
    void a_review_still_open_before_the_deadline_becomes_urgent_and_is_answered_from_there() {
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");
        assertThat(jobAt(pi, DEADLINE_NEAR).getDuedate()).isEqualTo(Date.from(ESCALATE_AT));

        fireTimer(pi, DEADLINE_NEAR);

        assertThat(pi).isWaitingAt(REVIEW_EXPORT_URGENTLY).hasPassed(DEADLINE_NEAR);
        Task urgent = task(REVIEW_EXPORT_URGENTLY, pi);
        assertThat(urgent).hasCandidateGroup(GROUP_DATA_PROTECTION_OFFICERS)
                .hasName("Urgent: answer the access request of sa.gov.example");
        assertThat(urgent.getPriority()).isEqualTo(TaskPriorities.FOLLOW_UP);
        assertThat(urgent.getDueDate()).isEqualTo(Date.from(DUE_AT));

        complete(urgent, vars(VAR_RELEASE_DECISION, DECISION_RELEASE));

        assertThat(workerCompletes(pi, NOTIFY_SA, "sa.notify-outcome")).containsEntry("outcome", OUTCOME_EXPORT_RELEASED);
        assertThat(pi).isEnded().hasPassed(EXPORT_RELEASED);
    }

    @Test
    void both_reviews_open_the_review_form_showing_the_export_and_asking_release_or_refuse() {
        ProcessInstance pi = requestFrom(AgencyKind.SA, "sa.gov.example");

        DocumentContext form = assertOpensForm(task(REVIEW_EXPORT, pi), FORM_REVIEW_EXPORT);

        assertThat(fieldKeys(form)).containsExactly(VAR_EXPORT_SUMMARY, VAR_RELEASE_DECISION, VAR_REVIEW_NOTES);
        List<Boolean> readonly = form.read("$.components[?(@.key == 'exportSummary')].readonly");
        assertThat(readonly).containsExactly(true);
        List<String> decisions = form.read("$.components[?(@.key == 'releaseDecision')].values[*].value");
        assertThat(decisions).containsExactly(DECISION_RELEASE, DECISION_REFUSE);
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsEntry(REVIEW_EXPORT, FORM_REVIEW_EXPORT)
                .containsEntry(REVIEW_EXPORT_URGENTLY, FORM_REVIEW_EXPORT);
        assertThat(assertServiceTaskConventions(PROCESS_KEY, PURPOSE_DATA_SUBJECT_RIGHTS))
                .containsEntry(NOTIFY_SA, "sa.notify-outcome").containsEntry(NOTIFY_PES, "pes.notify-outcome");
    }

    private static ProcessInstance requestFrom(AgencyKind kind, String requester) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST, vars(
                VAR_REFERENCE_ID, REQUEST, VAR_PERSON_ID, "10000000001", VAR_GIVEN_NAME, "Maria",
                VAR_FAMILY_NAME, "Rodriguez", VAR_CORRELATION_ID, "corr-1", VAR_REQUESTER_ID, requester,
                VAR_REQUESTER_KIND, kind.name(), VAR_ON_BEHALF_OF, ON_BEHALF_OF_REPRESENTATIVE,
                VAR_REPRESENTATION_KIND, "power_of_attorney", VAR_REPRESENTATION_REFERENCE, "POA-2026-118",
                VAR_DUE_AT, DUE_AT.toString(), VAR_ESCALATE_AT, ESCALATE_AT.toString(),
                VAR_EXPORT_SUMMARY, "referrals: 1\nprocesses: 2"));
    }
}
