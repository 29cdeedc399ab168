package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboundEnvelopeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
    private static final Map<String, Object> MESSAGE = Map.of("reference_id", "REF-1", "outcome", "PLACED");

    private final OutboundEnvelope envelope = new OutboundEnvelope("esp-hub", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_header_names_action_sender_receiver_and_the_moment_of_sending() {
        Map<String, Object> header = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-1", MESSAGE));

        assertThat(header).contains(
                entry("version", "1.0.0"),
                entry("action", "notify-outcome"),
                entry("sender_id", "esp-hub"),
                entry("receiver_id", "sa.gov.example"),
                entry("message_ts", "2026-03-02T09:15:00Z"),
                entry("total_count", 1),
                entry("is_msg_encrypted", false));
    }

    @Test
    void each_step_gets_its_own_message_id_so_receivers_can_deduplicate() {
        Object first = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-1", MESSAGE)).get("message_id");
        Object next = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-2", MESSAGE)).get("message_id");

        assertThat(UUID.fromString((String) first)).isNotEqualTo(UUID.fromString((String) next));
    }

    @Test
    void a_retried_step_sends_the_same_message_id_again() {
        Object first = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-1", MESSAGE)).get("message_id");
        Object retried = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-1", MESSAGE)).get("message_id");

        assertThat(retried).isEqualTo(first);
    }

    @Test
    void a_message_that_is_no_step_gets_a_new_message_id_each_time() {
        Object first = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", null, MESSAGE)).get("message_id");
        Object second = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", null, MESSAGE)).get("message_id");

        assertThat(UUID.fromString((String) first)).isNotEqualTo(UUID.fromString((String) second));
    }

    @Test
    void the_correlation_id_travels_in_the_header_meta() {
        Map<String, Object> header = header(envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-1", MESSAGE));

        assertThat(header).containsEntry("meta", Map.of("correlation_id", "corr-1"));
    }

    @Test
    void without_a_correlation_id_the_header_has_no_meta() {
        assertThat(header(envelope.wrap("notify-outcome", "sa.gov.example", null, "REF-1:act-1", MESSAGE))).doesNotContainKey("meta");
    }

    @Test
    void the_message_is_carried_unchanged_beside_the_header() {
        Map<String, Object> wrapped = envelope.wrap("notify-outcome", "sa.gov.example", "corr-1", "REF-1:act-1", MESSAGE);

        assertThat(wrapped).containsOnlyKeys("header", "message").containsEntry("message", MESSAGE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(Map<String, Object> envelope) {
        return (Map<String, Object>) envelope.get("header");
    }
}
