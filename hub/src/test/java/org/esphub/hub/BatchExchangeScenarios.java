package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.batch.EmbeddedSftpServer;
import org.esphub.hub.support.AgencySftp;
import org.esphub.hub.support.BatchFiles;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.ReferralToPes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Batch file exchange over SFTP on the real hub (ADR 0050): SA drops a file of referrals and a
 * status update into its inbox on the hub's SFTP server, as an agency without an online API does.
 * The good record starts its referral through the same intake as the queue, the bad ones are
 * refused with their reasons, the repeated one is already known, and SA finds the reconciliation
 * report in its outbox. The same file dropped again changes nothing. A file whose checksum does
 * not match is refused whole. Everything is asserted where SA sees it: its SFTP directory.
 *
 * <p>Subclasses choose the database.
 */
abstract class BatchExchangeScenarios {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SA_USER = "sa-system";

    @Autowired
    private ProcessEngine engine;
    @Autowired
    private EmbeddedSftpServer sftpServer;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private AgencySftp sa;
    private Referrals.Referral good;

    @BeforeEach
    void saHasAReferralToSend() {
        hub = new HubClient(port);
        sa = new AgencySftp(sftpServer.port(), SA_USER, HubClient.DEMO_PASSWORD);
        // a person of their own per run: a kept PostgreSQL database remembers earlier runs' referrals
        good = Referrals.forPerson(String.valueOf(90_000_000_000L + (long) (Math.random() * 9_999_999_999L)));
    }

    @AfterEach
    void endWhatRuns() {
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(good.referenceId())
                    .list().forEach(instance -> engine.getRuntimeService().deleteProcessInstanceIfExists(
                            instance.getId(), "end of test", true, true, true, false));
            return engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(good.referenceId()).count() == 0;
        });
    }

    @Test
    void good_bad_and_repeated_records_are_reconciled_one_by_one_and_the_same_file_again_changes_nothing() {
        String file = "referrals-" + UUID.randomUUID() + ".jsonl";
        byte[] content = BatchFiles.of(List.of(
                good.json(),
                withoutMessageTs(Referrals.forPerson("10000000004")),
                good.resentAsNewMessage().json(),
                statusUpdateFor("REF-NOWHERE-" + UUID.randomUUID())));

        sa.drop(file, content);

        JsonNode report = awaitReport(file);
        assertThat(report.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(counts(report)).containsExactly(4, 1, 2, 1);
        JsonNode records = report.path("records");
        assertThat(records.get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(records.get(0).path("reference_ids").get(0).asText()).isEqualTo(good.referenceId());
        assertThat(records.get(1).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(records.get(1).path("code").asText()).isEqualTo("err.request.bad");
        assertThat(records.get(1).path("reason").asText()).contains("message_ts");
        assertThat(records.get(2).path("outcome").asText()).isEqualTo("ALREADY_KNOWN");
        assertThat(records.get(3).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(records.get(3).path("code").asText()).isEqualTo("err.request.not_found");
        await().atMost(TIMEOUT).alias("the accepted referral's process starts")
                .until(() -> startedFor(good.referenceId()) == 1);
        await().atMost(TIMEOUT).until(() -> sa.list("processed").stream().anyMatch(name -> name.endsWith(file)));
        assertThat(sa.list("inbox")).doesNotContain(file);
        String firstExchange = report.path("exchange_id").asText();
        sa.remove("outbox/" + file + ".report.json");

        sa.drop(file, content);

        JsonNode again = awaitReport(file);
        assertThat(again.path("status").asText()).isEqualTo("REPEATED");
        assertThat(again.path("repeat_of").asText()).isEqualTo(firstExchange);
        assertThat(counts(again)).containsExactly(4, 0, 2, 2);
        assertThat(again.path("records").get(0).path("outcome").asText()).isEqualTo("ALREADY_KNOWN");
        assertThat(startedFor(good.referenceId())).as("no second process").isEqualTo(1);

        HubClient.Answer listed = hub.get("process-owner", "/api/batch-exchanges?limit=1000");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("exchange_id"))
                .contains(firstExchange, again.path("exchange_id").asText());
        HubClient.Answer one = hub.get("auditor", "/api/batch-exchanges/{id}", firstExchange);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("records")).hasSize(4);
    }

    @Test
    void a_file_whose_checksum_does_not_match_is_refused_whole_and_ends_in_the_error_directory() {
        String file = "referrals-" + UUID.randomUUID() + ".jsonl";

        sa.drop(file, BatchFiles.withWrongChecksum(List.of(good.json())));

        JsonNode report = awaitReport(file);
        assertThat(report.path("status").asText()).isEqualTo("REJECTED");
        assertThat(report.path("reason").asText()).contains("SHA-256");
        assertThat(counts(report)).containsExactly(0, 0, 0, 0);
        await().atMost(TIMEOUT).until(() -> sa.list("error").stream().anyMatch(name -> name.endsWith(file)));
        assertThat(startedFor(good.referenceId())).as("nothing of the file was taken").isZero();
        HubClient.Answer unknown = hub.get("admin", "/api/batch-exchanges/{id}", "no-such-exchange");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.not_found");
    }

    private JsonNode awaitReport(String file) {
        String text = await().atMost(TIMEOUT).alias("the report on " + file + " in SA's outbox")
                .until(() -> sa.read("outbox/" + file + ".report.json"), found -> found.isPresent()).orElseThrow();
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("the report is not JSON: " + text, e);
        }
    }

    private static List<Integer> counts(JsonNode report) {
        return List.of(report.path("received").asInt(), report.path("accepted").asInt(),
                report.path("rejected").asInt(), report.path("already_known").asInt());
    }

    private long startedFor(String referenceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReferralToPes.PROCESS_KEY).processInstanceBusinessKey(referenceId).count();
    }

    private static String withoutMessageTs(Referrals.Referral referral) {
        ObjectNode envelope = referral.envelope().deepCopy();
        ((ObjectNode) envelope.get("header")).remove("message_ts");
        return envelope.toString();
    }

    /** A status update SA sends about a referral the hub does not know. */
    private static String statusUpdateFor(String referenceId) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("header").put("message_id", "MSG-" + UUID.randomUUID())
                .put("message_ts", java.time.Instant.now().toString()).put("action", "notify-event")
                .put("sender_id", "sa.gov.example").put("receiver_id", "esp-hub").put("total_count", 1);
        envelope.putObject("message").put("event_type", BenefitAdjustment.MESSAGE_APPEAL_FILED).put("reference_id", referenceId)
                .put("occurred_at", java.time.Instant.now().toString());
        return envelope.toString();
    }
}
