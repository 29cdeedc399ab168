package org.esphub.processes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * Steps the lifecycle process tests share: a worker serving one external task, an agency event
 * correlated as the hub's event intake does it, a job (async continuation or timer) executed by the
 * test, and the model conventions every service task and human task must follow.
 */
final class LifecycleProcessSteps {

    static final String WORKER = "test-worker";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    // conventions every process shares (integration rules, ADR 4)
    private static final String RETRY_CYCLE = "R3/PT30S";
    private static final String RETRY_BACKOFF_PROPERTY = "retryBackoff";
    private static final String RETRY_BACKOFF = "PT10S,PT1M,PT5M,PT15M,PT1H";
    private static final String PURPOSE_PROPERTY = "purpose";
    private static final String[] FIELDS_OF_EVERY_CALL = {"referenceId", "personId", "correlationId"};
    private static final int HISTORY_TIME_TO_LIVE_DAYS = 3650;
    private static final long LOCK_MS = 60_000;

    private LifecycleProcessSteps() {
    }

    /**
     * Runs the async continuation before the external task, then serves it as a worker does: fetch
     * with local variables only, complete with the results.
     *
     * @return the payload the worker received (the task's input parameters)
     */
    static Map<String, Object> workerCompletes(ProcessInstance pi, String activityId, String topic,
            Map<String, Object> results) {
        LockedExternalTask task = workerFetches(pi, activityId, topic);
        externalTaskService().complete(task.getId(), WORKER, results);
        return task.getVariables();
    }

    static Map<String, Object> workerCompletes(ProcessInstance pi, String activityId, String topic) {
        return workerCompletes(pi, activityId, topic, Map.of());
    }

    /** Runs the async continuation and fetches the external task of that activity, without completing it. */
    static LockedExternalTask workerFetches(ProcessInstance pi, String activityId, String topic) {
        executeJob(pi, activityId);
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(10, WORKER)
                .topic(topic, LOCK_MS)
                .businessKey(pi.getBusinessKey())
                .localVariables()
                .execute();
        assertThat(locked).as("external tasks on %s", topic).hasSize(1);
        assertThat(locked.get(0).getActivityId()).isEqualTo(activityId);
        return locked.get(0);
    }

    /** An agency event as the hub's event intake correlates it: message name + business key, fields as variables. */
    static void agencyReports(String message, String businessKey, Map<String, Object> eventFields) {
        runtimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(businessKey)
                .setVariables(eventFields)
                .correlateWithResult();
    }

    /** The one job (async continuation or timer) of this activity in this process instance. */
    static Job jobAt(ProcessInstance pi, String activityId) {
        Job job = managementService().createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        return job;
    }

    static void executeJob(ProcessInstance pi, String activityId) {
        execute(jobAt(pi, activityId));
    }

    /** Moves the engine clock to the timer's due date (never back) and fires it. */
    static void fireTimer(ProcessInstance instance, String activityId) {
        Job timer = jobAt(instance, activityId);
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(timer.getDuedate());
        }
        execute(timer);
    }

    /** A local time in UTC, the zone the process tests' working calendar and clock run in. */
    static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneOffset.UTC).toInstant());
    }

    /** Variables as alternating names and values; unlike Map.of it takes nulls. */
    static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    /**
     * The task opens the Camunda Form it names, bound to the latest deployed version; returns the form.
     */
    static DocumentContext assertOpensForm(Task task, String formKey) {
        CamundaFormRef formRef = formService().getTaskFormData(task.getId()).getCamundaFormRef();
        assertThat(formRef.getKey()).isEqualTo(formKey);
        assertThat(formRef.getBinding()).isEqualTo("latest");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            DocumentContext json = JsonPath.parse(new String(form.readAllBytes(), UTF_8));
            assertThat((String) json.read("$.id")).isEqualTo(formKey);
            assertThat((String) json.read("$.executionPlatformVersion")).isEqualTo("7.24.0");
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The form's start date is typed as an ISO date (YYYY-MM-DD), checked by a pattern: no date picker
     * shows the browser's local format (mm/dd/yyyy) while the hub keeps ISO dates.
     */
    static void assertIsoDateField(DocumentContext form) {
        List<String> types = form.read("$.components[?(@.key == 'startDate')].type");
        List<String> patterns = form.read("$.components[?(@.key == 'startDate')].validate.pattern");
        assertThat(types).containsExactly("textfield");
        assertThat(patterns).singleElement().satisfies(pattern -> {
            assertThat("2025-04-07").matches(pattern);
            assertThat("04/07/2025").doesNotMatch(pattern);
            assertThat("2025-13-01").doesNotMatch(pattern);
            assertThat("2025-04-07T00:00").doesNotMatch(pattern);
        });
    }

    /** Keys of the input fields of a form, in form order. */
    static List<String> fieldKeys(DocumentContext form) {
        return form.read("$.components[*].key");
    }

    /**
     * Every human task of the process has a candidate group and names, by latest binding, a Camunda
     * Form that is deployed with it.
     *
     * @return form id by user task id
     */
    static Map<String, String> assertUserTaskConventions(String processKey) {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        Set<String> deployedForms = new HashSet<>();
        for (String resource : repositoryService().getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                try (InputStream form = repositoryService().getResourceAsStream(definition.getDeploymentId(), resource)) {
                    deployedForms.add(JsonPath.parse(new String(form.readAllBytes(), UTF_8)).read("$.id"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());
        Map<String, String> formByTask = new HashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
            formByTask.put(task.getId(), formRef);
            assertThat(task.getAttributeValueNs(CAMUNDA_NS, "formRefBinding")).as(task.getId()).isEqualTo("latest");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(deployedForms).as("form of %s", task.getId()).contains(formRef);
        }
        return formByTask;
    }

    /**
     * Every service task of the process is an async external task with the retry cycle, the back-off
     * property, the purpose its data moves for (the data-sharing gate checks it against the agreements)
     * and the three fields every agency call carries.
     *
     * @return topic by service task id
     */
    static Map<String, String> assertServiceTaskConventions(String processKey, String purpose) {
        return assertServiceTaskConventions(processKey, topic -> purpose);
    }

    /**
     * Like {@link #assertServiceTaskConventions(String, String)}, for a process whose tasks move data
     * for more than one purpose, and each task carrying at least {@code inputs} besides the three.
     *
     * @param purposeOfTopic the purpose a task of the topic must declare
     */
    static Map<String, String> assertServiceTaskConventions(String processKey, Function<String, String> purposeOfTopic,
            String... inputs) {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(HISTORY_TIME_TO_LIVE_DAYS);
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());

        Map<String, String> topicByTask = new HashMap<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            topicByTask.put(task.getId(), task.getCamundaTopic());
            assertThat(task.getCamundaType()).as(task.getId()).isEqualTo("external");
            assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
            assertThat(task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent())
                    .as(task.getId()).isEqualTo(RETRY_CYCLE);
            assertThat(task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaProperties.class).singleResult().getCamundaProperties())
                    .as(task.getId())
                    .extracting(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue)
                    .containsExactly(tuple(RETRY_BACKOFF_PROPERTY, RETRY_BACKOFF),
                            tuple(PURPOSE_PROPERTY, purposeOfTopic.apply(task.getCamundaTopic())));
            assertThat(task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaInputOutput.class).singleResult().getCamundaInputParameters())
                    .as(task.getId())
                    .extracting(CamundaInputParameter::getCamundaName)
                    .contains(FIELDS_OF_EVERY_CALL);
            if (inputs.length > 0) {
                assertThat(task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaInputOutput.class).singleResult().getCamundaInputParameters())
                        .as(task.getId())
                        .extracting(CamundaInputParameter::getCamundaName)
                        .contains(inputs);
            }
        }
        return topicByTask;
    }
}
