package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.esphub.hub.identity.AgencyRole;
import org.esphub.hub.support.ClusterDatabase;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hub nodes on one database (PostgreSQL when {@code ESP_TEST_DATABASE_URL} is set, a shared H2
 * otherwise) and one broker, started at the same moment: both come up, the start-up work that must
 * happen once happened once, and a referral started on node 1 is worked by node 2.
 *
 * <p>Node 1 runs the broker (embedded) and no external-task workers; node 2 uses node 1's broker as
 * an external one ({@code spring.artemis.mode=native}) and runs the workers. Both run a job
 * executor, the JMS consumers and the simulators. In one JVM Camunda keeps one engine per name in a
 * static registry, so {@code /engine-rest} of both nodes is answered by the engine registered last;
 * what the test ties to a node is what runs in that node's own beans: its start-up, its intake API,
 * its workers, its job executor and consumers.
 */
class TwoHubNodesTest {

    private static final int NODE_1_PORT = 28380;
    private static final int NODE_2_PORT = 28381;
    private static final String BROKER_URL = "tcp://127.0.0.1:61926";
    private static final String NODE_2_WORKER = "esp-hub-node-2-worker";
    private static final String REFERRALS = "/dci/employment/v1.0.0/referrals";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    @BeforeAll
    static void startTwoNodesAtOnce() throws Exception {
        ClusterDatabase database = ClusterDatabase.fresh("cluster");
        String signingKey = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        List<String> shared = List.of(
                "--spring.profiles.active=demo,it",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                // the nodes of a cluster sign with one key: a receiver may fetch it from either
                "--esp.hub.signing.private-key=" + signingKey,
                "--esp.messaging.acceptor-url=" + BROKER_URL + "?protocols=CORE,AMQP,STOMP");
        String[] node1Arguments = arguments(shared,
                "--server.port=" + NODE_1_PORT,
                "--camel.main.name=esp-hub-node-1",
                "--spring.artemis.embedded.data-directory=target/it-data/artemis-cluster-" + UUID.randomUUID(),
                "--esp.workers.enabled=false");
        String[] node2Arguments = arguments(shared,
                "--server.port=" + NODE_2_PORT,
                "--camel.main.name=esp-hub-node-2",
                "--spring.artemis.mode=native",
                "--spring.artemis.broker-url=" + BROKER_URL,
                "--spring.artemis.embedded.enabled=false",
                "--camunda.bpm.client.worker-id=" + NODE_2_WORKER);

        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            // Spring Boot sets up the JVM's one logging system while a context's environment is
            // prepared, which two contexts cannot do at once; node 2 starts right after node 1 has
            // done it, milliseconds in, and both then migrate, build engines and seed at once
            CountDownLatch loggingReady = new CountDownLatch(1);
            Future<ConfigurableApplicationContext> first = starters.submit(() -> hub(node1Arguments,
                    (ApplicationListener<ApplicationEnvironmentPreparedEvent>) prepared -> loggingReady.countDown()));
            Future<ConfigurableApplicationContext> second = starters.submit(() -> {
                if (!loggingReady.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("node 1 did not begin to start");
                }
                return hub(node2Arguments);
            });
            // both are waited for, so a node that did start is closed again when the other failed
            List<Throwable> failures = new ArrayList<>();
            node1 = started(first, failures);
            node2 = started(second, failures);
            if (!failures.isEmpty()) {
                AssertionError failed = new AssertionError("a node did not start", failures.get(0));
                failures.stream().skip(1).forEach(failed::addSuppressed);
                throw failed;
            }
        } finally {
            starters.shutdownNow();
        }
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node2, node1}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void both_nodes_start_together_and_the_once_only_start_up_work_is_done_once() {
        assertThat(node1.isActive()).isTrue();
        assertThat(node2.isActive()).isTrue();
        JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
        RepositoryService repository = node1.getBean(RepositoryService.class);

        // Flyway names its table and columns quoted, in lower case (H2 would read them upper case unquoted)
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"esp_schema_history\" WHERE \"version\" IS NOT NULL"
                + " GROUP BY \"version\" HAVING COUNT(*) > 1 OR MIN(CASE WHEN \"success\" THEN 1 ELSE 0 END) = 0",
                String.class))
                .as("every migration applied once, successfully").isEmpty();
        assertThat(repository.createDeploymentQuery().count()).as("one deployment of the models").isEqualTo(1);
        List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().list();
        assertThat(processes).isNotEmpty().allSatisfy(definition -> assertThat(definition.getVersion())
                .as(definition.getKey()).isEqualTo(1));
        assertThat(processes).extracting(ProcessDefinition::getKey).doesNotHaveDuplicates()
                .contains(ReferralToPes.PROCESS_KEY);
        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().list();
        assertThat(decisions).isNotEmpty().allSatisfy(definition -> assertThat(definition.getVersion())
                .as(definition.getKey()).isEqualTo(1));

        // filters have no unique key in Camunda's schema: two nodes seeding at once made two of each
        List<String> inboxes = Arrays.stream(AgencyRole.values()).map(AgencyRole::inboxFilterName)
                .filter(name -> name != null).toList();
        assertThat(node1.getBean(FilterService.class).createFilterQuery().list()).extracting(Filter::getName)
                .containsExactlyInAnyOrderElementsOf(inboxes);
        IdentityService identity = node1.getBean(IdentityService.class);
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId("pes-worker")
                .memberOfGroup(AgencyRole.PES_CASEWORKERS.groupId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_audit_chain", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_referral_started_on_node_1_is_worked_by_node_2_and_its_agency_event_correlated_on_the_shared_broker() {
        HubClient hub1 = new HubClient(NODE_1_PORT);
        HubClient hub2 = new HubClient(NODE_2_PORT);
        RuntimeService runtime = node1.getBean(RuntimeService.class);
        HistoryService history = node1.getBean(HistoryService.class);
        Referral referral = Referrals.forPerson(new EligiblePeople(node1.getBean(SyntheticPopulation.class),
                node1.getBean(ContributionRegister.class), node1.getBean(JdbcTemplate.class)).next());

        HubClient.Answer ack = hub1.postWithToken(hub1.clientToken("sa-system", "referral:create"), REFERRALS,
                referral.json());
        assertThat(ack.status()).isEqualTo(200);
        // the ACK comes once the referral is durable; a node's starter starts its process right after (ADR 0029)
        await().atMost(FLOW_TIMEOUT).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(ReferralToPes.PROCESS_KEY)
                .processInstanceBusinessKey(referral.referenceId()).count() == 1);

        // profile, eligibility and the PES registration (external tasks: only node 2 works them), then
        // PES's RegistrationConfirmed event through the shared broker, then the caseworker's intake
        await().atMost(FLOW_TIMEOUT).until(() -> hub2.tasksOf("pes-worker", referral.referenceId()).size() == 1);
        JsonNode task = hub2.tasksOf("pes-worker", referral.referenceId()).get(0);
        assertThat(hub2.completeTask("pes-worker", task.path("id").asText(), Map.of(
                "workReady", false, "barriers", "Caring for a relative", "notes", "Two nodes"))).isEqualTo(204);

        await().atMost(FLOW_TIMEOUT).until(() -> saOutcomes(referral.referenceId(), hub1, hub2)
                .contains(ReferralToPes.OUTCOME_RETURNED_TO_SA));
        await().atMost(FLOW_TIMEOUT).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referral.referenceId()).completed().count() == 1);
        String instanceId = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referral.referenceId()).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(ReferralToPes.REGISTRATION_CONFIRMED).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(ReferralToPes.RETURNED_TO_SA).count()).isEqualTo(1);
        List<HistoricExternalTaskLog> worked = history.createHistoricExternalTaskLogQuery()
                .processInstanceId(instanceId).successLog().list();
        assertThat(worked).extracting(HistoricExternalTaskLog::getTopicName)
                .contains(ReferralToPes.TOPIC_FETCH_PROFILE, ReferralToPes.TOPIC_REGISTER_JOBSEEKER,
                        ReferralToPes.TOPIC_NOTIFY_OUTCOME);
        assertThat(worked).extracting(HistoricExternalTaskLog::getWorkerId).containsOnly(NODE_2_WORKER);
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instanceId).count()).isZero();
    }

    /** The outcomes SA's simulator received: either node's simulator may have taken the notification. */
    private static List<String> saOutcomes(String referenceId, HubClient... nodes) {
        return Stream.of(nodes).flatMap(node -> node.saNotificationsAbout(referenceId)
                .findValuesAsText("outcome").stream()).toList();
    }

    private static String[] arguments(List<String> shared, String... own) {
        return Stream.concat(shared.stream(), Stream.of(own)).toArray(String[]::new);
    }

    private static ConfigurableApplicationContext hub(String[] arguments, ApplicationListener<?>... listeners) {
        return new SpringApplicationBuilder(EspHubApplication.class).listeners(listeners).run(arguments);
    }

    private static ConfigurableApplicationContext started(Future<ConfigurableApplicationContext> start,
            List<Throwable> failures) throws InterruptedException {
        try {
            return start.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            failures.add(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            failures.add(e);
        }
        return null;
    }
}
