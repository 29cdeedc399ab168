package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.esphub.hub.identity.AgencyRole;
import org.esphub.hub.identity.AgencyRolesSetup;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.web.InJvmWorkerCredential;
import org.esphub.processes.ReferralToPes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who may do what: the REST API needs credentials, caseworkers see only their own inbox (which
 * names the person and lists the earliest due first), process owners deploy as Camunda Modeler
 * does and read but never change instance variables, and the documented STOMP sender works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
// Spring Boot tests leave metrics export off; the Prometheus endpoint is what operators guard
@AutoConfigureObservability(tracing = false)
class EngineAccessTest {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://esp-hub.org/test">
              <bpmn:process id="modeler-deploy-check" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="s"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    /** A waiting process holding personal data, as every referral does. */
    private static final String PERSON_HOLDER = "person-holder";
    private static final String REMOTE_WORKER = "remote-worker";
    private static final String OPERATOR = "metrics-scraper";
    private static final String BASE = "http://localhost:";

    @Value("${server.port}")
    private int port;
    @Autowired
    private InJvmWorkerCredential workers;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private FilterService filterService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private AgencyRolesSetup rolesSetup;
    /** The broker acceptor of this hub (the it profile's, or one a build gives to avoid a busy port). */
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;

    private HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PERSON_HOLDER).count() == 0) {
            repositoryService.createDeployment().addModelInstance(PERSON_HOLDER + ".bpmn",
                    Bpmn.createExecutableProcess(PERSON_HOLDER).camundaHistoryTimeToLive(1)
                            .startEvent().userTask("Wait").endEvent().done()).deploy();
        }
    }

    @Test
    void the_engine_rest_api_refuses_calls_without_valid_credentials() {
        assertThat(hub.statusOf("/engine-rest/task", null, null)).isEqualTo(401);
        // a wrong password also locks the user out for a few seconds (engine login throttling),
        // so it is tried with a user no other test in this class needs
        assertThat(hub.statusOf("/engine-rest/task", "subsidy-officer", "wrong")).isEqualTo(401);
        assertThat(hub.statusOf("/engine-rest/task", "pes-worker", HubClient.DEMO_PASSWORD)).isEqualTo(200);
    }

    @Test
    void each_caseworker_group_has_one_inbox_filter_that_only_it_can_read() {
        JsonNode pesFilters = filtersOf("pes-worker");
        JsonNode saFilters = filtersOf("sa-worker");

        assertThat(pesFilters).hasSize(1);
        assertThat(pesFilters.get(0).path("name").asText()).isEqualTo("PES caseworkers — inbox");
        assertThat(saFilters).hasSize(1);
        assertThat(saFilters.get(0).path("name").asText()).isEqualTo("SA caseworkers — inbox");
        assertThat(pesFilters.get(0).path("query").path("candidateGroup").asText()).isEqualTo("pes-caseworkers");
    }

    @Test
    void every_inbox_names_the_person_and_the_reference_and_lists_the_earliest_due_first() {
        JsonNode inbox = filtersOf("pes-worker").get(0);

        assertThat(inbox.path("properties").path("variables").findValuesAsText("name")).containsExactly(
                ReferralToPes.VAR_GIVEN_NAME, ReferralToPes.VAR_FAMILY_NAME, ReferralToPes.VAR_REFERENCE_ID);
        JsonNode sorting = inbox.path("query").path("sorting");
        assertThat(sorting).hasSize(1);
        assertThat(sorting.get(0).path("sortBy").asText()).isEqualTo("dueDate");
        assertThat(sorting.get(0).path("sortOrder").asText()).isEqualTo("asc");
    }

    @Test
    void the_inbox_lists_the_earliest_due_first_whatever_order_tasklist_asks_for() {
        // the later one is created last, so Tasklist's own sort (newest first) alone would list it first
        Task sooner = dueIn("inbox-order-sooner", 1);
        Task later = dueIn("inbox-order-later", 3);
        try {
            String inboxId = filtersOf("pes-worker").get(0).path("id").asText();
            // what Tasklist sends by default: newest first
            JsonNode listed = hub.raw().post().uri("/engine-rest/filter/" + inboxId + "/list?firstResult=0&maxResults=100")
                    .headers(h -> h.setBasicAuth("pes-worker", HubClient.DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}")
                    .retrieve().body(JsonNode.class);
            List<String> ours = listed.findValuesAsText("id").stream()
                    .filter(id -> id.equals(sooner.getId()) || id.equals(later.getId())).toList();
            assertThat(ours).containsExactly(sooner.getId(), later.getId());
        } finally {
            taskService.deleteTask(later.getId(), true);
            taskService.deleteTask(sooner.getId(), true);
        }
    }

    @Test
    void an_installation_holding_older_filters_and_grants_gets_the_hubs_at_start() {
        String instance = runtimeService.startProcessInstanceByKey(PERSON_HOLDER, Map.of(
                ReferralToPes.VAR_GIVEN_NAME, "Jane", ReferralToPes.VAR_FAMILY_NAME, "Doe",
                ReferralToPes.VAR_REFERENCE_ID, "REF-UPGRADE-1")).getId();
        String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(taskService.getVariablesLocal(taskId)).as("copied as the task was created")
                .containsEntry(ReferralToPes.VAR_GIVEN_NAME, "Jane");
        // a task of the older release: without the copies
        taskService.removeVariablesLocal(taskId, List.of(ReferralToPes.VAR_GIVEN_NAME, ReferralToPes.VAR_FAMILY_NAME,
                ReferralToPes.VAR_REFERENCE_ID));
        Filter inbox = filterService.createFilterQuery().filterName(AgencyRole.PES_CASEWORKERS.inboxFilterName())
                .singleResult();
        filterService.saveFilter(inbox.setQuery(taskService.createTaskQuery().taskCandidateGroup("pes-caseworkers"))
                .setProperties(Map.of("description", "older", "variables", List.of())));
        Authorization processOwners = authorizationService.createAuthorizationQuery()
                .groupIdIn(AgencyRole.PROCESS_OWNERS.groupId()).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId("*").singleResult();
        processOwners.setPermissions(new Permission[] {Permissions.ALL});
        authorizationService.saveAuthorization(processOwners);

        rolesSetup.postProcessEngineBuild(processEngine);

        Filter upgraded = filterService.getFilter(inbox.getId());
        assertThat(upgraded.getProperties()).containsKey("variables").doesNotContainEntry("description", "older");
        assertThat(filtersOf("pes-worker").get(0).path("query").path("sorting").get(0).path("sortBy").asText())
                .isEqualTo("dueDate");
        Authorization restored = authorizationService.createAuthorizationQuery()
                .groupIdIn(AgencyRole.PROCESS_OWNERS.groupId()).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId("*").singleResult();
        assertThat(restored.isPermissionGranted(ProcessInstancePermissions.READ)).isTrue();
        assertThat(restored.isPermissionGranted(ProcessInstancePermissions.UPDATE)).isFalse();
        assertThat(restored.isPermissionGranted(ProcessInstancePermissions.UPDATE_VARIABLE)).isFalse();
        assertThat(filterService.createFilterQuery().filterName(AgencyRole.PES_CASEWORKERS.inboxFilterName()).count())
                .as("updated in place, not added").isEqualTo(1);
        assertThat(taskService.getVariablesLocal(taskId)).as("the open task got the columns the filters now show")
                .containsEntry(ReferralToPes.VAR_GIVEN_NAME, "Jane").containsEntry(ReferralToPes.VAR_FAMILY_NAME, "Doe")
                .containsEntry(ReferralToPes.VAR_REFERENCE_ID, "REF-UPGRADE-1");
    }

    @Test
    void a_process_owner_reads_and_suspends_an_instance_but_cannot_change_or_delete_its_variables_and_an_admin_can() {
        String instance = runtimeService.startProcessInstanceByKey(PERSON_HOLDER,
                Map.of("personName", "Jane Doe", "birthDate", "1990-01-01")).getId();
        String owner = basic("process-owner");
        String variables = "/engine-rest/process-instance/" + instance + "/variables";

        assertThat(call(owner, HttpMethod.GET, variables, null)).isEqualTo(200);
        assertThat(call(owner, HttpMethod.PUT, variables + "/personName", "{\"value\":\"Mallory\",\"type\":\"String\"}"))
                .isEqualTo(403);
        assertThat(call(owner, HttpMethod.POST, variables, "{\"modifications\":{\"birthDate\":{\"value\":\"2000-01-01\"}}}"))
                .isEqualTo(403);
        assertThat(call(owner, HttpMethod.POST, variables, "{\"deletions\":[\"birthDate\"]}")).isEqualTo(403);
        assertThat(call(owner, HttpMethod.DELETE, variables + "/birthDate", null)).isEqualTo(403);
        assertThat(runtimeService.getVariables(instance))
                .containsEntry("personName", "Jane Doe").containsEntry("birthDate", "1990-01-01");

        String suspension = "/engine-rest/process-instance/" + instance + "/suspended";
        assertThat(call(owner, HttpMethod.PUT, suspension, "{\"suspended\":true}")).isEqualTo(204);
        assertThat(call(owner, HttpMethod.PUT, suspension, "{\"suspended\":false}")).isEqualTo(204);

        String admin = basic("admin");
        assertThat(call(admin, HttpMethod.PUT, variables + "/personName", "{\"value\":\"J. Doe\",\"type\":\"String\"}"))
                .isEqualTo(204);
        assertThat(call(admin, HttpMethod.DELETE, variables + "/birthDate", null)).isEqualTo(204);
        assertThat(runtimeService.getVariables(instance)).containsEntry("personName", "J. Doe")
                .doesNotContainKey("birthDate");
    }

    @Test
    void a_process_owner_deploys_through_the_rest_api_as_camunda_modeler_does_and_a_caseworker_cannot() {
        assertThat(deployAs("process-owner")).isEqualTo(200);
        assertThat(deployAs("pes-worker")).isEqualTo(403);
    }

    @Test
    void the_workers_identity_may_only_fetch_lock_complete_and_fail_external_tasks() {
        String instance = runtimeService.startProcessInstanceByKey(PERSON_HOLDER,
                Map.of("personName", "Jane Doe", "birthDate", "1990-01-01")).getId();
        String inJvmWorker = workers.authorizationHeader();
        ensureRemoteWorker();
        String remoteWorker = "Basic " + Base64.getEncoder()
                .encodeToString((REMOTE_WORKER + ":" + HubClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

        for (String worker : List.of(inJvmWorker, remoteWorker)) {
            assertThat(call(worker, HttpMethod.POST, "/engine-rest/external-task/fetchAndLock",
                    "{\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"no-such-topic\",\"lockDuration\":1000}]}"))
                    .isEqualTo(200);
            assertThat(call(worker, HttpMethod.GET, "/engine-rest/process-instance/" + instance + "/variables", null))
                    .isEqualTo(403);
            assertThat(call(worker, HttpMethod.GET,
                    "/engine-rest/process-instance/" + instance + "/variables/personName", null)).isEqualTo(403);
            assertThat(call(worker, HttpMethod.PUT, "/engine-rest/process-instance/" + instance
                    + "/variables/personName", "{\"value\":\"Mallory\",\"type\":\"String\"}")).isEqualTo(403);
            assertThat(call(worker, HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/variables",
                    "{\"modifications\":{\"birthDate\":{\"value\":\"2000-01-01\"}}}")).isEqualTo(403);
            assertThat(call(worker, HttpMethod.GET, "/engine-rest/variable-instance", null)).isEqualTo(403);
            assertThat(call(worker, HttpMethod.GET, "/engine-rest/deployment", null)).isEqualTo(403);
            assertThat(call(worker, HttpMethod.GET, "/engine-rest/external-task", null)).isEqualTo(403);
            assertThat(call(worker, HttpMethod.GET,
                    "/engine-rest/external-task/..%2Fprocess-instance%2F" + instance + "%2Fvariables", null))
                    .isIn(400, 403);
            assertThat(call(worker, HttpMethod.GET, "/engine-rest/history/variable-instance", null)).isEqualTo(403);
        }
        assertThat(call(remoteWorker, HttpMethod.GET, "/api/agreements", null)).isEqualTo(403);
        assertThat(call(inJvmWorker, HttpMethod.GET, "/api/agreements", null)).isEqualTo(401);
        assertThat(runtimeService.getVariables(instance))
                .containsEntry("personName", "Jane Doe").containsEntry("birthDate", "1990-01-01");
    }

    @Test
    void metrics_and_the_api_description_need_an_operator_login_and_health_does_not() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/v3/api-docs",
                "/swagger-ui/index.html")) {
            assertThat(hub.statusOf(path, null, null)).as(path).isEqualTo(401);
            assertThat(hub.statusOf(path, "process-owner", HubClient.DEMO_PASSWORD)).as(path).isEqualTo(403);
            assertThat(hub.statusOf(path, "admin", HubClient.DEMO_PASSWORD)).as(path).isEqualTo(200);
        }
        ensureOperator();
        assertThat(hub.statusOf("/actuator/prometheus", OPERATOR, HubClient.DEMO_PASSWORD)).isEqualTo(200);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(hub.statusOf(path, null, null)).as(path).isEqualTo(200);
        }
    }

    @Test
    void caseworkers_and_process_owners_reach_their_webapps() {
        assertThat(hub.statusOf("/camunda/app/tasklist/default/", null, null)).isEqualTo(200);
        assertThat(hub.statusOf("/camunda/app/cockpit/default/", null, null)).isEqualTo(200);
        assertThat(hub.statusOf("/camunda/app/admin/default/", null, null)).isEqualTo(200);
        assertThat(hub.statusOf("/actuator/health", null, null)).isEqualTo(200);
    }

    @Test
    void the_readme_sender_script_delivers_a_referral_over_stomp() throws Exception {
        String referenceId = runSenderScript();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> hub.tasksOf("pes-worker", referenceId).size() == 1);
    }

    /** A task in the PES caseworkers' inbox due in {@code days} days. */
    private Task dueIn(String name, int days) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setDueDate(Date.from(Instant.now().plus(Duration.ofDays(days))));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), AgencyRole.PES_CASEWORKERS.groupId());
        return task;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + HubClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private int call(String authorization, HttpMethod method, String path, String json) {
        RestClient.RequestBodySpec request = hub.raw().method(method).uri(URI.create(BASE + port + path))
                .header("Authorization", authorization);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** A worker on another machine: a password user of group esp-workers, as production has. */
    private void ensureRemoteWorker() {
        ensureUser(REMOTE_WORKER, AgencyRole.WORKERS);
    }

    private void ensureOperator() {
        ensureUser(OPERATOR, AgencyRole.OPERATORS);
    }

    private void ensureUser(String id, AgencyRole role) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(HubClient.DEMO_PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, role.groupId());
        }
    }

    private JsonNode filtersOf(String user) {
        return hub.raw().get().uri("/engine-rest/filter?resourceType=Task")
                .headers(h -> h.setBasicAuth(user, HubClient.DEMO_PASSWORD))
                .retrieve().body(JsonNode.class);
    }

    private int deployAs(String user) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "modeler-deploy-check");
        form.add("deploy-changed-only", "true");
        form.add("data", new ByteArrayResource(MODEL.getBytes()) {
            @Override
            public String getFilename() {
                return "modeler-deploy-check.bpmn";
            }
        });
        return hub.raw().post().uri("/engine-rest/deployment/create")
                .headers(h -> h.setBasicAuth(user, HubClient.DEMO_PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** Runs {@code java scripts/SendReferral.java} exactly as the README shows, against this hub's acceptor. */
    private String runSenderScript() throws IOException, InterruptedException {
        String acceptorPort = String.valueOf(URI.create(acceptorUrl).getPort());
        Path repositoryRoot = Path.of("..").toAbsolutePath().normalize();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process sender = new ProcessBuilder(List.of(javaBin.toString(), "scripts/SendReferral.java",
                "--port", acceptorPort, "--person", "10000000004"))
                .directory(repositoryRoot.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(sender.waitFor(60, TimeUnit.SECONDS)).as("sender finished").isTrue();
        String output = new String(sender.getInputStream().readAllBytes());
        assertThat(sender.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.contains("reference_id")).map(l -> l.substring(l.indexOf(": ") + 2))
                .findFirst().orElseThrow(() -> new AssertionError("no reference_id in: " + output));
    }
}
