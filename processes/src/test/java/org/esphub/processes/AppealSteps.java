package org.esphub.processes;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.esphub.processes.Appeal.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The steps of an appeal as the agencies' workers and an appeals officer take them, shared by the
 * appeal's own tests and by the tests of processes that call it. Async continuations run by executing
 * their jobs; external tasks are fetched and completed the way the generic worker does it.
 */
final class AppealSteps {

    static final String WORKER = "test-worker";
    static final String APPEALS_OFFICER = "appeals-officer";
    private static final long LOCK_MS = 60_000;

    private AppealSteps() {
    }

    /** SA acknowledges the appeal to the appellant; returns the payload the worker sent. */
    static Map<String, Object> acknowledged(ProcessInstance appeal) {
        return workerCompletes(appeal, ACKNOWLEDGE_APPEAL, TOPIC_NOTIFY_SA);
    }

    /** The appeals officer, logged in, claims the review and completes it with the given form values. */
    static void officerDecides(ProcessInstance appeal, Map<String, Object> formValues) {
        assertThat(appeal).isWaitingAt(REVIEW_APPEAL);
        Task review = task(REVIEW_APPEAL, appeal);
        identityService().setAuthenticatedUserId(APPEALS_OFFICER);
        try {
            claim(review, APPEALS_OFFICER);
            complete(review, formValues);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /**
     * Both outcome notices go out (SA first here; the model sends them in parallel), then the join's
     * async continuations run, one per notice.
     */
    static Notices saAndPesAreTold(ProcessInstance appeal) {
        assertThat(appeal).isWaitingAt(NOTIFY_SA_OF_OUTCOME, NOTIFY_PES_OF_OUTCOME);
        Map<String, Object> toSa = workerCompletes(appeal, NOTIFY_SA_OF_OUTCOME, TOPIC_NOTIFY_SA);
        Map<String, Object> toPes = workerCompletes(appeal, NOTIFY_PES_OF_OUTCOME, TOPIC_NOTIFY_PES);
        List<Job> arrivals = managementService().createJobQuery().processInstanceId(appeal.getId())
                .activityId(NOTIFY_OUTCOME_JOIN).list();
        assertThat(arrivals).as("one arrival at the join per notice").hasSize(2);
        arrivals.forEach(arrival -> execute(arrival));
        return new Notices(toSa, toPes);
    }

    /** Runs the async continuation before the task, then fetches and completes it as the worker does. */
    static Map<String, Object> workerCompletes(ProcessInstance pi, String activityId, String topic) {
        return workerCompletes(pi, activityId, topic, Map.of());
    }

    static Map<String, Object> workerCompletes(ProcessInstance pi, String activityId, String topic,
            Map<String, Object> results) {
        assertThat(pi).isWaitingAt(activityId);
        execute(job(activityId, pi));
        assertThat(externalTask(activityId, pi)).hasTopicName(topic);
        LockedExternalTask locked = workerFetches(pi, topic);
        assertThat(locked.getActivityId()).isEqualTo(activityId);
        externalTaskService().complete(locked.getId(), WORKER, results);
        return locked.getVariables();
    }

    static LockedExternalTask workerFetches(ProcessInstance pi, String topic) {
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(10, WORKER)
                .topic(topic, LOCK_MS)
                .processDefinitionId(pi.getProcessDefinitionId())
                .localVariables()
                .execute();
        assertThat(locked).hasSize(1);
        return locked.get(0);
    }

    /**
     * The variables of the process instance itself, also after it ended. The history also holds each
     * activity's local inputs under the same names (e.g. an apply task's amended schedule), which a plain
     * variable query of an ended instance would mix in.
     */
    static Map<String, Object> processVariables(ProcessInstance pi) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).list()) {
            if (pi.getId().equals(variable.getActivityInstanceId())) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }

    /** What SA and PES were sent about the appeal's outcome. */
    record Notices(Map<String, Object> toSa, Map<String, Object> toPes) {
    }
}
