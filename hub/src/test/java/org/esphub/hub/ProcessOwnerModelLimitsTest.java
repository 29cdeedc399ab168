package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubClient.Answer;
import org.esphub.hub.support.HubOnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A process owner deploys models, and a model is not trusted code: what its expressions, classes
 * and scripts can reach is limited to what the hub allows (ADR 0023). Each model here is deployed
 * and started through the engine REST API as {@code process-owner}, as Camunda Modeler would.
 */
@HubOnH2
class ProcessOwnerModelLimitsTest {

    private static final String PROCESS_OWNER = "process-owner";
    private static final String ADMIN_GROUP = "camunda-admin";
    private static final String MAKE_ME_ADMIN = "createMembership('" + PROCESS_OWNER + "','" + ADMIN_GROUP + "')";

    @Value("${server.port}")
    private int port;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private RepositoryService repositoryService;

    private HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    @AfterEach
    void processOwnerIsStillOnlyAProcessOwner() {
        assertThat(identityService.createGroupQuery().groupMember(PROCESS_OWNER).list())
                .extracting(group -> group.getId()).containsExactly("process-owners");
    }

    @Test
    void aDeployedExpressionCannotCallTheIdentityServiceBeanToMakeItsOwnerAdmin() {
        deploy("exploit-plain", serviceTask("${identityService." + MAKE_ME_ADMIN + "}", false));

        Answer start = start("exploit-plain");

        assertThat(start.status()).as(start.body()).isEqualTo(403);
        assertThat(start.body()).contains("may not use the bean 'identityService'");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("exploit-plain").count()).isZero();
    }

    @Test
    void anAsyncExpressionCannotCallTheIdentityServiceBeanInTheJobExecutorAndEndsAsAnIncident() {
        deploy("exploit-async", serviceTask("${identityService." + MAKE_ME_ADMIN + "}", true));

        Incident incident = incidentOf(start("exploit-async"));

        assertThat(incident.getIncidentMessage()).contains("identityService");
    }

    @Test
    void anExpressionCannotReachTheEngineServicesThroughTheExecution() {
        deploy("exploit-execution", serviceTask(
                "${execution.processEngineServices.identityService." + MAKE_ME_ADMIN + "}", true));

        Incident incident = incidentOf(start("exploit-execution"));

        assertThat(incident.getIncidentMessage()).contains("may not reach").contains("ProcessEngineServices");
    }

    @Test
    void anExpressionCannotCallTheEngineGettersOfTheExecutionOrReflectOnIt() {
        deploy("exploit-getter", serviceTask(
                "${execution.getProcessEngine().getIdentityService()." + MAKE_ME_ADMIN + "}", true));
        deploy("exploit-class", serviceTask("${execution.getClass().getClassLoader()}", true));
        deploy("exploit-internals", serviceTask("${execution.getProcessDefinition()}", true));

        assertThat(incidentOf(start("exploit-getter")).getIncidentMessage()).contains("may not reach");
        assertThat(incidentOf(start("exploit-class")).getIncidentMessage()).contains("may not reach");
        assertThat(incidentOf(start("exploit-internals")).getIncidentMessage()).contains("may not reach");
    }

    @Test
    void aTaskListenerCannotReachTheEngineServicesThroughTheTask() {
        deploy("exploit-task-listener", """
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                <bpmn:userTask id="work" camunda:candidateGroups="pes-caseworkers">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create"
                        expression="${task.processEngineServices.identityService.%s}"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
                <bpmn:endEvent id="end"/>
                """.formatted(MAKE_ME_ADMIN));

        Answer start = start("exploit-task-listener");

        assertThat(start.status()).as(start.body()).isEqualTo(403);
        assertThat(start.body()).contains("may not reach");
    }

    @Test
    void theBeansTheHubAllowsStillResolveAndOtherBeansDoNot() {
        deploy("allowed-bean", """
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
                <bpmn:serviceTask id="run"
                    camunda:expression="${execution.setVariable('due', workingCalendar.addWorkingDays(null, 1))}"/>
                <bpmn:sequenceFlow id="f2" sourceRef="run" targetRef="wait"/>
                <bpmn:userTask id="wait"/>
                <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
                <bpmn:endEvent id="end"/>
                """);
        deploy("other-bean", serviceTask("${jdbcTemplate.queryForList('select * from ACT_ID_USER')}", false));

        Answer allowed = start("allowed-bean");
        Answer other = start("other-bean");

        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(runtimeService.getVariable(allowed.json().path("id").asText(), "due")).isNotNull();
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(other.body()).contains("may not use the bean 'jdbcTemplate'");
    }

    @Test
    void aModelWithAScriptOrAShellTaskIsRefusedAtDeployment() {
        Answer script = tryToDeploy("exploit-script", """
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
                <bpmn:scriptTask id="run" scriptFormat="javascript">
                  <bpmn:script>identityService.%s</bpmn:script>
                </bpmn:scriptTask>
                <bpmn:sequenceFlow id="f2" sourceRef="run" targetRef="end"/>
                <bpmn:endEvent id="end"/>
                """.formatted(MAKE_ME_ADMIN));
        Answer shell = tryToDeploy("exploit-shell", """
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
                <bpmn:serviceTask id="run" camunda:type="shell">
                  <bpmn:extensionElements>
                    <camunda:field name="command"><camunda:string>touch</camunda:string></camunda:field>
                    <camunda:field name="arg1"><camunda:string>/tmp/esp-hub-shell-task</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f2" sourceRef="run" targetRef="end"/>
                <bpmn:endEvent id="end"/>
                """);

        assertThat(script.status()).as(script.body()).isEqualTo(400);
        assertThat(script.body()).contains("scripts (javascript) are switched off");
        assertThat(shell.status()).as(shell.body()).isEqualTo(403);
        assertThat(shell.body()).contains("may not use the class");
        assertThat(repositoryService.createProcessDefinitionQuery()
                .processDefinitionKeyIn("exploit-script", "exploit-shell").count()).isZero();
    }

    private static String serviceTask(String expression, boolean asyncBefore) {
        return """
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
                <bpmn:serviceTask id="run" camunda:asyncBefore="%s" camunda:expression="%s"/>
                <bpmn:sequenceFlow id="f2" sourceRef="run" targetRef="end"/>
                <bpmn:endEvent id="end"/>
                """.formatted(asyncBefore, expression);
    }

    private Incident incidentOf(Answer start) {
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        String instanceId = start.json().path("id").asText();
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult(),
                incident -> incident != null);
    }

    private Answer start(String key) {
        return hub.post(PROCESS_OWNER, "/engine-rest/process-definition/key/{key}/start", Map.of(), key);
    }

    private void deploy(String key, String flowElements) {
        Answer answer = tryToDeploy(key, flowElements);
        assertThat(answer.status()).as("deploying %s: %s", key, answer.body()).isEqualTo(200);
    }

    /** Deploys a process {@code key} of these flow elements as Camunda Modeler does, as the process owner. */
    private Answer tryToDeploy(String key, String flowElements) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://esp-hub.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, flowElements);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", key);
        form.add("data", new ByteArrayResource(model.getBytes()) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });
        ResponseEntity<String> response = RestClient.create("http://localhost:" + port).post()
                .uri("/engine-rest/deployment/create")
                .headers(h -> h.setBasicAuth(PROCESS_OWNER, HubClient.DEMO_PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve().onStatus(status -> true, (request, reply) -> { })
                .toEntity(String.class);
        return new Answer(response.getStatusCode().value(), null, response.getBody(), null);
    }
}
