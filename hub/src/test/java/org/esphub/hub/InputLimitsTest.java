package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sizes, lengths and windows at the HTTP boundary of the running hub: whatever does not fit is
 * refused in the standard's error format ({@code {"errors":[{"code","message"}]}}) with a 4xx,
 * stores nothing, and is never a "please retry" 503 nor Tomcat's HTML page.
 */
@HubOnH2
class InputLimitsTest {

    private static final String REFERRALS = "/dci/employment/v1.0.0/referrals";
    private static final String CONSENTS = "/api/consents";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;
    @Value("${server.port}")
    private int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    private record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private String referralToken() {
        return hub.clientToken("sa-system", "referral:create referral:read");
    }

    private Answer postReferral(String body, String correlationId) throws Exception {
        HttpRequest.Builder request = to(REFERRALS).header("Authorization", "Bearer " + referralToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-ID", correlationId);
        }
        return send(request);
    }

    private Answer postConsent(String body, String correlationId) throws Exception {
        HttpRequest.Builder request = to(CONSENTS).header("Authorization", basic("sa-worker"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-ID", correlationId);
        }
        return send(request);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertStandardError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).contains("application/json");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.size()).isPositive();
        errors.forEach(error -> {
            assertThat(error.path("code").asText()).isEqualTo(code);
            assertThat(error.path("message").asText()).isNotBlank();
        });
    }

    private int storedMessages(String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM esp_inbound_message WHERE message_id = ?", Integer.class,
                messageId);
    }

    // ---- sizes on the wire ---------------------------------------------------------------------

    @Test
    void a_body_of_two_megabytes_is_413_in_the_standard_format_on_both_apis() throws Exception {
        String twoMegabytes = "{\"padding\":\"" + "x".repeat(2_000_000) + "\"}";

        assertStandardError(postReferral(twoMegabytes, null), 413, "err.request.bad");
        assertStandardError(postConsent(twoMegabytes, null), 413, "err.request.bad");
    }

    @Test
    void a_chunked_body_over_the_limit_is_413_too() throws Exception {
        byte[] twoMegabytes = ("{\"padding\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Answer answer = send(to(REFERRALS).header("Authorization", "Bearer " + referralToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes))));

        assertStandardError(answer, 413, "err.request.bad");
    }

    @Test
    void a_header_of_eight_thousand_characters_is_answered_in_the_standard_format_not_tomcats_html() throws Exception {
        Answer answer = send(to(REFERRALS).header("X-Correlation-ID", "c".repeat(8_000))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertStandardError(answer, 400, "err.request.bad");
        assertThat(answer.body()).contains("headers are larger").doesNotContain("<html", "Tomcat");
    }

    // ---- lengths and characters of what is stored ----------------------------------------------

    @Test
    void a_correlation_id_of_300_characters_is_400_and_nothing_is_stored() throws Exception {
        Referral referral = Referrals.forPerson("10000000001");
        String source = "limits test " + UUID.randomUUID();

        Answer api = postReferral(referral.json(), "c".repeat(300));
        Answer governance = postConsent("{\"person_id\":\"10000000005\",\"purpose\":\"EMPLOYMENT_ACTIVATION\","
                + "\"source\":\"" + source + "\"}", "c".repeat(300));

        assertStandardError(api, 400, "err.request.bad");
        assertThat(api.body()).contains("X-Correlation-ID");
        assertThat(storedMessages(referral.messageId())).isZero();
        assertStandardError(governance, 400, "err.request.bad");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_consent WHERE source = ?", Integer.class, source))
                .isZero();
    }

    @Test
    void a_correlation_id_with_control_characters_or_spaces_is_400() throws Exception {
        Referral referral = Referrals.forPerson("10000000001");

        assertStandardError(postReferral(referral.json(), "two words"), 400, "err.request.bad");
        assertThat(storedMessages(referral.messageId())).isZero();
    }

    @Test
    void a_transaction_id_of_50_emoji_is_400_not_503_and_nothing_is_stored() throws Exception {
        Referral referral = Referrals.forPerson("10000000001");
        ((ObjectNode) referral.envelope().get("message")).put("transaction_id", "\uD83D\uDE00".repeat(50));

        Answer answer = postReferral(referral.json(), null);

        assertStandardError(answer, 400, "err.request.bad");
        assertThat(answer.body()).contains("$.message.transaction_id");
        assertThat(storedMessages(referral.messageId())).isZero();
    }

    @Test
    void ids_of_300_characters_and_of_a_megabyte_are_400_naming_the_field() throws Exception {
        Referral longMessageId = Referrals.forPerson("10000000001");
        ((ObjectNode) longMessageId.envelope().get("header")).put("message_id", "m".repeat(300));
        Referral hugeReference = Referrals.forPerson("10000000001");
        ((ObjectNode) hugeReference.envelope().at("/message/referral_request/0")).put("reference_id",
                "r".repeat(900_000));

        Answer message = postReferral(longMessageId.json(), null);
        Answer reference = postReferral(hugeReference.json(), null);

        assertStandardError(message, 400, "err.request.bad");
        assertThat(message.body()).contains("$.header.message_id");
        assertStandardError(reference, 400, "err.request.bad");
        assertThat(reference.body()).contains("reference_id").hasSizeLessThan(10_000);
    }

    @Test
    void a_null_consent_body_and_a_scope_holding_null_are_400() throws Exception {
        assertStandardError(postConsent("null", null), 400, "err.request.bad");
        Answer nullInScope = postConsent("{\"person_id\":\"10000000005\",\"purpose\":\"EMPLOYMENT_ACTIVATION\","
                + "\"source\":\"form\",\"scope\":[null]}", null);
        assertStandardError(nullInScope, 400, "err.request.bad");
        assertThat(nullInScope.body()).contains("scope[0]");
        assertStandardError(postConsent("[]", null), 400, "err.request.bad");
    }

    @Test
    void consent_fields_longer_than_their_columns_are_400() throws Exception {
        Answer answer = postConsent("{\"person_id\":\"10000000005\",\"purpose\":\"EMPLOYMENT_ACTIVATION\","
                + "\"source\":\"form\",\"given_by\":\"" + "g".repeat(256) + "\"}", null);

        assertStandardError(answer, 400, "err.request.bad");
        assertThat(answer.body()).contains("given_by");
    }

    // ---- the message's own time ----------------------------------------------------------------

    @Test
    void a_message_written_too_long_ago_or_in_the_future_is_refused_and_nothing_is_stored() throws Exception {
        Referral old = Referrals.forPerson("10000000001");
        ((ObjectNode) old.envelope().get("header")).put("message_ts", Instant.now().minus(Duration.ofDays(2)).toString());
        Referral future = Referrals.forPerson("10000000001");
        ((ObjectNode) future.envelope().get("header")).put("message_ts",
                Instant.now().plus(Duration.ofHours(1)).toString());

        assertStandardError(postReferral(old.json(), null), 400, "rjct.message_ts.invalid");
        assertStandardError(postReferral(future.json(), null), 400, "rjct.message_ts.invalid");
        assertThat(storedMessages(old.messageId()) + storedMessages(future.messageId())).isZero();
    }
}
