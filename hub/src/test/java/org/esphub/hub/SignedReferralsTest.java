package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.signature.DciSigner;
import org.esphub.dci.signature.Ed25519Keys;
import org.esphub.dci.signature.SignatureDigest;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * DCI message signatures on the real hub, with the demo key of {@code sa.gov.example} from
 * {@code application-demo.yaml} and its private half from {@code scripts/demo-keys}: a signed
 * referral starts, one changed after signing is refused and starts nothing, on the API and on
 * the queue; an unsigned one is fine for {@code sa-system} but not for a client that must sign.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        // a second SA client, identical to sa-system except that it must sign what it sends
        "spring.security.oauth2.authorizationserver.client.sa-signing-system.registration.client-id=sa-signing-system",
        "spring.security.oauth2.authorizationserver.client.sa-signing-system.registration.client-secret={noop}demo",
        "spring.security.oauth2.authorizationserver.client.sa-signing-system.registration.client-authentication-methods=client_secret_basic",
        "spring.security.oauth2.authorizationserver.client.sa-signing-system.registration.authorization-grant-types=client_credentials",
        "spring.security.oauth2.authorizationserver.client.sa-signing-system.registration.scopes=referral:create,referral:read",
        "esp.agencies.sender-ids.sa-signing-system[0]=sa.gov.example",
        "esp.signatures.required-clients[0]=sa-signing-system"})
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class SignedReferralsTest {

    private static final String REFERRALS = "/dci/employment/v1.0.0/referrals";
    private static final Path DEMO_KEY = Path.of("../scripts/demo-keys/sa.gov.example-demo-2026.pem");
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(60);

    private static DciSigner demoSigner;

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;

    private HubClient hub;
    private EligiblePeople eligible;

    @BeforeAll
    static void loadDemoKey() throws Exception {
        demoSigner = new DciSigner("sa.gov.example", "demo-2026", Ed25519Keys.privateKey(Files.readString(DEMO_KEY)),
                SignatureDigest.BLAKE_512);
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
    }

    @Test
    void a_referral_signed_with_the_registered_demo_key_is_accepted_and_started() {
        Referral referral = Referrals.forPerson(eligible.next());

        ResponseEntity<JsonNode> ack = post(token("sa-system"), signed(referral).toString());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(ack.getBody().at("/message/ack_status").asText()).isEqualTo("ACK");
        // the process starts once the ACK's transaction committed (ADR 0029)
        await().atMost(QUEUE_TIMEOUT).until(() -> instancesOf(referral) == 1);
    }

    @Test
    void a_signed_referral_changed_after_signing_is_rejected_and_starts_nothing() {
        Referral referral = Referrals.forPerson(eligible.next());
        ObjectNode tampered = signed(referral);
        ((ObjectNode) tampered.at("/message/referral_request/0")).put("person_id", "10000000002");

        ResponseEntity<JsonNode> response = post(token("sa-system"), tampered.toString());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.signature.invalid");
        assertThat(response.getBody().at("/errors/0/message").asText())
                .contains("signature does not verify with key 'demo-2026' of sender 'sa.gov.example'");
        assertNothingStored(referral);
    }

    @Test
    void an_expired_signature_is_rejected_against_the_hubs_clock() {
        Referral referral = Referrals.forPerson(eligible.next());
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        ObjectNode expired = demoSigner.signed(referral.envelope(), anHourAgo, VALIDITY);

        ResponseEntity<JsonNode> response = post(token("sa-system"), expired.toString());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.signature.invalid");
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("signature expired at");
        assertNothingStored(referral);
    }

    @Test
    void an_unsigned_referral_is_accepted_from_a_client_that_need_not_sign() {
        Referral referral = Referrals.forPerson(eligible.next());

        ResponseEntity<JsonNode> ack = post(token("sa-system"), referral.json());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        await().atMost(QUEUE_TIMEOUT).until(() -> instancesOf(referral) == 1);
    }

    @Test
    void a_client_that_must_sign_is_refused_an_unsigned_referral_and_accepted_a_signed_one() {
        String token = token("sa-signing-system");
        Referral unsigned = Referrals.forPerson(eligible.next());
        Referral signed = Referrals.forPerson(eligible.next());

        ResponseEntity<JsonNode> refused = post(token, unsigned.json());
        ResponseEntity<JsonNode> accepted = post(token, signed(signed).toString());

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().at("/errors/0/code").asText()).isEqualTo("err.signature.missing");
        assertThat(refused.getBody().at("/errors/0/message").asText())
                .contains("client 'sa-signing-system' must sign its requests");
        assertNothingStored(unsigned);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        await().atMost(QUEUE_TIMEOUT).until(() -> instancesOf(signed) == 1);
    }

    @Test
    void on_the_queue_a_signed_referral_starts_and_a_tampered_one_is_parked_with_err_signature_invalid() {
        Referral good = Referrals.forPerson(eligible.next());
        Referral bad = Referrals.forPerson(eligible.next());
        ObjectNode tampered = signed(bad);
        ((ObjectNode) tampered.get("header")).put("receiver_id", "someone-else");
        String marker = UUID.randomUUID().toString();

        send(tampered.toString(), marker);
        send(signed(good).toString(), null);

        Message parked = deadLetterMarked(marker);
        assertThat(parked).as("tampered message in DLQ").isNotNull();
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.signature.invalid");
        assertThat(property(parked, "EspRejectionReason")).contains("does not verify");
        await().atMost(QUEUE_TIMEOUT).until(() -> instancesOf(good) == 1);
        assertNothingStored(bad);
    }

    @Test
    void an_agency_event_whose_signature_does_not_verify_is_parked_with_err_signature_invalid() throws Exception {
        String marker = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"header": {"message_id": "%s", "message_ts": "%s", "action": "sa-event",
                            "sender_id": "sa.gov.example", "receiver_id": "esp-hub", "total_count": 1},
                 "message": {"event_type": "AppealFiled", "reference_id": "REF-%s", "appeal_grounds": "signed"}}"""
                .formatted(marker, Instant.now(), marker));
        ObjectNode tampered = demoSigner.signed(event, Instant.now(), VALIDITY);
        ((ObjectNode) tampered.get("message")).put("appeal_grounds", "changed after signing");

        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send("esp.sa.events.in", session -> {
            Message message = session.createTextMessage(tampered.toString());
            message.setStringProperty("testMarker", marker);
            return message;
        });

        Message parked = deadLetterMarked(marker);
        assertThat(parked).as("tampered event in DLQ").isNotNull();
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.signature.invalid");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ObjectNode signed(Referral referral) {
        return demoSigner.signed(referral.envelope(), Instant.now(), VALIDITY);
    }

    private String token(String client) {
        return hub.clientToken(client, "referral:create");
    }

    private ResponseEntity<JsonNode> post(String token, String body) {
        return hub.raw().post().uri(REFERRALS)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    /** Running and finished instances started for the referral. */
    private long instancesOf(Referral referral) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referral.referenceId()).count()
                + historyService.createHistoricProcessInstanceQuery().finished()
                .processInstanceBusinessKey(referral.referenceId()).count();
    }

    private void assertNothingStored(Referral referral) {
        assertThat(instancesOf(referral)).as("instances started").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_inbound_message WHERE message_id = ?",
                Integer.class, referral.messageId())).as("messages recorded").isZero();
    }

    private void send(String body, String marker) {
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send("esp.referrals.in", session -> {
            Message message = session.createTextMessage(body);
            if (marker != null) {
                message.setStringProperty("testMarker", marker);
            }
            return message;
        });
    }

    private Message deadLetterMarked(String marker) {
        JmsTemplate receiver = new JmsTemplate(connectionFactory);
        receiver.setReceiveTimeout(QUEUE_TIMEOUT.toMillis());
        return receiver.receiveSelected("DLQ", "testMarker = '" + marker + "'");
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
