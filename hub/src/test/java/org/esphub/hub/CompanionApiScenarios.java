package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciResponseValidator;
import org.esphub.dci.DciResponseValidator.DciResponse;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.ComplianceMonitoring;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.hub.support.PublishedSchemas;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The companion's operations as an agency system uses them: {@code POST /compliance/monitor}
 * (ACK, callback, compliance_alert webhook, idempotency, refusals), the searches
 * {@code GET /compliance-monitoring}, {@code /employment-benefits}, {@code /job-placements} (each
 * client sees what its referrals and agreements allow), and the companion's webhook fields. Every
 * answer is validated against the annex or the hub's published document. Run on H2
 * ({@link CompanionApiOnH2Test}) and PostgreSQL ({@link CompanionApiOnPostgresTest}).
 */
abstract class CompanionApiScenarios {

    private static final String BASE = "/dci/employment/v1.0.0";
    private static final String MONITOR = BASE + "/compliance/monitor";
    private static final String MONITORING = BASE + "/compliance-monitoring";
    private static final String BENEFITS = BASE + "/employment-benefits";
    private static final String PLACEMENTS = BASE + "/job-placements";
    private static final String SA_SCOPES = "referral:create compliance:monitor compliance:read benefit:read"
            + " placement:read webhook:manage";

    /**
     * SA's callback and webhook endpoint, one per test class (started before its hub, which
     * admits it as the demo admits the simulators).
     */
    private static CallbackReceiver agency;

    private final DciResponseValidator annex = new DciResponseValidator();

    @Value("${server.port}")
    private int port;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    private HubClient hub;
    private EligiblePeople eligible;
    private PublishedSchemas published;

    @BeforeAll
    static void startTheAgency() {
        agency = CallbackReceiver.start();
    }

    @AfterAll
    static void stopTheAgency() {
        agency.close();
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
        published = PublishedSchemas.of(hub);
    }

    @Test
    void a_compliance_request_is_acknowledged_stored_called_back_raised_as_a_webhook_and_listed() {
        String token = token("sa-system", SA_SCOPES);
        String person = referred(token);
        ResponseEntity<JsonNode> subscribed = send(token, "POST", BASE + "/webhooks/subscription", Map.of(
                "url", agency.url(), "event_types", List.of("compliance_alert"),
                "filters", Map.of("person_ids", List.of(person))));
        assertThat(subscribed.getStatusCode().value()).isEqualTo(201);
        assertThat(subscribed.getBody().path("event_types")).extracting(JsonNode::asText).containsExactly("compliance_alert");
        assertThat(subscribed.getBody().path("events")).as("the alias, for existing subscribers")
                .extracting(JsonNode::asText).containsExactly("compliance_alert");
        assertThat(subscribed.getBody().at("/filters/person_ids")).extracting(JsonNode::asText).containsExactly(person);
        String subscriptionId = subscribed.getBody().path("subscription_id").asText();

        String someoneElse = referred(token);
        ObjectNode request = ComplianceMonitoring.forPersons(person, someoneElse);
        ((ObjectNode) request.get("header")).put("sender_uri", agency.url());
        String reference = ComplianceMonitoring.referenceOf(request, 0);
        String otherReference = ComplianceMonitoring.referenceOf(request, 1);
        ResponseEntity<JsonNode> ack = post(token, MONITOR, request.toString());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        // events are queued with the ACK's transaction: the person filter let only this person's through
        assertThat(jdbc.queryForList("SELECT payload FROM esp_webhook_delivery WHERE subscription_id = ?",
                String.class, subscriptionId)).singleElement().asString().contains(reference)
                .doesNotContain(otherReference);
        assertThat(annex.problems(DciResponse.ACK, ack.getBody())).isEmpty();
        String correlationId = ack.getBody().at("/message/correlation_id").asText();

        await().atMost(Duration.ofSeconds(60)).until(() -> agency.itemIn("compliance_response", reference) != null
                && !agency.eventsAbout("compliance_alert", reference).isEmpty());
        JsonNode item = agency.itemIn("compliance_response", reference);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("compliance_status").asText()).isEqualTo("PENDING");
        assertThat(item.path("person_id").asText()).isEqualTo(person);
        JsonNode alert = agency.eventsAbout("compliance_alert", reference).get(0);
        assertThat(published.problems("WebhookEvent", alert)).isEmpty();
        assertThat(alert.path("subscription_id").asText()).isEqualTo(subscriptionId);
        assertThat(alert.at("/metadata/correlation_id").asText()).isEqualTo(correlationId);
        assertThat(alert.at("/metadata/retry_count").asInt()).isZero();
        assertThat(alert.path("event").asText()).as("the hub's first field names stay").isEqualTo("compliance_alert");
        assertThat(alert.at("/data/status").asText()).isEqualTo("RECEIVED");
        assertThat(alert.at("/data/compliance_status").asText()).isEqualTo("PENDING");
        assertThat(alert.path("data").has("correlation_id")).as("not a field of the agreement's").isFalse();
        assertThat(agency.verifyAllWith(PublishedHubKeys.fetch(hub))).isPositive();

        JsonNode page = get(token, MONITORING + "?reference_id=" + reference).getBody();
        assertThat(published.problems("ComplianceMonitoringList", page)).isEmpty();
        JsonNode listed = page.at("/compliance_monitoring/0");
        assertThat(listed.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(listed.path("compliance_status").asText()).isEqualTo("PENDING");
        assertThat(listed.at("/monitoring_period/start_date").asText()).isEqualTo("2026-11-01");
        assertThat(listed.path("compliance_areas")).extracting(JsonNode::asText)
                .containsExactly("WORK_SEARCH", "APPOINTMENT_ATTENDANCE");
        assertThat(hub.auditedAbout(person)).anySatisfy(event -> {
            assertThat(event.path("exchange").asText()).isEqualTo("api.assess-compliance");
            assertThat(event.path("purpose").asText()).isEqualTo("ACTIVATION_COMPLIANCE");
        });
    }

    @Test
    void an_item_about_a_person_the_sender_never_referred_is_refused_on_its_own() {
        String token = token("sa-system", SA_SCOPES);
        String referredPerson = referred(token);
        String stranger = eligible.next();
        ObjectNode request = ComplianceMonitoring.forPersons(referredPerson, stranger);
        ((ObjectNode) request.get("header")).put("sender_uri", agency.url());
        String accepted = ComplianceMonitoring.referenceOf(request, 0);
        String refused = ComplianceMonitoring.referenceOf(request, 1);

        assertThat(post(token, MONITOR, request.toString()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> agency.itemIn("compliance_response", refused) != null);
        JsonNode item = agency.itemIn("compliance_response", refused);
        assertThat(item.path("status").asText()).isEqualTo("rjct");
        assertThat(item.path("status_reason_code").asText()).isEqualTo("rjct.compliance.no_referral");
        JsonNode page = get(token, MONITORING + "?person_id=" + stranger + "&reference_id=" + refused
                + "&status=REJECTED").getBody();
        assertThat(published.problems("ComplianceMonitoringList", page)).isEmpty();
        assertThat(page.at("/pagination/total_count").asInt()).isEqualTo(1);
        assertThat(page.at("/compliance_monitoring/0/reason").asText()).contains("no active referral");
        assertThat(page.at("/compliance_monitoring/0/compliance_status").isNull()).isTrue();
        assertThat(get(token, MONITORING + "?reference_id=" + accepted + "&compliance_status=PENDING"
                + "&monitoring_period_start=2026-11-15&monitoring_period_end=2026-11-20").getBody()
                .at("/pagination/total_count").asInt()).isEqualTo(1);
        assertThat(get(token, MONITORING + "?reference_id=" + accepted + "&monitoring_period_start=2026-12-01")
                .getBody().at("/pagination/total_count").asInt()).as("the period ended before").isZero();
    }

    @Test
    void a_repeated_message_is_a_duplicate_and_a_known_reference_id_adds_nothing() {
        String token = token("sa-system", SA_SCOPES);
        ObjectNode request = ComplianceMonitoring.forPersons(referred(token));
        String reference = ComplianceMonitoring.referenceOf(request, 0);
        assertThat(post(token, MONITOR, request.toString()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> again = post(token, MONITOR, request.toString());
        ((ObjectNode) request.get("header")).put("message_id", "MSG-COMP-" + UUID.randomUUID());
        ResponseEntity<JsonNode> resent = post(token, MONITOR, request.toString());

        assertError(again, 409, "rjct.message_id.duplicate");
        assertThat(resent.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_compliance_request WHERE reference_id = ?",
                Integer.class, reference)).isEqualTo(1);
    }

    @Test
    void bad_requests_are_refused_in_the_standard_format_and_store_nothing() {
        String token = token("sa-system", SA_SCOPES);
        String person = referred(token);
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM esp_compliance_request", Integer.class);

        ObjectNode wrongType = ComplianceMonitoring.forPersons(person);
        ((ObjectNode) wrongType.at("/message/compliance_request/0")).put("compliance_areas", "WORK_SEARCH");
        ObjectNode unknownArea = ComplianceMonitoring.forPersons(person);
        ((ArrayNode) unknownArea.at("/message/compliance_request/0/compliance_areas")).add("GARDENING");
        ObjectNode backwards = ComplianceMonitoring.forPersons(person);
        ((ObjectNode) backwards.at("/message/compliance_request/0/assessment_period")).put("end_date", "2026-10-01");
        String[] many = new String[101];
        Arrays.fill(many, person);
        ObjectNode tooMany = ComplianceMonitoring.forPersons(many);
        ObjectNode otherAgency = ComplianceMonitoring.forPersons(person);
        ((ObjectNode) otherAgency.get("header")).put("sender_id", "pes.gov.example");

        assertError(post(token, MONITOR, "{\"header\": "), 400, "err.request.bad");
        assertError(post(token, MONITOR, wrongType.toString()), 400, "err.request.bad");
        assertError(post(token, MONITOR, unknownArea.toString()), 400, "err.request.bad");
        assertError(post(token, MONITOR, backwards.toString()), 400, "err.request.bad");
        assertError(post(token, MONITOR, tooMany.toString()), 400, "rjct.total_count.limit_exceeded");
        assertError(post(token, MONITOR, otherAgency.toString()), 403, "err.sender_id.invalid");
        assertError(post(token("pes-system", "placement:create"), MONITOR,
                ComplianceMonitoring.forPersons(person).toString()), 403, "err.request.forbidden");
        assertError(get(token("sa-system", "compliance:monitor"), MONITORING), 403, "err.request.forbidden");
        assertError(get(token, MONITORING + "?page_size=0"), 400, "err.request.bad");
        assertError(get(token, PLACEMENTS + "?page_number=first"), 400, "err.request.bad");
        assertError(get(token, MONITORING + "?monitoring_period_start=yesterday"), 400, "err.request.bad");
        assertError(get(token, BENEFITS + "?benefit_type=coffee"), 400, "err.request.bad");
        assertError(get(token, PLACEMENTS + "?placement_from=2026-13-01"), 400, "err.request.bad");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_compliance_request", Integer.class)).isEqualTo(before);
    }

    @Test
    void each_client_sees_only_the_benefits_and_placements_of_the_persons_it_referred() {
        String token = token("sa-system", SA_SCOPES);
        String person = referred(token);
        String ours = jdbc.queryForObject("SELECT reference_id FROM esp_referral WHERE person_id = ?"
                + " ORDER BY received_at DESC LIMIT 1", String.class, person);
        // a referral another agency sent, with a benefit and a placement of its own
        String theirs = "REF-OTHER-" + UUID.randomUUID();
        jdbc.update("INSERT INTO esp_referral (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " received_at) VALUES (?, ?, ?, ?, ?, ?)", theirs, person, "pes.gov.example", "MSG-" + theirs,
                "corr-" + theirs.substring(10, 20), Timestamp.from(Instant.now()));
        benefit(ours, person, "training", "enrolled");
        benefit(ours, person, "benefit_adjustment", "active");
        benefit(theirs, person, "training", "completed");
        placement(ours, person);
        placement(theirs, person);

        JsonNode benefits = get(token, BENEFITS + "?person_id=" + person).getBody();
        JsonNode training = get(token, BENEFITS + "?person_id=" + person + "&benefit_type=training").getBody();
        JsonNode placements = get(token, PLACEMENTS + "?person_id=" + person + "&placement_from=2026-01-01").getBody();

        assertThat(published.problems("EmploymentBenefitList", benefits)).isEmpty();
        assertThat(published.problems("JobPlacementList", placements)).isEmpty();
        // the person may have been referred before (a database kept between runs): look at these referrals only
        assertThat(benefits.path("benefits").findValuesAsText("referral_id")).doesNotContain(theirs)
                .filteredOn(ours::equals).hasSize(2);
        assertThat(training.path("benefits")).filteredOn(b -> ours.equals(b.path("referral_id").asText()))
                .extracting(b -> b.path("status").asText()).containsExactly("enrolled");
        assertThat(placements.path("placements").findValuesAsText("referral_id")).doesNotContain(theirs)
                .filteredOn(ours::equals).hasSize(1);
        assertThat(placements.path("placements")).filteredOn(p -> ours.equals(p.path("referral_id").asText()))
                .singleElement().satisfies(p -> {
                    assertThat(p.at("/employer/employer_id").asText()).isEqualTo("EMP-001");
                    assertThat(p.at("/job_details/employment_type").asText()).isEqualTo("PERMANENT");
                });
        assertError(get(token("pes-system", "placement:create"), PLACEMENTS), 403, "err.request.forbidden");
        assertError(get(token("tvet-provider", "benefit:manage"), BENEFITS), 403, "err.request.forbidden");
    }

    @Test
    void the_published_document_has_the_companions_searches_with_their_scopes() {
        JsonNode paths = hub.raw().get().uri("/v3/api-docs").headers(h -> h.setBasicAuth("admin", HubClient.DEMO_PASSWORD))
                .retrieve().body(JsonNode.class).path("paths");

        for (String[] operation : List.of(new String[] {MONITORING, "compliance:read"},
                new String[] {BENEFITS, "benefit:read"}, new String[] {PLACEMENTS, "placement:read"})) {
            assertThat(paths.path(operation[0]).at("/get/security/1/ClientCredentials/0").asText()).isEqualTo(operation[1]);
        }
        assertThat(paths.path(MONITOR).path("post").path("responses").has("501")).isFalse();
    }

    // --- helpers -----------------------------------------------------------------------------

    /** A person SA referred over the API a moment ago: the referral is recorded with the ACK. */
    private String referred(String token) {
        String person = eligible.next();
        Referral referral = Referrals.forPerson(person);
        assertThat(post(token, BASE + "/referrals", referral.json()).getStatusCode().value()).isEqualTo(200);
        return person;
    }

    private void benefit(String referenceId, String personId, String type, String status) {
        jdbc.update("INSERT INTO esp_employment_benefit (benefit_id, reference_id, person_id, benefit_type,"
                + " benefit_subtype, description, start_date, end_date, status, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), referenceId, personId, type,
                "TRN-WELD-01", "Welding", Date.valueOf(LocalDate.of(2026, 12, 1)), null, status,
                Timestamp.from(Instant.now()));
    }

    private void placement(String referenceId, String personId) {
        jdbc.update("INSERT INTO esp_job_placement (placement_id, reference_id, person_id, employer_id, job_title,"
                + " contract_type, placement_date, start_date, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), referenceId, personId, "EMP-001", "Welder", "PERMANENT",
                Date.valueOf(LocalDate.of(2026, 12, 2)), Date.valueOf(LocalDate.of(2026, 12, 7)), "verified",
                Timestamp.from(Instant.now()));
    }

    private void assertError(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("" + response.getBody()).isEqualTo(status);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo(code);
        assertThat(annex.problems(DciResponse.HTTP_ERROR, response.getBody())).isEmpty();
    }

    private String token(String client, String scopes) {
        return hub.clientToken(client, scopes);
    }

    private ResponseEntity<JsonNode> post(String token, String path, String body) {
        return hub.raw().post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> send(String token, String method, String path, Object body) {
        return hub.raw().method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return hub.raw().get().uri(path).headers(h -> h.setBearerAuth(token)).retrieve().toEntity(JsonNode.class);
    }
}
