package org.esphub.hub.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciRejection;
import org.esphub.hub.batch.RecordOutcome.Outcome;
import org.esphub.hub.intake.AgencyEventIntake;
import org.esphub.hub.intake.IntakeReceipt;
import org.esphub.hub.intake.ReferralIntake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Feeds one record of a batch file into the hub's one intake, exactly as if its agency had put
 * it on the queue: a create-referral envelope to {@link ReferralIntake#acceptFromQueue}, an
 * agency event (a status update) to {@link AgencyEventIntake#accept}. Every check, the
 * deduplication by sender_id + message_id and by reference_id, the consent records and their
 * audit are theirs; each record commits or rolls back on its own (their transactions), so one
 * bad record refuses only itself.
 */
@Component
class BatchRecordIntake {

    private final ReferralIntake referrals;
    private final AgencyEventIntake events;
    private final ObjectMapper mapper;
    private final int correlationAttempts;

    BatchRecordIntake(ReferralIntake referrals, AgencyEventIntake events, ObjectMapper mapper,
            @Value("${esp.messaging.correlation-attempts}") int correlationAttempts) {
        this.referrals = referrals;
        this.events = events;
        this.mapper = mapper;
        this.correlationAttempts = correlationAttempts;
    }

    /**
     * @param agencyUser the SFTP user whose directory held the file: the identity the record is
     *        taken as, as the broker user is for a queue message ({@code esp.agencies.sender-ids})
     * @throws RuntimeException a technical fault (not a refusal): the caller takes the whole file again later
     */
    RecordOutcome take(int line, String record, String agencyUser) {
        JsonNode envelope = parse(record);
        String messageId = envelope == null ? null : envelope.path("header").path("message_id").asText(null);
        List<String> referenceIds = referenceIds(envelope);
        try {
            if (isReferral(envelope)) {
                IntakeReceipt receipt = referrals.acceptFromQueue(record, null, agencyUser);
                return fromReceipt(line, messageId, referenceIds, receipt);
            }
            // a queue delivers an event again until a process waits for it; a file is read once, so
            // this is its last attempt: held if its process is on its way to wait for it, else refused
            AgencyEventIntake.Outcome taken = events.accept(agencyUser, record, correlationAttempts, agencyUser);
            return switch (taken) {
                case TAKEN -> new RecordOutcome(line, messageId, referenceIds, Outcome.ACCEPTED, null, null);
                case HELD -> new RecordOutcome(line, messageId, referenceIds, Outcome.ACCEPTED, null,
                        "held until its process waits for it");
                case TAKEN_BEFORE -> new RecordOutcome(line, messageId, referenceIds, Outcome.ALREADY_KNOWN, null, null);
            };
        } catch (DciRejection refused) {
            return new RecordOutcome(line, messageId, referenceIds, Outcome.REJECTED,
                    refused.getReasonCode().code(), refused.describe());
        }
    }

    private static boolean isReferral(JsonNode envelope) {
        return envelope != null && (DciOperation.CREATE_REFERRAL.action().equals(envelope.path("header").path("action").asText())
                || envelope.path("message").has("referral_request"));
    }

    private static RecordOutcome fromReceipt(int line, String messageId, List<String> referenceIds,
            IntakeReceipt receipt) {
        if (receipt.duplicateMessage() || receipt.items().stream()
                .allMatch(item -> item.status() == IntakeReceipt.Status.DUPLICATE_REFERENCE)) {
            return new RecordOutcome(line, messageId, referenceIds, Outcome.ALREADY_KNOWN, null, null);
        }
        List<String> refused = receipt.items().stream().filter(item -> item.status() == IntakeReceipt.Status.REJECTED)
                .map(item -> item.referenceId() + ": " + item.rejectionCode()).toList();
        if (refused.size() == receipt.items().size()) {
            return new RecordOutcome(line, messageId, referenceIds, Outcome.REJECTED,
                    receipt.items().get(0).rejectionCode(), "refused at intake: " + String.join("; ", refused));
        }
        return new RecordOutcome(line, messageId, referenceIds, Outcome.ACCEPTED, null,
                refused.isEmpty() ? null : "items refused at intake: " + String.join("; ", refused));
    }

    private JsonNode parse(String record) {
        try {
            JsonNode tree = mapper.readTree(record);
            return tree != null && tree.isObject() ? tree : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> referenceIds(JsonNode envelope) {
        if (envelope == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        envelope.path("message").path("referral_request")
                .forEach(item -> ids.add(item.path("reference_id").asText(null)));
        if (envelope.path("message").path("reference_id").isTextual()) {
            ids.add(envelope.path("message").path("reference_id").asText());
        }
        ids.removeIf(id -> id == null);
        return ids.isEmpty() ? null : ids;
    }
}
