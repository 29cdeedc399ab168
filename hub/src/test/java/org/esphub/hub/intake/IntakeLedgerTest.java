package org.esphub.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.support.ClusterDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one answer every API intake gives a resent message: the first is recorded as the envelope
 * says, a second with the same sender and message_id is refused and changes nothing.
 */
class IntakeLedgerTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T09:00:00Z");

    private JdbcTemplate jdbc;
    private IntakeLedger ledger;

    @BeforeEach
    void migratedDatabase() throws Exception {
        ClusterDatabase database = ClusterDatabase.fresh("intake_ledger");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        // the hub's migrations as the hub runs them (db/vendor/postgresql only adds the audit trigger)
        Flyway.configure().dataSource(dataSource).table("esp_schema_history").locations("classpath:db/migration")
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        ledger = new IntakeLedger(jdbc);
    }

    @Test
    void a_message_is_recorded_as_its_envelope_says() throws Exception {
        ledger.recordOrRefuseDuplicate(ReceivedMessage.ofEnvelope(envelope("MSG-1"), "enroll-training", "corr-1", 2,
                RECEIVED), "nothing new was accepted");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM esp_inbound_message WHERE message_id = 'MSG-1'");
        assertThat(row).containsEntry("SENDER_ID", "pes.gov.example").containsEntry("ACTION", "enroll-training")
                .containsEntry("CHANNEL", EnvelopeAdmission.CHANNEL_API).containsEntry("CORRELATION_ID", "corr-1")
                .containsEntry("TRANSACTION_ID", "TX-1").containsEntry("SENDER_URI", "https://pes.example/callbacks")
                .containsEntry("ITEM_COUNT", 2);
    }

    @Test
    void the_same_message_id_from_the_same_sender_is_refused_and_changes_nothing() throws Exception {
        ledger.recordOrRefuseDuplicate(ReceivedMessage.ofEnvelope(envelope("MSG-2"), "create-placement", "corr-1", 1,
                RECEIVED), "nothing new was accepted");

        DciRejection refused = catchThrowableOfType(DciRejection.class, () -> ledger.recordOrRefuseDuplicate(
                ReceivedMessage.ofEnvelope(envelope("MSG-2"), "send-notification", "corr-2", 3, RECEIVED.plusSeconds(5)),
                "nothing was changed"));

        assertThat(refused.getReasonCode()).isEqualTo(DciReasonCode.MESSAGE_ID_DUPLICATE);
        assertThat(refused.getMessage()).isEqualTo("message_id 'MSG-2' from sender 'pes.gov.example' was received"
                + " before; nothing was changed");
        assertThat(jdbc.queryForList("SELECT action, correlation_id FROM esp_inbound_message WHERE message_id = 'MSG-2'"))
                .singleElement().satisfies(row -> assertThat(row.values()).containsExactly("create-placement", "corr-1"));
    }

    @Test
    void another_sender_may_use_the_same_message_id() throws Exception {
        ledger.recordOrRefuseDuplicate(ReceivedMessage.ofEnvelope(envelope("MSG-3"), "send-notification", "corr-1", 1,
                RECEIVED), "nothing new was accepted");
        ledger.recordOrRefuseDuplicate(new ReceivedMessage("sa.gov.example", "MSG-3", "status_verify", "API", "corr-2",
                null, null, 1, RECEIVED), "nothing new was started");

        assertThat(ledger.knowsMessage("pes.gov.example", "MSG-3")).isTrue();
        assertThat(ledger.knowsMessage("sa.gov.example", "MSG-3")).isTrue();
    }

    private static JsonNode envelope(String messageId) throws Exception {
        return new ObjectMapper().readTree("""
                {"header": {"message_id": "%s", "sender_id": "pes.gov.example",
                            "sender_uri": "https://pes.example/callbacks"},
                 "message": {"transaction_id": "TX-1"}}""".formatted(messageId));
    }
}
