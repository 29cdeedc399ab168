package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.esphub.agencylink.AgencyLinkApplication;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.pes.Jobseeker;
import org.esphub.simulators.pes.JobseekerRegistry;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Agency-link nodes (ADR 0030): a hub whose in-JVM workers are off, and two link nodes pointed at
 * it through the environment contract of the agency-link jar (engine REST URL and the demo link
 * user, the hub's broker and database). The referral's external tasks are worked by the nodes
 * only, each exactly once, and every agency exchange is released by a node's gate, which names
 * the node in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "esp.workers.enabled=false")
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class AgencyLinkNodeTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String REFERRALS_IN = "esp.referrals.in";
    /** The demo profile's link user (application-demo.yaml, esp.link-worker). */
    private static final String LINK_USER = "esp-link";
    private static final List<String> NODES = List.of("link-a", "link-b");
    private static final List<ConfigurableApplicationContext> RUNNING = new ArrayList<>();

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private HikariDataSource hubDatabase;
    @Value("${esp.governance.audit.chain-key}")
    private String chainKey;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JobseekerRegistry pesJobseekers;

    private HubClient hub;
    private EligiblePeople eligible;

    @BeforeEach
    void startNodes() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
        synchronized (RUNNING) {
            if (RUNNING.isEmpty()) {
                for (String node : NODES) {
                    RUNNING.add(linkNode(node, hubDatabase.getJdbcUrl()).run());
                }
            }
        }
    }

    @AfterAll
    static void stopNodes() {
        RUNNING.forEach(ConfigurableApplicationContext::close);
        RUNNING.clear();
    }

    @Test
    void the_link_nodes_work_every_task_once_and_their_gate_audits_each_exchange_in_their_name() {
        List<Referral> referrals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Referral referral = Referrals.forPerson(eligible.next());
            referrals.add(referral);
            AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send(REFERRALS_IN,
                    session -> session.createTextMessage(referral.json()));
        }
        for (Referral referral : referrals) {
            await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);
        }

        for (Referral referral : referrals) {
            String personId = personOf(referral);
            // the SA profile went through a node's gate, and so did its onward registration with PES
            Map<String, String> actors = exchangeActors(personId);
            assertThat(actors).containsKeys("sa-fetch-profile", "pes-register-jobseeker");
            assertThat(actors.values()).allSatisfy(actor -> assertThat(actor).isIn(
                    NODES.stream().map(node -> "agency-link:" + node).toList()));
            // PES received the person as SA knows them: fetched and passed on by a link node
            Person known = population.get(personId);
            Jobseeker registered = pesJobseekers.latestOf(personId).orElseThrow();
            assertThat(registered.referenceId()).isEqualTo(referral.referenceId());
            assertThat(registered.givenName()).isEqualTo(known.givenName());
            assertThat(registered.familyName()).isEqualTo(known.familyName());
        }

        // every external task of these referrals was done once, by a link node, and none failed
        List<HistoricExternalTaskLog> done = historyService.createHistoricExternalTaskLogQuery().successLog().list();
        Set<String> keys = referrals.stream().map(Referral::referenceId).collect(Collectors.toSet());
        Map<String, Long> perTask = done.stream()
                .filter(log -> keys.contains(businessKeyOf(log.getProcessInstanceId())))
                .peek(log -> assertThat(log.getWorkerId()).isIn(NODES))
                .collect(Collectors.groupingBy(HistoricExternalTaskLog::getExternalTaskId, Collectors.counting()));
        assertThat(perTask).as("fetch profile and register with PES for each referral").hasSizeGreaterThanOrEqualTo(8);
        assertThat(perTask.values()).allSatisfy(count -> assertThat(count).isEqualTo(1L));
        assertThat(historyService.createHistoricExternalTaskLogQuery().failureLog().count()).isZero();
    }

    @Test
    void a_link_node_runs_the_outbound_routes_only() {
        CamelContext camel = RUNNING.get(0).getBean(CamelContext.class);
        Set<String> routes = camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
        assertThat(routes).contains("sa-fetch-profile", "pes-register-jobseeker", "sa-notify-outcome",
                "tax-verify-employment", "person-record-answer");
        assertThat(routes).as("hub-*.yaml stays on hub nodes").doesNotContain("sa-referrals-inbound",
                "sa-events-inbound", "pes-events-inbound", "reject-to-dead-letter", "pes-labour-status",
                "tax-insured-employment");
    }

    @Test
    void the_link_user_may_work_external_tasks_and_nothing_else_of_the_engine() {
        assertThat(hub.statusOf("/engine-rest/process-instance", LINK_USER, HubClient.DEMO_PASSWORD))
                .isEqualTo(403);
        assertThat(hub.statusOf("/engine-rest/process-instance", LINK_USER, "wrong")).isEqualTo(401);
    }

    @Test
    void a_link_node_pointed_at_a_database_without_the_hubs_schema_does_not_start() {
        assertThatThrownBy(() -> linkNode("link-empty", "jdbc:h2:mem:no-hub-schema;DB_CLOSE_DELAY=-1").run())
                .rootCause()
                .hasMessageStartingWith("the hub's schema is missing in jdbc:h2:mem:no-hub-schema")
                .hasMessageContaining("esp_audit_chain.head_mac")
                .hasMessageContaining("esp_audit_event.partner")
                .hasMessageContaining("esp_consent.withdrawn_for");
    }

    /**
     * A link node configured as the agency-link jar is: through its environment variables. They
     * come first, before this JVM's own environment, which names the hub's ports (SERVER_PORT).
     */
    private SpringApplicationBuilder linkNode(String workerId, String database) {
        String hubUrl = "http://localhost:" + port;
        Map<String, Object> environment = new HashMap<>();
        environment.put("server.port", "0");
        environment.put("ESP_WORKER_ID", workerId);
        environment.put("ESP_ENGINE_REST_URL", hubUrl + "/engine-rest");
        environment.put("ESP_ENGINE_USER", LINK_USER);
        environment.put("ESP_ENGINE_PASSWORD", HubClient.DEMO_PASSWORD);
        environment.put("ESP_ARTEMIS_URL", AgencyBroker.clientUrl(acceptorUrl));
        environment.put("ESP_ARTEMIS_USER", "esp-hub");
        environment.put("ESP_ARTEMIS_PASSWORD", "demo");
        environment.put("ESP_DB_URL", database);
        environment.put("ESP_DB_USER", hubDatabase.getUsername());
        environment.put("ESP_DB_PASSWORD", hubDatabase.getPassword());
        environment.put("ESP_AUDIT_CHAIN_KEY", chainKey);
        environment.put("ESP_SA_BASE_URL", hubUrl + "/sim/sa");
        environment.put("ESP_PES_BASE_URL", hubUrl + "/sim/pes");
        environment.put("ESP_TAX_BASE_URL", hubUrl + "/sim/tax");
        environment.put("ESP_TVET_BASE_URL", hubUrl + "/sim/tvet");
        environment.put("ESP_EMPLOYER_BASE_URL", hubUrl + "/sim/employer");
        environment.put("ESP_SA_RECEIVER_ID", "sa.gov.example");
        environment.put("ESP_PES_RECEIVER_ID", "pes.gov.example");
        // what the node's own classpath lacks and the hub's test classpath brings
        environment.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springdoc.core.configuration.SpringDocConfiguration",
                "org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration",
                "org.springdoc.webmvc.ui.SwaggerConfig",
                "org.esphub.simulators.SimulatorsAutoConfiguration"));
        return AgencyLinkApplication.builder().initializers(node -> node.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("link-node-environment", environment)));
    }

    private String personOf(Referral referral) {
        return jdbc.queryForObject("SELECT person_id FROM esp_referral WHERE reference_id = ?", String.class,
                referral.referenceId());
    }

    /** The actor of each exchange about the person in the audit log, by exchange (route id). */
    private Map<String, String> exchangeActors(String personId) {
        Map<String, String> actors = new HashMap<>();
        for (JsonNode event : hub.auditedAbout(personId)) {
            if (!event.path("exchange").isNull() && !event.path("exchange").asText().isEmpty()) {
                actors.put(event.path("exchange").asText(), event.path("actor_id").asText());
            }
        }
        return actors;
    }

    private String businessKeyOf(String processInstanceId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
    }
}
