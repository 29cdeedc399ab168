package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.esphub.dci.DciResponseValidator;
import org.esphub.dci.DciResponseValidator.DciResponse;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.tax.ContributionRecord;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /status/{person_id}} (PRS.EMPL.02) against the PES and tax / social-insurance
 * simulators: answers in the annex's schema, a confidence score with its sources, a projection
 * that PES events keep current, and the standard's errors for every bad request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class EmploymentStatusApiTest {

    private static final String STATUS = "/dci/employment/v1.0.0/status/";

    /** SA's webhook receiver; the test configuration admits it as the demo admits the simulators. */
    private static final CallbackReceiver SUBSCRIBER = CallbackReceiver.start();

    @Value("${server.port}")
    private int port;
    @Autowired
    private ContributionRegister taxRegister;
    @Autowired
    private JdbcTemplate jdbc;

    private final DciResponseValidator responses = new DciResponseValidator();
    private HubClient hub;
    private String token;

    @DynamicPropertySource
    static void admitTheSubscriber(DynamicPropertyRegistry registry) {
        registry.add("esp.outbound.allowed-targets", () -> CallbackReceiver.allowedTargets(SUBSCRIBER));
    }

    @AfterAll
    static void stopTheSubscriber() {
        SUBSCRIBER.close();
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        token = hub.clientToken("sa-system", "employment:read referral:create");
    }

    @Test
    void a_person_in_insured_employment_is_employed_with_the_details_the_agreement_allows() {
        String personId = IntStream.rangeClosed(6, 500).mapToObj(n -> Long.toString(10_000_000_000L + n))
                .filter(id -> ContributionRecord.EMPLOYED.equals(taxRegister.recordOf(id).employmentStatus()))
                .findFirst().orElseThrow();

        ResponseEntity<JsonNode> answer = status(personId, token);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode body = answer.getBody();
        assertThat(responses.problems(DciResponse.EMPLOYMENT_STATUS, body)).as(body.toString()).isEmpty();
        assertThat(body.at("/header/status").asText()).isEqualTo("succ");
        assertThat(body.at("/header/receiver_id").asText()).isEqualTo("sa.gov.example");
        assertThat(body.at("/message/person_id").asText()).isEqualTo(personId);
        assertThat(body.at("/message/employment_status").asText()).isEqualTo("EMPLOYED");
        assertThat(body.at("/message/employment_details/employment_start_date").asText()).isNotBlank();
        assertThat(body.at("/message/employment_details").has("employer_name"))
                .as("the agreement lets SA learn that the person works, not for whom").isFalse();
        assertThat(body.at("/message/employment_details/monthly_income").asText()).matches("\\d+\\.\\d{2}");
        assertThat(body.at("/message/verification/confidence_score").asDouble()).isEqualTo(0.75);
        assertThat(body.at("/message/verification/manual_review_required").asBoolean()).isFalse();
        assertThat(body.get("message").get("verification").get("sources").findValuesAsText("source"))
                .containsExactly("TAX_SOCIAL_INSURANCE", "PES");
        assertThat(answer.getHeaders().getFirst("X-Request-Id")).isNotBlank();
    }

    @Test
    void a_pes_registration_reaches_the_projection_makes_the_answer_certain_and_tells_subscribers() {
        CallbackReceiver subscriber = SUBSCRIBER;
        String webhooks = hub.clientToken("sa-system", "webhook:manage");
        hub.raw().post().uri("/dci/employment/v1.0.0/webhooks/subscription").headers(h -> h.setBearerAuth(webhooks))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", subscriber.url(), "events", List.of("employment_status_changed")))
                .retrieve().toBodilessEntity();
        JsonNode before = status("10000000001", token).getBody();
        assertThat(before.at("/message/employment_status").asText()).isEqualTo("INACTIVE");
        assertThat(before.at("/message/verification/confidence_score").asDouble()).isEqualTo(0.75);
        assertThat(refreshedAt("10000000001")).isNotNull();

        Referral referral = Referrals.forPerson("10000000001");
        hub.raw().post().uri("/dci/employment/v1.0.0/referrals").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(referral.json()).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);

        JsonNode after = status("10000000001", token).getBody();
        assertThat(after.at("/message/employment_status").asText()).isEqualTo("UNEMPLOYED");
        assertThat(after.at("/message/verification/confidence_score").asDouble()).isEqualTo(1.0);
        assertThat(after.at("/message/program_participation/active_programs/0").asText())
                .isEqualTo("JOB_SEARCH_ASSISTANCE");
        assertThat(responses.problems(DciResponse.EMPLOYMENT_STATUS, after)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> !subscriber.received().isEmpty());
        JsonNode changed = subscriber.received().get(0);
        assertThat(subscriber.verifyAllWith(PublishedHubKeys.fetch(hub))).as("signed by the hub's published key")
                .isPositive();
        assertThat(changed.path("event").asText()).isEqualTo("employment_status_changed");
        assertThat(changed.at("/data/reference_id").asText()).isEqualTo(referral.referenceId());
        assertThat(changed.at("/data/person_id").asText()).isEqualTo("10000000001");
        assertThat(changed.at("/data/previous_employment_status").asText()).isEqualTo("INACTIVE");
        assertThat(changed.at("/data/employment_status").asText()).isEqualTo("UNEMPLOYED");
        assertThat(changed.at("/data/cause").asText()).isEqualTo("RegistrationConfirmed");
    }

    @Test
    void an_unknown_person_is_not_found_and_nothing_is_projected() {
        ResponseEntity<JsonNode> answer = status("99999999999", token);

        assertError(answer, 404, "err.request.not_found");
        assertThat(refreshedAt("99999999999")).isNull();
    }

    @Test
    void a_request_without_the_annexs_headers_or_with_an_unsafe_person_id_is_bad() {
        ResponseEntity<JsonNode> noHeaders = hub.raw().get().uri(STATUS + "10000000002")
                .headers(h -> h.setBearerAuth(token)).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> notUuid = hub.raw().get().uri(STATUS + "10000000002")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("X-Request-Id", "42");
                    h.set("X-DCI-Version", "1.0.0");
                }).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> unsafe = status("1000%2F..%2Fx", token);
        // dots only name no person ('.' and '..' themselves never reach the API: clients resolve them away)
        ResponseEntity<JsonNode> dotsOnly = status("...", token);
        ResponseEntity<JsonNode> oldVersion = hub.raw().get().uri(STATUS + "10000000002")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("X-Request-Id", UUID.randomUUID().toString());
                    h.set("X-DCI-Version", "0.9.0");
                }).retrieve().toEntity(JsonNode.class);

        assertError(noHeaders, 400, "err.request.bad");
        assertThat(noHeaders.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("X-Request-Id"))
                .anySatisfy(m -> assertThat(m).contains("X-DCI-Version"));
        assertError(notUuid, 400, "err.request.bad");
        assertThat(unsafe.getStatusCode().value()).isEqualTo(400);
        assertError(dotsOnly, 400, "err.request.bad");
        assertThat(dotsOnly.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("person_id"));
        assertError(oldVersion, 400, "err.version.not_supported");
    }

    @Test
    void no_token_is_unauthorized_and_a_token_without_employment_read_is_forbidden() {
        ResponseEntity<JsonNode> anonymous = status("10000000002", null);
        ResponseEntity<JsonNode> trainingOnly = status("10000000002", hub.clientToken("tvet-provider", "benefit:manage"));

        assertError(anonymous, 401, "err.request.unauthorized");
        assertError(trainingOnly, 403, "err.request.forbidden");
    }

    private ResponseEntity<JsonNode> status(String personId, String bearer) {
        return hub.raw().get().uri(STATUS + personId)
                .headers(h -> {
                    if (bearer != null) {
                        h.setBearerAuth(bearer);
                    }
                    h.set("X-Request-Id", UUID.randomUUID().toString());
                    h.set("X-DCI-Version", "1.0.0");
                    h.setAccept(List.of(MediaType.APPLICATION_JSON));
                }).retrieve().toEntity(JsonNode.class);
    }

    private java.sql.Timestamp refreshedAt(String personId) {
        List<java.sql.Timestamp> rows = jdbc.queryForList(
                "SELECT refreshed_at FROM esp_employment_status WHERE person_id = ?", java.sql.Timestamp.class, personId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void assertError(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo(code);
        assertThat(responses.problems(DciResponse.HTTP_ERROR, response.getBody())).isEmpty();
    }
}
