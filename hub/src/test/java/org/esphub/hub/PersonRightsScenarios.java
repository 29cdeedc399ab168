package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.hub.rights.PersonExport;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.signing.HubSigner;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.SubjectAccessRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DG.EMPL.05 right of access on the real hub: SA asks, for a person's legal representative, for everything
 * the hub holds about the person (bad input refused with a DCI error, another agency never sees the
 * request); the data-protection officer finds the review in Tasklist's API with what the export holds and
 * releases it; SA's simulator is told, the request is RELEASED before it is due, and the export SA fetches
 * holds the person's consent, is valid against the published schema and carries the hub's signature over
 * its exact bytes, verified with the key from {@code /.well-known/dci-keys}. And restriction: while SA's
 * restriction of a referred person's activation data is open, the step after the PES intake is held (SA
 * is not told the services commenced, and no incident is raised); lifting it runs the step at once.
 *
 * <p>Subclasses choose the database.
 */
abstract class PersonRightsScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String API = "/dci/employment/v1.0.0/subject-access-requests";
    private static final String DPO = "dpo";
    private static final String RESTRICTIONS = "/dci/employment/v1.0.0/restrictions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;

    private HubClient hub;
    private String person;
    private EngineClock clock;
    private LifecycleDriver driver;

    @BeforeEach
    void aPersonWithAConsentOnRecord() {
        hub = new HubClient(port);
        person = "7" + String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000L));
        assertThat(hub.post(SA_CASEWORKER, "/api/consents", Map.of("person_id", person, "purpose",
                ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION, "source", "SA activation interview")).status())
                .isEqualTo(201);
    }

    @AfterEach
    void endTheCaseAndResetTheClock() {
        if (driver != null) {
            driver.endIfRunning();
            clock.reset();
        }
    }

    @Test
    void a_restriction_holds_the_referrals_next_exchange_and_lifting_it_runs_the_step_at_once() {
        String referred = new EligiblePeople(population, jdbc).next();
        clock = new EngineClock(engine.getManagementService(), workers);
        driver = new LifecycleDriver(hub, new SimulatedAgencies(hub), AgencyBroker.as(acceptorUrl, AgencyBroker.SA),
                engine, clock);
        driver.referOnQueue(referred);
        driver.awaitTask(PES_CASEWORKER, ReferralToPes.INTAKE);
        String sa = hub.clientToken("sa-system", Scopes.PERSON_RIGHTS);
        assertThat(hub.postWithToken(sa, RESTRICTIONS, Map.of("person_id", referred, "purposes", List.of("NO_SUCH"),
                "reason", "disputed")).status()).isEqualTo(400);
        HubClient.Answer opened = hub.postWithToken(sa, RESTRICTIONS, Map.of("person_id", referred,
                "purposes", List.of(ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION),
                "reason", "the person disputes the recorded qualifications"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String restriction = opened.json().path("restriction_id").asText();

        driver.assessWorkReady(ReferralToPes.PATHWAY_JOB_SEARCH, "ready for the job search");

        await().atMost(FLOW_TIMEOUT).until(() -> hub.getWithToken(sa, RESTRICTIONS + "/{id}", restriction).json()
                .path("held_steps").asInt() > 0);
        assertThat(hub.saNotificationsAbout(driver.referenceId()).findValuesAsText("outcome"))
                .doesNotContain(ReferralToPes.OUTCOME_SERVICES_COMMENCED);
        assertThat(engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(driver.tree().rootId()).count()).isZero();

        HubClient.Answer lifted = hub.postWithToken(sa, RESTRICTIONS + "/" + restriction + "/lift", Map.of());
        assertThat(lifted.json().path("status").asText()).isEqualTo("LIFTED");
        assertThat(lifted.json().path("resumed_steps").asInt()).isPositive();
        driver.saNotice(ReferralToPes.OUTCOME_SERVICES_COMMENCED);
    }

    @Test
    void a_representatives_request_is_reviewed_released_within_the_deadline_and_fetched_signed() throws Exception {
        String sa = hub.clientToken("sa-system", Scopes.PERSON_RIGHTS);
        HubClient.Answer bad = hub.postWithToken(sa, API, Map.of("person_id", person, "given_name", "Maria",
                "family_name", "Rodriguez", "on_behalf_of", SubjectAccessRequest.ON_BEHALF_OF_REPRESENTATIVE));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(bad.body()).contains("representation: required");

        HubClient.Answer asked = hub.postWithToken(sa, API, Map.of("person_id", person, "given_name", "Maria",
                "family_name", "Rodriguez", "on_behalf_of", SubjectAccessRequest.ON_BEHALF_OF_REPRESENTATIVE,
                "representation", Map.of("kind", "power_of_attorney", "reference", "POA-2026-118")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String requestId = asked.json().path("request_id").asText();
        assertThat(asked.json().path("status").asText()).isEqualTo("IN_REVIEW");
        Instant due = Instant.parse(asked.json().path("due_at").asText());
        assertThat(due).isAfter(Instant.now().plus(Duration.ofDays(29)));

        // only the agency that asked sees the request
        String pes = hub.clientToken("pes-system", Scopes.PERSON_RIGHTS);
        assertThat(hub.getWithToken(pes, API + "/{id}", requestId).status()).isEqualTo(404);
        assertThat(hub.getWithToken(sa, API + "/{id}/export", requestId).status()).isEqualTo(409);

        JsonNode review = await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf(DPO, requestId), tasks -> tasks.size() == 1)
                .get(0);
        assertThat(review.path("taskDefinitionKey").asText()).isEqualTo(SubjectAccessRequest.REVIEW_EXPORT);
        assertThat(hub.taskVariables(DPO, review.path("id").asText())
                .at("/" + SubjectAccessRequest.VAR_EXPORT_SUMMARY + "/value").asText()).contains("consents: 1");
        assertThat(hub.completeTask(DPO, review.path("id").asText(), Map.of(
                SubjectAccessRequest.VAR_RELEASE_DECISION, SubjectAccessRequest.DECISION_RELEASE,
                SubjectAccessRequest.VAR_REVIEW_NOTES, "power of attorney checked"))).isEqualTo(204);

        await().atMost(FLOW_TIMEOUT).until(() -> hub.saNotificationsAbout(requestId).findValuesAsText("outcome")
                .contains(SubjectAccessRequest.OUTCOME_EXPORT_RELEASED));
        JsonNode status = await().atMost(FLOW_TIMEOUT)
                .until(() -> hub.getWithToken(sa, API + "/{id}", requestId).json(),
                        answer -> answer.path("status").asText().equals("RELEASED"));
        assertThat(Instant.parse(status.path("answered_at").asText())).isBefore(due);

        ResponseEntity<byte[]> export = hub.raw().get().uri(API + "/{id}/export", requestId)
                .headers(h -> h.setBearerAuth(sa)).retrieve().toEntity(byte[].class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).startsWith(PersonExport.MEDIA_TYPE);
        PublishedHubKeys.fetch(hub).verifyWebhook(export.getBody(),
                export.getHeaders().getFirst(HubSigner.BODY_SIGNATURE_HEADER));
        JsonNode document = JSON.readTree(export.getBody());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:" + PersonExport.SCHEMA_RESOURCE));
        assertThat(schema.validate(document)).isEmpty();
        assertThat(document.path("person_id").asText()).isEqualTo(person);
        assertThat(document.path("consents").findValuesAsText("purpose"))
                .containsExactly(ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION);
        assertThat(document.path("exchanges").findValuesAsText("exchange")).contains("api.request-subject-access");
    }
}
