package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.esphub.processes.AgencyNotification.*;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.vars;

import com.jayway.jsonpath.DocumentContext;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
 * agency-notification: a notification no process waits for is a task for the group the hub names,
 * titled with the sending agency, showing what the agency wrote, and ends once read.
 */
@Deployment(resources = {BPMN_RESOURCE, FORM_READ_NOTIFICATION_RESOURCE})
class AgencyNotificationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final String REFERENCE = "REF-2025-0042";

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        Mocks.register("workingCalendar", new WorkingCalendar(List.of(), ZONE));
        // Monday 3 March 2025, 09:00
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2025, 3, 3, 9, 0).atZone(ZONE).toInstant()));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void a_notification_becomes_a_task_for_the_named_group_and_ends_once_read() {
        ProcessInstance pi = notificationFrom("pes.gov.example", "sa-caseworkers");

        assertThat(pi).isWaitingAt(READ_NOTIFICATION);
        Task task = task(READ_NOTIFICATION, pi);
        assertThat(task).hasName("Read notification from pes.gov.example").hasCandidateGroup("sa-caseworkers")
                .isNotAssigned();
        assertThat(task.getDescription()).isEqualTo("pes.gov.example sent a notification of type employment_status_change"
                + " (priority high) about Maria Rodriguez (reference " + REFERENCE + "). Read it, act on the case"
                + " as it asks and record what you did.");
        // two working days
        assertThat(task.getDueDate()).isEqualTo(Date.from(LocalDateTime.of(2025, 3, 5, 9, 0).atZone(ZONE).toInstant()));

        complete(task, vars(VAR_ACTION_TAKEN, ACTION_CASE_UPDATED, VAR_READ_NOTES, "benefit review booked"));

        assertThat(pi).isEnded().hasPassed(NOTIFICATION_READ).variables()
                .containsEntry(VAR_ACTION_TAKEN, ACTION_CASE_UPDATED);
    }

    @Test
    void the_group_is_the_one_the_starter_names() {
        ProcessInstance pi = notificationFrom("sa.gov.example", "pes-caseworkers");

        assertThat(task(READ_NOTIFICATION, pi)).hasCandidateGroup("pes-caseworkers")
                .hasName("Read notification from sa.gov.example");
    }

    @Test
    void the_task_opens_its_form_showing_what_the_agency_wrote_and_asking_what_was_done() {
        ProcessInstance pi = notificationFrom("pes.gov.example", "sa-caseworkers");

        DocumentContext form = assertOpensForm(task(READ_NOTIFICATION, pi), FORM_READ_NOTIFICATION);

        assertThat(fieldKeys(form)).containsExactly(VAR_NOTIFICATION_DATA, VAR_ACTION_TAKEN, VAR_READ_NOTES);
        List<Boolean> readonly = form.read("$.components[?(@.key == 'notificationData')].readonly");
        assertThat(readonly).containsExactly(true);
        List<String> actions = form.read("$.components[?(@.key == 'actionTaken')].values[*].value");
        assertThat(actions).containsExactly(ACTION_NOTED, ACTION_CASE_UPDATED, ACTION_AGENCY_CONTACTED);
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsOnly(
                entry(READ_NOTIFICATION, FORM_READ_NOTIFICATION));
    }

    private static ProcessInstance notificationFrom(String senderId, String group) {
        Map<String, Object> variables = vars(
                VAR_REFERENCE_ID, REFERENCE,
                VAR_PERSON_ID, "PERS-0042",
                VAR_GIVEN_NAME, "Maria",
                VAR_FAMILY_NAME, "Rodriguez",
                VAR_CORRELATION_ID, "corr-1",
                VAR_CASEWORKER_GROUP, group,
                VAR_SENDER_ID, senderId,
                VAR_NOTIFICATION_TYPE, "employment_status_change",
                VAR_NOTIFICATION_PRIORITY, "high",
                VAR_NOTIFICATION_DATA, "{\n  \"new_status\" : \"employed\"\n}");
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REFERENCE, variables);
    }
}
