package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The DCI Employment-SP API as an agency system uses it: a client-credentials token, a
 * create-referral envelope, an ACK, and the same process the queue would have started. Every
 * refusal comes in the standard's error format and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class EmploymentApiTest {

    private static final String REFERRALS = "/dci/employment/v1.0.0/referrals";

    /** SA's callback endpoint; the test configuration admits it as the demo admits the simulators. */
    private static final CallbackReceiver AGENCY = CallbackReceiver.start();

    @Value("${server.port}")
    private int port;
    @Autowired
    private JWKSource<SecurityContext> signingKeys;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    private HubClient hub;
    private EligiblePeople eligible;

    @DynamicPropertySource
    static void admitTheAgencysCallbackEndpoint(DynamicPropertyRegistry registry) {
        registry.add("esp.outbound.allowed-targets", () -> CallbackReceiver.allowedTargets(AGENCY));
    }

    @AfterAll
    static void stopTheAgency() {
        AGENCY.close();
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
    }

    @Test
    void each_items_outcome_is_called_back_to_the_sender_uri_and_a_person_already_referred_is_refused_per_item() {
        String token = token("sa-system", "referral:create referral:read");
        String person = eligible.next();
        Referral first = Referrals.forPerson(person);
        ((ObjectNode) first.envelope().get("header")).put("sender_uri", AGENCY.url());
        assertThat(post(token, first.json()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> AGENCY.itemAbout(first.referenceId()) != null);
        JsonNode registered = AGENCY.itemAbout(first.referenceId());
        assertThat(registered.path("status").asText()).isEqualTo("succ");
        assertThat(registered.path("outcome").asText()).isEqualTo("RegistrationConfirmed");
        assertThat(registered.path("pes_case_number").asText()).startsWith("PES-");
        JsonNode callback = AGENCY.callbackAbout(first.referenceId());
        assertThat(callback.at("/header/action").asText()).isEqualTo("on-create-referral");
        assertThat(callback.at("/header/receiver_id").asText()).isEqualTo("sa.gov.example");
        assertThat(callback.at("/message/transaction_id").asText())
                .isEqualTo(first.envelope().at("/message/transaction_id").asText());
        assertThat(callback.at("/header/sender_id").asText()).isEqualTo("esp-hub");
        assertThat(AGENCY.verifyAllWith(PublishedHubKeys.fetch(hub))).as("callbacks signed by the hub's published key")
                .isPositive();

        // one message: the same person again, and someone new
        Referral second = Referrals.forPerson(person);
        ((ObjectNode) second.envelope().get("header")).put("sender_uri", AGENCY.url()).put("total_count", 2);
        String otherReference = second.referenceId() + "-OTHER";
        ((ArrayNode) second.envelope().at("/message/referral_request")).add(
                ((ObjectNode) second.envelope().at("/message/referral_request/0").deepCopy())
                        .put("reference_id", otherReference).put("person_id", eligible.next()));
        ResponseEntity<JsonNode> ack = post(token, second.json());
        assertThat(ack.getBody().at("/message/ack_status").asText()).isEqualTo("ACK");

        await().atMost(Duration.ofSeconds(60)).until(() -> AGENCY.itemAbout(second.referenceId()) != null
                && AGENCY.itemAbout(otherReference) != null);
        JsonNode refused = AGENCY.itemAbout(second.referenceId());
        assertThat(refused.path("status").asText()).isEqualTo("rjct");
        assertThat(refused.path("status_reason_code").asText()).isEqualTo("rjct.referral.duplicate_active");
        assertThat(refused.path("status_reason_message").asText()).contains(first.referenceId());
        assertThat(AGENCY.itemAbout(otherReference).path("status").asText()).isEqualTo("succ");
        JsonNode listed = get(token, REFERRALS + "?reference_id=" + second.referenceId()).getBody();
        assertThat(listed.at("/referrals/0/status").asText()).isEqualTo("REJECTED");
        assertThat(listed.at("/referrals/0/outcome").asText()).isEqualTo("rjct.referral.duplicate_active");
        assertThat(hub.tasksOf("pes-worker", second.referenceId())).isEmpty();
    }

    @Test
    void an_ineligible_item_is_called_back_as_rejected_with_the_reason() {
        String token = token("sa-system", "referral:create");
        Referral referral = Referrals.forPerson("10000000002");
        ((ObjectNode) referral.envelope().get("header")).put("sender_uri", AGENCY.url());
        assertThat(post(token, referral.json()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> AGENCY.itemAbout(referral.referenceId()) != null);
        JsonNode refused = AGENCY.itemAbout(referral.referenceId());
        assertThat(refused.path("status").asText()).isEqualTo("rjct");
        assertThat(refused.path("status_reason_code").asText()).isEqualTo("rjct.referral.not_eligible");
        assertThat(refused.path("status_reason_message").asText()).isEqualTo("NOT_WORK_ABLE");
        assertThat(refused.path("outcome").asText()).isEqualTo("NotEligible");
    }

    @Test
    void an_sa_system_posts_a_referral_gets_an_ack_and_finds_it_in_the_referral_list_and_the_pes_inbox() {
        String token = token("sa-system", "referral:create referral:read");
        Referral referral = Referrals.forPerson("10000000001");

        ResponseEntity<JsonNode> ack = post(token, referral.json());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(ack.getBody().at("/message/ack_status").asText()).isEqualTo("ACK");
        assertThat(ack.getBody().at("/message/correlation_id").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);

        JsonNode listed = get(token, REFERRALS + "?person_id=10000000001&page_size=100").getBody();
        assertThat(listed.at("/pagination/page_number").asInt()).isEqualTo(1);
        assertThat(listed.get("referrals").findValuesAsText("reference_id")).contains(referral.referenceId());
    }

    @Test
    void a_call_without_a_token_or_with_a_bad_token_is_unauthorized_in_the_standard_format() {
        ResponseEntity<JsonNode> anonymous = post(null, Referrals.forPerson("10000000001").json());
        ResponseEntity<JsonNode> forged = post("not.a.jwt", Referrals.forPerson("10000000001").json());

        for (ResponseEntity<JsonNode> response : List.of(anonymous, forged)) {
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.unauthorized");
        }
    }

    @Test
    void an_expired_token_signed_by_the_hub_is_unauthorized() {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject("sa-system")
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofMinutes(5)))
                .claim("scope", List.of("referral:create"))
                .build();
        String expired = new NimbusJwtEncoder(signingKeys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();

        ResponseEntity<JsonNode> response = post(expired, Referrals.forPerson("10000000001").json());

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.unauthorized");
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("expired");
    }

    @Test
    void a_client_without_the_operations_scope_is_forbidden() {
        String trainingOnly = token("tvet-provider", "benefit:manage");

        ResponseEntity<JsonNode> response = post(trainingOnly, Referrals.forPerson("10000000001").json());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.forbidden");
    }

    @Test
    void malformed_json_and_schema_violations_are_bad_requests_naming_the_field() {
        String token = token("sa-system", "referral:create");
        Referral wrongType = Referrals.forPerson("10000000001");
        ((ObjectNode) wrongType.envelope().at("/message/referral_request/0")).put("person_id", 10000000001L);

        ResponseEntity<JsonNode> notJson = post(token, "{\"header\": ");
        ResponseEntity<JsonNode> invalid = post(token, wrongType.json());

        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("$.message.referral_request[0].person_id"));
        assertThat(get(token("sa-system", "referral:read"),
                REFERRALS + "?reference_id=" + wrongType.referenceId()).getBody().at("/pagination/total_count").asInt())
                .as("nothing stored").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10000000001/../../admin", "..", ".", "{{env:HOME}}", "1?httpMethod=DELETE", "%2e%2e"})
    void a_person_id_that_could_steer_an_agency_url_is_refused_before_anything_is_stored(String personId) {
        String token = token("sa-system", "referral:create referral:read");
        Referral pathTrick = Referrals.forPerson(personId);

        ResponseEntity<JsonNode> refused = post(token, pathTrick.json());

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(refused.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("$.message.referral_request[0].person_id"));
        assertThat(get(token, REFERRALS + "?reference_id=" + pathTrick.referenceId()).getBody()
                .at("/pagination/total_count").asInt()).as("nothing stored").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:61616/", "http://[::1]/cb", "http://0x7f000001/cb",
            "http://2130706433/cb", "http://017700000001/cb", "http://[::ffff:127.0.0.1]/cb", "http://localhost:5432/",
            "http://10.1.2.3/cb", "http://192.168.0.10/cb", "http://[fd00:ec2::254]/cb", "http://[fe80::1]/cb",
            "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/",
            "http://100.64.0.1/cb", "http://0.0.0.0/cb", "http://224.0.0.1/cb"})
    void a_sender_uri_the_hub_may_not_call_back_refuses_the_message_before_anything_is_stored(String senderUri) {
        String token = token("sa-system", "referral:create referral:read");
        Referral referral = Referrals.forPerson(eligible.next());
        ((ObjectNode) referral.envelope().get("header")).put("sender_uri", senderUri);

        ResponseEntity<JsonNode> refused = post(token, referral.json());

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(refused.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("sender_uri"));
        assertThat(get(token, REFERRALS + "?reference_id=" + referral.referenceId()).getBody()
                .at("/pagination/total_count").asInt()).as("nothing stored").isZero();
    }

    @Test
    void a_repeated_message_id_is_rejected_as_duplicate_and_starts_nothing() {
        String token = token("sa-system", "referral:create referral:read");
        Referral referral = Referrals.forPerson("10000000004");
        assertThat(post(token, referral.json()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> repeat = post(token, referral.json());

        assertThat(repeat.getStatusCode().value()).isEqualTo(409);
        assertThat(repeat.getBody().at("/errors/0/code").asText()).isEqualTo("rjct.message_id.duplicate");
        assertThat(get(token, REFERRALS + "?reference_id=" + referral.referenceId()).getBody()
                .at("/pagination/total_count").asInt()).isEqualTo(1);
    }

    @Test
    void more_than_one_hundred_items_exceed_the_batch_limit() {
        String token = token("sa-system", "referral:create");
        Referral referral = Referrals.forPerson("10000000001");
        ArrayNode items = (ArrayNode) referral.envelope().at("/message/referral_request");
        for (int i = 0; i < 100; i++) {
            items.add(((ObjectNode) items.get(0).deepCopy()).put("reference_id", referral.referenceId() + "-" + i));
        }
        ((ObjectNode) referral.envelope().get("header")).put("total_count", 101);

        ResponseEntity<JsonNode> response = post(token, referral.json());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("rjct.total_count.limit_exceeded");
    }

    @Test
    void a_client_cannot_send_in_another_agencys_name() {
        String token = token("sa-system", "referral:create");
        Referral referral = Referrals.forPerson("10000000001");
        ((ObjectNode) referral.envelope().get("header")).put("sender_id", "pes.gov.example");

        ResponseEntity<JsonNode> response = post(token, referral.json());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.sender_id.invalid");
    }

    @Test
    void the_token_signing_keys_are_published() {
        JsonNode keys = hub.raw().get().uri("/.well-known/jwks.json").retrieve().body(JsonNode.class);

        assertThat(keys.get("keys")).isNotEmpty();
    }

    private String token(String client, String scopes) {
        return hub.clientToken(client, scopes);
    }

    private ResponseEntity<JsonNode> post(String token, String body) {
        return hub.raw().post().uri(REFERRALS)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return hub.raw().get().uri(path).headers(h -> h.setBearerAuth(token)).retrieve().toEntity(JsonNode.class);
    }
}
