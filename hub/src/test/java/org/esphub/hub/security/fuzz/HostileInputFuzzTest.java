package org.esphub.hub.security.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.esphub.processes.ReferralToPes;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.HubClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Property-based fuzzing of what agencies and people can send the hub: the DCI API, the
 * governance API and the queue intake, each with a few hundred hostile inputs drawn from a seeded
 * source ({@code -Dfuzz.seed}, {@code -Dfuzz.tries}). Properties: never a 5xx, never a stack
 * trace or an HTML page, every refusal in the standard error format, hostile input refused, and
 * nothing changed (referrals, process instances, subscriptions, consents and consent audit
 * records counted before and after; queue messages parked with their reason).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@Tag("security")
class HostileInputFuzzTest {

    private static final String API = "/dci/employment/v1.0.0";
    private static final List<String> REFERRAL_FIELDS = List.of("/header/message_id", "/header/message_ts",
            "/header/action", "/header/sender_id", "/header/receiver_id", "/header/version", "/header/total_count",
            "/message/transaction_id", "/message/referral_request", "/message/referral_request/0",
            "/message/referral_request/0/reference_id", "/message/referral_request/0/person_id",
            "/message/referral_request/0/timestamp", "/message/referral_request/0/referral_reason",
            "/message/referral_request/0/consent?", "/message/referral_request/0/consent/ts",
            "/message/referral_request/0/consent/purpose/code");
    private static final List<String> SUBSCRIPTION_FIELDS = List.of("/url", "/events", "/events/0");
    private static final List<String> CONSENT_FIELDS = List.of("/person_id", "/purpose", "/given_at?", "/scope?",
            "/expires_at?", "/given_by_role?", "/subject_birth_date?");
    private static final List<String> AUDIT_FILTERS = List.of("person_id", "agency", "purpose", "correlation_id",
            "from", "to", "after", "limit", "format");
    private static final List<String> PES_EVENT_FIELDS = List.of("/header", "/header/message_id",
            "/header/sender_id", "/header/message_ts", "/message", "/message/event_type", "/message/reference_id",
            "/message/person_id", "/message/occurred_at");
    /** Only fields no hostile value makes valid again (a name may well be 名前; a null on_behalf_of means PERSON). */
    private static final List<String> ACCESS_REQUEST_FIELDS = List.of("/person_id");
    private static final List<String> RESTRICTION_FIELDS = List.of("/person_id", "/purposes", "/purposes/0");
    /** Any field: the person is one the hub never heard of, so even a valid body is refused. */
    private static final List<String> RECTIFICATION_FIELDS = List.of("/person_id", "/given_name", "/family_name",
            "/field", "/source_agency", "/claimed_value", "/statement");
    private static final List<String> REQUEST_ID_HEADERS = List.of("X-Correlation-ID", "X-Request-Id");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private HistoryService history;
    @Autowired
    private JmsTemplate jms;
    @Autowired
    private EmbeddedActiveMQ broker;
    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Value("${esp.queues.referrals-in}")
    private String referralsQueue;
    @Value("${esp.queues.pes-events-in}")
    private String pesEventsQueue;
    @Value("${esp.queues.dead-letter}")
    private String deadLetterQueue;
    /** The agencies' broker users (DEMO DEFAULTS; override where the broker has others). */
    @Value("${fuzz.broker.sa-user:sa-system}")
    private String saBrokerUser;
    @Value("${fuzz.broker.sa-password:demo}")
    private String saBrokerPassword;
    @Value("${fuzz.broker.pes-user:pes-system}")
    private String pesBrokerUser;
    @Value("${fuzz.broker.pes-password:demo}")
    private String pesBrokerPassword;
    @Value("${fuzz.seed:20261206}")
    private long seed;
    /** Tries per fuzzed operation. */
    @Value("${fuzz.tries:120}")
    private int tries;

    private HubClient hub;
    private FuzzHttp http;
    private HostileInput hostile;
    private DeadLetters deadLetters;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        http = new FuzzHttp(port);
        hostile = new HostileInput(seed);
        deadLetters = new DeadLetters(jms, deadLetterQueue);
    }

    @Test
    void the_dci_api_refuses_hostile_input_cleanly_and_changes_nothing() {
        FuzzTally tally = new FuzzTally("DCI API");
        Map<String, Long> before = dciState();
        String create = bearer(hub.clientToken("sa-system", "referral:create"));
        String read = bearer(hub.clientToken("sa-system", "referral:read employment:read"));
        String webhooks = bearer(hub.clientToken("sa-system", "webhook:manage"));

        for (int i = 0; i < tries; i++) {
            http.send(tally, "POST", API + "/referrals", withHostileIdHeader(create),
                    hostile.mutated(HostileInputFuzzTest::referral, REFERRAL_FIELDS), true);
        }
        for (int i = 0; i < tries; i++) {
            http.send(tally, "GET", API + "/status/" + pathSegment(hostile.hostileString()),
                    withHostileIdHeader(read), null, true);
        }
        for (int i = 0; i < tries / 2; i++) {
            String filter = hostile.oneOf(List.of("person_id", "reference_id", "page_size", "page_number"));
            http.send(tally, "GET", API + "/referrals?" + filter + "=" + query(hostile.hostileString()),
                    withHostileIdHeader(read), null, false);
        }
        for (int i = 0; i < tries; i++) {
            http.send(tally, "POST", API + "/webhooks/subscription", withHostileIdHeader(webhooks),
                    hostile.mutated(n -> subscription(), SUBSCRIPTION_FIELDS), true);
        }

        stateKept(tally, before, this::dciState);
        List<String> violations = tally.report();
        assertThat(violations).as("hostile input the DCI API did not refuse cleanly").isEmpty();
    }

    @Test
    void the_governance_api_refuses_hostile_input_cleanly_and_changes_nothing() {
        FuzzTally tally = new FuzzTally("governance API");
        Map<String, Long> before = governanceState();

        for (int i = 0; i < tries; i++) {
            http.send(tally, "POST", "/api/consents", withHostileIdHeader(basic("sa-worker")),
                    hostile.mutated(HostileInputFuzzTest::consent, CONSENT_FIELDS), true);
        }
        for (int i = 0; i < tries / 2; i++) {
            String body = hostile.below(2) == 0 ? null
                    : hostile.mutated(n -> HostileInput.parse("{\"reason\":\"fuzz\"}"), List.of("/reason"));
            http.send(tally, "POST", "/api/consents/" + pathSegment(hostile.hostileString()) + "/withdrawal",
                    withHostileIdHeader(basic("sa-worker")), body, true);
        }
        for (int i = 0; i < tries / 2; i++) {
            http.send(tally, "GET", "/api/consents?person_id=" + query(hostile.hostileString()),
                    withHostileIdHeader(basic("pes-worker")), null, false);
        }
        for (int i = 0; i < tries; i++) {
            http.send(tally, "GET", "/api/audit/events?" + hostile.oneOf(AUDIT_FILTERS) + "="
                    + query(hostile.hostileString()), withHostileIdHeader(basic("auditor")), null, false);
        }

        stateKept(tally, before, this::governanceState);
        List<String> violations = tally.report();
        assertThat(violations).as("hostile input the governance API did not refuse cleanly").isEmpty();
    }

    @Test
    void the_person_rights_api_refuses_hostile_input_cleanly_and_changes_nothing() {
        FuzzTally tally = new FuzzTally("person rights API");
        Map<String, Long> before = personRightsState();
        String rights = bearer(hub.clientToken("sa-system", Scopes.PERSON_RIGHTS));

        for (int i = 0; i < tries / 2; i++) {
            http.send(tally, "POST", API + "/subject-access-requests", withHostileIdHeader(rights),
                    hostile.mutated(HostileInputFuzzTest::accessRequest, ACCESS_REQUEST_FIELDS), true);
        }
        for (int i = 0; i < tries / 2; i++) {
            http.send(tally, "POST", API + "/restrictions", withHostileIdHeader(rights),
                    hostile.mutated(n -> restriction(), RESTRICTION_FIELDS), true);
        }
        for (int i = 0; i < tries / 2; i++) {
            http.send(tally, "POST", API + "/rectifications", withHostileIdHeader(rights),
                    hostile.mutated(HostileInputFuzzTest::rectification, RECTIFICATION_FIELDS), true);
        }

        stateKept(tally, before, this::personRightsState);
        List<String> violations = tally.report();
        assertThat(violations).as("hostile input the person-rights API did not refuse cleanly").isEmpty();
    }

    @Test
    void the_queue_intake_parks_hostile_messages_with_their_reason_and_starts_nothing() throws Exception {
        FuzzTally tally = new FuzzTally("queue intake");
        long processesBefore = history.createHistoricProcessInstanceQuery().count();
        Map<String, String> sent = new HashMap<>();
        try (AgencyBroker sa = new AgencyBroker(acceptorUrl, saBrokerUser, saBrokerPassword);
                AgencyBroker pes = new AgencyBroker(acceptorUrl, pesBrokerUser, pesBrokerPassword)) {
            for (int i = 0; i < tries; i++) {
                String body = hostile.mutated(HostileInputFuzzTest::referral, REFERRAL_FIELDS);
                sent.put(sa.send(referralsQueue, body, hostile.below(10)), body);
                tally.sent();
            }
            // an event nobody waits for is retried before it is parked: fewer of them keep the run short
            for (int i = 0; i < tries / 4; i++) {
                String body = hostile.mutated(HostileInputFuzzTest::pesEvent, PES_EVENT_FIELDS);
                sent.put(pes.send(pesEventsQueue, body, hostile.below(10)), body);
                tally.sent();
            }
        }

        QueueDepth depth = new QueueDepth(broker);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> depth.pending(referralsQueue, pesEventsQueue) == 0
                            && deadLetters.parkedFuzzMessages().keySet().containsAll(sent.keySet()));
        } catch (ConditionTimeoutException notAllParked) {
            long pending = depth.pending(referralsQueue, pesEventsQueue);
            if (pending > 0) {
                tally.violation("still on the intake queues after 90 s", pending + " messages", "");
            }
        }
        Map<String, String> parked = deadLetters.parkedFuzzMessages();
        sent.forEach((id, body) -> {
            if (!parked.containsKey(id)) {
                tally.violation("taken, not parked in the dead-letter queue", id, body);
            } else if (parked.get(id) == null || parked.get(id).isBlank()) {
                tally.violation("parked without a reason", id, body);
            }
        });
        List<String> started = history.createHistoricProcessInstanceQuery().list().stream()
                .map(instance -> instance.getProcessDefinitionKey() + " " + instance.getBusinessKey()).toList();
        if (started.size() != processesBefore) {
            tally.violation("process instances started", processesBefore + " -> " + started.size(), started.toString());
        }
        assertThat(tally.report()).as("hostile messages the intake did not park with their reason").isEmpty();
    }

    // ---- what the fuzzer sends ------------------------------------------------------------------

    /** A valid create-referral envelope with fresh ids; the fuzzer breaks it before sending. */
    static ObjectNode referral(int n) {
        String now = Instant.now().toString();
        return HostileInput.parse("""
                {"header": {"version": "1.0.0", "message_id": "MSG-FUZZ-%1$d", "message_ts": "%2$s",
                  "action": "create-referral", "sender_id": "sa.gov.example", "receiver_id": "esp-hub",
                  "total_count": 1, "is_msg_encrypted": false},
                 "message": {"transaction_id": "TXN-FUZZ-%1$d", "referral_request": [{
                   "reference_id": "REF-FUZZ-%1$d", "timestamp": "%2$s", "person_id": "10000000001",
                   "sp_program_context": {"program_id": "SP-UNEMP-001", "benefit_type": "UNEMPLOYMENT_BENEFIT",
                     "eligibility_status": "WORK_ABLE"},
                   "referral_reason": "ACTIVATION_MANDATE",
                   "consent": {"@type": "Consent", "ts": "%2$s", "purpose": {"text": "activation",
                     "code": "EMPLOYMENT_ACTIVATION"}}}]}}
                """.formatted(n, now));
    }

    /** A PES event about a referral nobody runs, for a person nobody asked about. */
    static ObjectNode pesEvent(int n) {
        String now = Instant.now().toString();
        return HostileInput.parse("""
                {"header": {"version": "1.0.0", "message_id": "MSG-FUZZ-PES-%1$d", "message_ts": "%2$s",
                  "sender_id": "pes.gov.example", "receiver_id": "esp-hub"},
                 "message": {"event_type": "%3$s", "reference_id": "REF-FUZZ-NOBODY-%1$d",
                   "person_id": "FUZZ-PERSON-%1$d", "occurred_at": "%2$s"}}
                """.formatted(n, now, ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED));
    }

    static ObjectNode accessRequest(int n) {
        return HostileInput.parse("""
                {"person_id": "FUZZ-%d", "given_name": "Maria", "family_name": "Rodriguez", "on_behalf_of": "PERSON"}
                """.formatted(n));
    }

    static ObjectNode restriction() {
        return HostileInput.parse("""
                {"person_id": "FUZZ-1", "purposes": ["EMPLOYMENT_ACTIVATION"], "reason": "fuzz"}
                """);
    }

    /** About a person the hub never exchanged data about. */
    static ObjectNode rectification(int n) {
        return HostileInput.parse("""
                {"person_id": "FUZZ-NOBODY-%d", "given_name": "Maria", "family_name": "Rodriguez",
                 "field": "birth_date", "source_agency": "sa.gov.example", "claimed_value": "1990-05-14",
                 "statement": "fuzz"}
                """.formatted(n));
    }

    static ObjectNode subscription() {
        return HostileInput.parse("""
                {"url": "https://sa.gov.example/hooks/esp", "events": ["referral_updated"],
                 "secret": "fuzz-secret-0123456789"}
                """);
    }

    static ObjectNode consent(int n) {
        return HostileInput.parse("""
                {"person_id": "FUZZ-%d", "purpose": "EMPLOYMENT_ACTIVATION", "source": "fuzz",
                 "given_at": "%s"}
                """.formatted(n, Instant.now().minusSeconds(600)));
    }

    /** Now and then an id header no column or log should take: 300 or 8,000 characters, odd ids. */
    private Map<String, String> withHostileIdHeader(String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        if (hostile.below(4) == 0) {
            String value = switch (hostile.below(3)) {
                case 0 -> "c".repeat(hostile.oneOf(List.of(256, 300, 8_000, 16_000)));
                case 1 -> hostile.oneOf(HostileInput.ODD_IDS);
                default -> hostile.oneOf(HostileInput.UNICODE);
            };
            headers.put(hostile.oneOf(REQUEST_ID_HEADERS), value);
        }
        return headers;
    }

    /** Sent as is where it is a legal path already (so {@code ..} and {@code %2e%2e} arrive raw), else encoded. */
    private String pathSegment(String id) {
        boolean raw = id.chars().allMatch(c -> c > 0x20 && c < 0x7f && "{}\\<>\"|^`#".indexOf(c) < 0);
        return raw && hostile.below(2) == 0 ? id : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + HubClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    // ---- what must not change ---------------------------------------------------------------------

    private Map<String, Long> dciState() {
        Map<String, Long> state = new HashMap<>();
        state.put("inbound messages", count("SELECT COUNT(*) FROM esp_inbound_message"));
        state.put("referrals", count("SELECT COUNT(*) FROM esp_referral"));
        state.put("webhook subscriptions", count("SELECT COUNT(*) FROM esp_webhook_subscription"));
        state.put("process instances", history.createHistoricProcessInstanceQuery().count());
        return state;
    }

    private Map<String, Long> personRightsState() {
        Map<String, Long> state = new HashMap<>();
        state.put("access requests", count("SELECT COUNT(*) FROM esp_subject_access_request"));
        state.put("restrictions", count("SELECT COUNT(*) FROM esp_processing_restriction"));
        state.put("rectifications", count("SELECT COUNT(*) FROM esp_rectification"));
        state.put("process instances", history.createHistoricProcessInstanceQuery().count());
        return state;
    }

    private Map<String, Long> governanceState() {
        Map<String, Long> state = new HashMap<>();
        state.put("consents", count("SELECT COUNT(*) FROM esp_consent"));
        state.put("consent changes audited",
                count("SELECT COUNT(*) FROM esp_audit_event WHERE resource_type = 'consent' AND action <> 'SEARCH'"));
        state.put("process instances", history.createHistoricProcessInstanceQuery().count());
        return state;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Nothing changed, and nothing changes for a while after (an accepted referral starts its
     * process asynchronously).
     */
    private static void stateKept(FuzzTally tally, Map<String, Long> before, Supplier<Map<String, Long>> now) {
        try {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> changed(before, now.get()).isEmpty());
        } catch (ConditionTimeoutException changedState) {
            changed(before, now.get()).forEach(change -> tally.violation("state changed", change, ""));
        }
    }

    private static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((what, was) -> {
            if (!was.equals(after.get(what))) {
                changes.add(what + " " + was + " -> " + after.get(what));
            }
        });
        return changes;
    }
}
