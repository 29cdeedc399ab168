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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.hub.governance.PersonRightsRetention;
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
import org.esphub.hub.support.LifecycleDriver.Vacancy;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.Rectification;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.SubjectAccessRequest;
import org.esphub.simulators.tax.ContributionRegister;
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
 * Rectification: SA asks that a referred person's birth date be corrected (bad input refused, nothing
 * stored); SA's caseworker corrects it; PES, which received the birth date at registration, is told the new
 * value and version at its simulator, SA (the source) is not; a family name PES proposed to an employer
 * reaches that employer, through the employers' gateway, and no other. Retention purges closed rights records.
 *
 * <p>Subclasses choose the database.
 */
abstract class PersonRightsScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String API = "/dci/employment/v1.0.0/subject-access-requests";
    private static final String DPO = "dpo";
    private static final String RESTRICTIONS = "/dci/employment/v1.0.0/restrictions";
    private static final String RECTIFICATIONS = "/dci/employment/v1.0.0/rectifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** VAC-1 of PES's job board: Acme's, the employer the candidate is proposed to. */
    private static final Vacancy MACHINE_OPERATOR = new Vacancy("EMP-ACME", "Acme Manufacturing", "VAC-1",
            "Machine operator", 38, 1450, JobPlacement.CONTRACT_PERMANENT, null);

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
    @Autowired
    private ContributionRegister register;
    @Autowired
    private PersonRightsRetention rightsRetention;
    @Autowired
    private AgreementCatalogue agreements;

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
        String referred = new EligiblePeople(population, register, jdbc).next();
        referOnTheQueue(referred);
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
    void a_corrected_birth_date_reaches_every_agency_that_received_it_and_no_other() {
        String referred = new EligiblePeople(population, register, jdbc).next();
        SimulatedAgencies agencies = referOnTheQueue(referred);
        // PES registered the person: the registration carried the birth date SA's registry gave the hub
        driver.awaitTask(PES_CASEWORKER, ReferralToPes.INTAKE);
        String sa = hub.clientToken("sa-system", Scopes.PERSON_RIGHTS);
        Map<String, Object> valid = Map.of("person_id", referred, "given_name", "Maria", "family_name", "Rodriguez",
                "field", "birth_date", "source_agency", "sa.gov.example", "claimed_value", "1990-05-14",
                "statement", "my passport says 14 May 1990");
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM esp_rectification", Long.class);
        for (Map<String, Object> bad : List.of(with(valid, "field", "shoe_size"),
                with(valid, "person_id", "79999999999"), with(valid, "source_agency", "pes.gov.example"))) {
            HubClient.Answer refused = hub.postWithToken(sa, RECTIFICATIONS, bad);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_rectification", Long.class)).isEqualTo(stored);

        HubClient.Answer asked = hub.postWithToken(sa, RECTIFICATIONS, valid);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String id = asked.json().path("rectification_id").asText();
        assertThat(asked.json().path("status").asText()).isEqualTo("IN_CHECK");

        JsonNode check = await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf(SA_CASEWORKER, id), tasks -> tasks.size() == 1)
                .get(0);
        assertThat(check.path("taskDefinitionKey").asText()).isEqualTo(Rectification.CHECK_FIELD);
        assertThat(hub.completeTask(SA_CASEWORKER, check.path("id").asText(), Map.of(
                Rectification.VAR_DECISION, Rectification.DECISION_CORRECT,
                Rectification.VAR_CORRECTED_VALUE, "1990-05-14"))).isEqualTo(204);

        JsonNode told = await().atMost(FLOW_TIMEOUT).until(() -> agencies.pesNotificationsAbout(id),
                notices -> notices.findValuesAsText("outcome").contains(Rectification.OUTCOME_DATA_RECTIFIED));
        JsonNode notice = told.findParent("new_value");
        assertThat(notice.path("field").asText()).isEqualTo("birth_date");
        assertThat(notice.path("new_value").asText()).isEqualTo("1990-05-14");
        assertThat(notice.path("version").asInt()).isEqualTo(1);
        assertThat(notice.path("person_id").asText()).isEqualTo(referred);
        JsonNode status = await().atMost(FLOW_TIMEOUT).until(() -> hub.getWithToken(sa, RECTIFICATIONS + "/{id}", id)
                .json(), answer -> answer.path("status").asText().equals("CORRECTED"));
        assertThat(status.path("receivers_told").toString()).isEqualTo("[\"pes.gov.example\"]");
        // SA is the source: it never received the birth date from the hub and is not told
        assertThat(hub.saNotificationsAbout(id).findValuesAsText("outcome")).isEmpty();
        String pes = hub.clientToken("pes-system", Scopes.PERSON_RIGHTS);
        assertThat(hub.getWithToken(pes, RECTIFICATIONS + "/{id}", id).status()).isEqualTo(404);
    }

    @Test
    void a_corrected_family_name_reaches_the_employer_the_candidate_was_proposed_to_and_no_other_employer() {
        String referred = new EligiblePeople(population, register, jdbc).next();
        SimulatedAgencies agencies = referOnTheQueue(referred);
        driver.assessWorkReady(ReferralToPes.PATHWAY_JOB_SEARCH, "ready for the job search");
        // the proposal carried the person's name to Acme, and only to Acme
        driver.matchVacancyStartingIn(2, MACHINE_OPERATOR);
        await().atMost(FLOW_TIMEOUT).until(() -> agencies.proposalsAt(driver.referenceId()), proposals -> proposals.size() == 1);

        String sa = hub.clientToken("sa-system", Scopes.PERSON_RIGHTS);
        HubClient.Answer asked = hub.postWithToken(sa, RECTIFICATIONS, Map.of("person_id", referred,
                "given_name", "Maria", "family_name", "Rodriguez", "field", "family_name",
                "source_agency", "sa.gov.example", "claimed_value", "Rodrigues",
                "statement", "my name is misspelt in the registry"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String id = asked.json().path("rectification_id").asText();
        JsonNode check = await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf(SA_CASEWORKER, id), tasks -> tasks.size() == 1)
                .get(0);
        assertThat(hub.completeTask(SA_CASEWORKER, check.path("id").asText(), Map.of(
                Rectification.VAR_DECISION, Rectification.DECISION_CORRECT,
                Rectification.VAR_CORRECTED_VALUE, "Rodrigues"))).isEqualTo(204);

        JsonNode status = await().atMost(FLOW_TIMEOUT).until(() -> hub.getWithToken(sa, RECTIFICATIONS + "/{id}", id)
                .json(), answer -> answer.path("status").asText().equals("CORRECTED"));
        assertThat(status.path("receivers_told")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("pes.gov.example", "employers:" + MACHINE_OPERATOR.employerId());
        JsonNode told = agencies.employerRectificationsAbout(id);
        assertThat(told).as("one notice, to the one employer that received the name").hasSize(1);
        JsonNode notice = told.get(0).path("content");
        assertThat(notice.path("employer_id").asText()).isEqualTo(MACHINE_OPERATOR.employerId());
        assertThat(notice.path("person_id").asText()).isEqualTo(referred);
        assertThat(notice.path("outcome").asText()).isEqualTo(Rectification.OUTCOME_DATA_RECTIFIED);
        assertThat(notice.path("field").asText()).isEqualTo("family_name");
        assertThat(notice.path("new_value").asText()).isEqualTo("Rodrigues");
        assertThat(notice.path("version").asInt()).isEqualTo(1);
        assertThat(notice.path("effective_date").asText()).isNotBlank();
        assertThat(notice.fieldNames()).toIterable().doesNotContain("given_name", "statement", "claimed_value");
    }

    @Test
    void retention_purges_closed_rights_requests_past_the_agreements_retention_and_keeps_open_ones() {
        Instant old = Instant.now().minus(Duration.ofDays(6 * 366));
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO esp_subject_access_request (request_id, person_id, requester_client, requester_id,"
                + " on_behalf_of, correlation_id, received_at, due_at, export_json) VALUES (?, ?, 'sa-system',"
                + " 'sa.gov.example', 'PERSON', 'c', ?, ?, '{}')", prefix + "-sar", person, Timestamp.from(old),
                Timestamp.from(old.plus(Duration.ofDays(30))));
        for (String restriction : List.of("-lifted", "-open")) {
            jdbc.update("INSERT INTO esp_processing_restriction (id, person_id, purposes, reason,"
                    + " opened_by, opened_for, opened_at, lifted_at) VALUES (?, ?, 'EMPLOYMENT_ACTIVATION', 'r',"
                    + " 'sa-system', 'sa.gov.example', ?, ?)", prefix + restriction, person, Timestamp.from(old),
                    restriction.equals("-open") ? null : Timestamp.from(old.plus(Duration.ofDays(1))));
        }
        jdbc.update("INSERT INTO esp_rectification (rectification_id, person_id, field, source_agency,"
                + " requester_client, requester_id, correlation_id, claimed_value_hash, status, version, requested_at,"
                + " due_at, decided_at, decided_by) VALUES (?, ?, 'birth_date', 'sa.gov.example', 'sa-system',"
                + " 'sa.gov.example', 'c', 'h', 'REFUSED', NULL, ?, ?, ?, 'sa-worker')", prefix + "-rect", person,
                Timestamp.from(old), Timestamp.from(old.plus(Duration.ofDays(30))), Timestamp.from(old.plus(Duration.ofDays(2))));

        int purged = rightsRetention.purge(agreements.byId("data-subject-rights").orElseThrow(),
                Instant.now().minus(Duration.ofDays(5 * 365)));

        assertThat(purged).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForList("SELECT request_id FROM esp_subject_access_request WHERE person_id = ?",
                String.class, person)).isEmpty();
        assertThat(jdbc.queryForList("SELECT id FROM esp_processing_restriction WHERE person_id = ?",
                String.class, person)).containsExactly(prefix + "-open");
        assertThat(jdbc.queryForList("SELECT rectification_id FROM esp_rectification WHERE person_id = ?",
                String.class, person)).isEmpty();
    }

    /** SA refers the person on its queue; the driver and the clock follow that referral. */
    private SimulatedAgencies referOnTheQueue(String person) {
        clock = new EngineClock(engine.getManagementService(), workers);
        SimulatedAgencies agencies = new SimulatedAgencies(hub);
        driver = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        driver.referOnQueue(person);
        return agencies;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
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
