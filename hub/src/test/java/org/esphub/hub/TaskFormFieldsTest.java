package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubClient.Answer;
import org.esphub.hub.support.HubOnH2;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.ReferralToPes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A caseworker completing a user task writes only the fields of the task's form into the process,
 * on every path: the engine REST API's complete and submit-form (Tasklist uses the latter), setting
 * the task's variables, and the Java API. The task here uses the real intake form
 * ({@code forms/intake-assessment.form}) in a model of its own, so no agency has to answer first. A person
 * starting a process from its start form is held to that form's fields the same way (a subsidy officer's
 * paper application).
 */
@HubOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TaskFormFieldsTest {

    private static final String CASEWORKER = "pes-worker";
    private static final String SUBSIDY_OFFICER = "subsidy-officer";
    private static final String START_FORM = "/engine-rest/process-definition/key/{key}/submit-form";
    private static final String PERSON = "10000000001";
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://esp-hub.org/test">
              <bpmn:process id="intake-form-fields" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Intake"/>
                <bpmn:userTask id="Intake" camunda:candidateGroups="pes-caseworkers"
                    camunda:formRef="intake-assessment" camunda:formRefBinding="latest"/>
                <bpmn:sequenceFlow id="f2" sourceRef="Intake" targetRef="wait"/>
                <bpmn:userTask id="wait"/>
                <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    /** A match from the options a lookup put into the process, on the real vacancy form. */
    private static final String CHOICE_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://esp-hub.org/test">
              <bpmn:process id="vacancy-form-options" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Match"/>
                <bpmn:userTask id="Match" camunda:candidateGroups="pes-caseworkers"
                    camunda:formRef="vacancy-match" camunda:formRefBinding="latest"/>
                <bpmn:sequenceFlow id="f2" sourceRef="Match" targetRef="wait"/>
                <bpmn:userTask id="wait"/>
                <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Value("${server.port}")
    private int port;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private FormService formService;
    @Autowired
    private HistoryService historyService;

    private HubClient hub;
    private String instanceId;
    private String taskId;

    @BeforeAll
    void deploy() {
        repositoryService.createDeployment().name("intake-form-fields")
                .addString("intake-form-fields.bpmn", MODEL).deploy();
        repositoryService.createDeployment().name("vacancy-form-options")
                .addString("vacancy-form-options.bpmn", CHOICE_MODEL).deploy();
    }

    @BeforeEach
    void startAnIntake() {
        hub = new HubClient(port);
        instanceId = runtimeService.startProcessInstanceByKey("intake-form-fields",
                Map.of(ReferralToPes.VAR_PERSON_ID, PERSON)).getId();
        taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    @Test
    void completingTheIntakeWithAnExtraVariableIsRefusedNamingItAndChangesNothing(CapturedOutput log) {
        Answer answer = hub.post(CASEWORKER, "/engine-rest/task/{id}/complete", Map.of("variables",
                restVariables(Map.of("workReady", true, "pathway", "JOB_SEARCH", ReferralToPes.VAR_PERSON_ID, "99"))),
                taskId);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("message").asText())
                .contains("refused: " + ReferralToPes.VAR_PERSON_ID).contains("intake-assessment");
        assertUnchanged();
        // a caseworker's refused input is answered, not logged as an engine failure with a stack trace
        assertThat(log.getOut()).doesNotContain("ENGINE-16004").doesNotContain("FormFieldValidationException");
    }

    @Test
    void submittingTheFormAsTasklistDoesWithAnExtraVariableIsRefused() {
        Answer answer = hub.post(CASEWORKER, "/engine-rest/task/{id}/submit-form", Map.of("variables",
                restVariables(Map.of("workReady", true, ReferralToPes.VAR_PERSON_ID, "99"))), taskId);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).contains("refused: " + ReferralToPes.VAR_PERSON_ID);
        assertUnchanged();
    }

    @Test
    void settingOrRemovingAProcessVariableThroughTheTaskIsRefused() {
        Answer put = hub.put(CASEWORKER, "/engine-rest/task/{id}/variables/{name}",
                Map.of("value", "99"), taskId, ReferralToPes.VAR_PERSON_ID);
        Answer patch = hub.post(CASEWORKER, "/engine-rest/task/{id}/variables",
                Map.of("modifications", restVariables(Map.of(ReferralToPes.VAR_PERSON_ID, "99"))), taskId);
        Answer delete = hub.delete(CASEWORKER, "/engine-rest/task/{id}/variables/{name}",
                taskId, ReferralToPes.VAR_PERSON_ID);

        assertThat(put.status()).as(put.body()).isEqualTo(403);
        assertThat(put.body()).contains("refused: " + ReferralToPes.VAR_PERSON_ID);
        assertThat(patch.status()).as(patch.body()).isEqualTo(403);
        assertThat(patch.body()).contains("refused: " + ReferralToPes.VAR_PERSON_ID);
        assertThat(delete.status()).as(delete.body()).isEqualTo(403);
        assertThat(delete.body()).contains("refused: " + ReferralToPes.VAR_PERSON_ID);
        assertUnchanged();
    }

    @Test
    void theJavaApiRefusesAnExtraVariableToo() {
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ReferralToPes.VAR_PERSON_ID, "99")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("refused: personId");
        assertThatThrownBy(() -> formService.submitTaskForm(taskId, Map.of("workReady", true, "role", "admin")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("refused: role");
        assertUnchanged();
    }

    @Test
    void theFormsOwnFieldsCompleteTheTask() {
        Answer answer = hub.post(CASEWORKER, "/engine-rest/task/{id}/submit-form", Map.of("variables",
                restVariables(Map.of("workReady", true, "pathway", "JOB_SEARCH", "barriers", "", "notes", "fine"))),
                taskId);

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(runtimeService.getVariables(instanceId))
                .containsEntry("pathway", "JOB_SEARCH").containsEntry(ReferralToPes.VAR_PERSON_ID, PERSON);
    }

    @Test
    void aSelectTakesOnlyAValueAmongTheOptionsTheProcessOffersOnEveryPath() {
        String match = runtimeService.startProcessInstanceByKey("vacancy-form-options", Variables.createVariables()
                .putValueTyped(JobPlacement.VAR_VACANCY_OPTIONS, SpinValues.jsonValue(
                        "[{\"label\":\"Machine operator at Acme\",\"value\":\"VAC-1\"}]").create())).getId();
        String matchTask = taskService.createTaskQuery().processInstanceId(match).singleResult().getId();

        Answer typed = hub.post(CASEWORKER, "/engine-rest/task/{id}/complete", Map.of("variables", restVariables(Map.of(
                JobPlacement.VAR_NO_SUITABLE_VACANCY, false, JobPlacement.VAR_VACANCY_ID, "VAC-999",
                JobPlacement.VAR_START_DATE, "2026-12-07"))), matchTask);
        Answer set = hub.put(CASEWORKER, "/engine-rest/task/{id}/variables/{name}", Map.of("value", "VAC-999"),
                matchTask, JobPlacement.VAR_VACANCY_ID);

        assertThat(typed.status()).as(typed.body()).isEqualTo(400);
        assertThat(typed.json().path("message").asText()).contains("vacancyId 'VAC-999'");
        assertThat(set.status()).as(set.body()).isEqualTo(403);
        assertThat(runtimeService.getVariables(match)).doesNotContainKey(JobPlacement.VAR_VACANCY_ID);

        Answer picked = hub.post(CASEWORKER, "/engine-rest/task/{id}/submit-form", Map.of("variables", restVariables(
                Map.of(JobPlacement.VAR_NO_SUITABLE_VACANCY, false, JobPlacement.VAR_VACANCY_ID, "VAC-1",
                        JobPlacement.VAR_START_DATE, "2026-12-07"))), matchTask);
        assertThat(picked.status()).as(picked.body()).isEqualTo(204);
        assertThat(runtimeService.getVariables(match)).containsEntry(JobPlacement.VAR_VACANCY_ID, "VAC-1");
    }

    @Test
    void taskLocalVariablesStayAllowedAsTheyNeverReachTheProcess() {
        taskService.setVariablesLocal(taskId, Variables.putValue("draft", "x"));

        assertThat(taskService.getVariableLocal(taskId, "draft")).isEqualTo("x");
        assertThat(runtimeService.getVariable(instanceId, "draft")).isNull();
    }

    @Test
    void aSubsidyOfficerStartsAPaperApplicationWithTheStartFormsFieldsOnlyAndTheInstanceBecomesTheReference() {
        Map<String, Object> paper = new java.util.LinkedHashMap<>(Map.of(EmploymentSubsidy.VAR_PERSON_ID, PERSON,
                EmploymentSubsidy.VAR_GIVEN_NAME, "Tomás", EmploymentSubsidy.VAR_FAMILY_NAME, "Rojas",
                EmploymentSubsidy.VAR_WORKER_AGE, 21, EmploymentSubsidy.VAR_WORKER_SEX, "male",
                EmploymentSubsidy.VAR_EMPLOYER_ID, "EMP-PAPER", EmploymentSubsidy.VAR_EMPLOYER_NAME, "Obras del Sur",
                EmploymentSubsidy.VAR_PROGRAMME_CODE, EmploymentSubsidy.PROGRAMME_SEJ,
                EmploymentSubsidy.VAR_MONTHLY_WAGE, 400000, EmploymentSubsidy.VAR_WEEKLY_HOURS, 40));
        paper.put(EmploymentSubsidy.VAR_CONTRACT_TYPE, EmploymentSubsidy.CONTRACT_PERMANENT);
        paper.put(EmploymentSubsidy.VAR_START_DATE, "2026-12-14");
        Map<String, Object> withPercentile = new java.util.LinkedHashMap<>(paper);
        withPercentile.put(EmploymentSubsidy.VAR_VULNERABILITY_PERCENTILE, 5);
        long before = subsidies();

        Answer submitted = hub.post(SUBSIDY_OFFICER, START_FORM, Map.of("variables", restVariables(withPercentile)),
                EmploymentSubsidy.PROCESS_KEY);
        Answer started = hub.post(SUBSIDY_OFFICER, "/engine-rest/process-definition/key/{key}/start",
                Map.of("variables", restVariables(withPercentile)), EmploymentSubsidy.PROCESS_KEY);
        Answer byAnother = hub.post(CASEWORKER, START_FORM, Map.of("variables", restVariables(paper)),
                EmploymentSubsidy.PROCESS_KEY);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.json().path("message").asText())
                .contains("refused: " + EmploymentSubsidy.VAR_VULNERABILITY_PERCENTILE)
                .contains(EmploymentSubsidy.FORM_APPLICATION);
        assertThat(started.status()).as("the start form's fields on every path").isEqualTo(403);
        assertThat(byAnother.status()).as("only subsidy officers enter paper applications").isEqualTo(403);
        assertThat(subsidies()).as("nothing started").isEqualTo(before);

        Answer paperApplication = hub.post(SUBSIDY_OFFICER, START_FORM, Map.of("variables", restVariables(paper)),
                EmploymentSubsidy.PROCESS_KEY);

        assertThat(paperApplication.status()).as(paperApplication.body()).isEqualTo(200);
        String id = paperApplication.json().path("id").asText();
        try {
            assertThat(paperApplication.json().path("businessKey").asText()).isEqualTo(id);
            // the instance may already be past its first steps, whose scopes map the same names locally
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
                    .variableName(EmploymentSubsidy.VAR_REFERENCE_ID).list())
                    .extracting(HistoricVariableInstance::getValue).isNotEmpty().containsOnly(id);
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
                    .variableName(EmploymentSubsidy.VAR_APPLICATION_CHANNEL).list())
                    .extracting(HistoricVariableInstance::getValue).isNotEmpty()
                    .containsOnly(EmploymentSubsidy.CHANNEL_PAPER);
        } finally {
            // the workers move the application on meanwhile: a delete that meets their update tries again,
            // and the processes it called go with it
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                runtimeService.deleteProcessInstanceIfExists(id, "end of test", true, true, true, false);
                return runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 0;
            });
        }
    }

    private long subsidies() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(EmploymentSubsidy.PROCESS_KEY)
                .count();
    }

    private void assertUnchanged() {
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
        assertThat(runtimeService.getVariables(instanceId)).containsExactly(Map.entry(ReferralToPes.VAR_PERSON_ID, PERSON));
    }

    private static Map<String, Object> restVariables(Map<String, Object> values) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return typed;
    }
}
