package org.esphub.hub.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.esphub.hub.batch.RecordOutcome.Outcome;

/**
 * One batch file taken from an agency, and its reconciliation report: this record, as JSON, is
 * what the agency finds in its outbox and what {@code GET /api/batch-exchanges/{id}} shows.
 *
 * @param reason why the whole file was refused or could not be read; null when its records were taken
 * @param repeatOf for a file delivered again: the exchange that took it first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchExchange(
        @JsonProperty("exchange_id") String exchangeId,
        @JsonProperty("agency_user") String agencyUser,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("file_sha256") String fileSha256,
        @JsonProperty("received_at") Instant receivedAt,
        Status status,
        String reason,
        @JsonProperty("repeat_of") String repeatOf,
        int received,
        int accepted,
        int rejected,
        @JsonProperty("already_known") int alreadyKnown,
        List<RecordOutcome> records) {

    /** What became of the file as a whole. */
    public enum Status {
        /** Its records were taken one by one; each has its own outcome. */
        PROCESSED,
        /** The trailer does not match (checksum, count) or the file is too large: no record was taken. */
        REJECTED,
        /** Not a batch file at all (not UTF-8, no trailer): no record was taken. */
        UNREADABLE,
        /** The same file (agency, name, SHA-256) taken before: nothing was taken again. */
        REPEATED
    }

    static BatchExchange processed(String exchangeId, String agencyUser, String fileName, String sha256,
            Instant receivedAt, Status status, String repeatOf, List<RecordOutcome> records) {
        return new BatchExchange(exchangeId, agencyUser, fileName, sha256, receivedAt, status, null, repeatOf,
                records.size(), count(records, Outcome.ACCEPTED), count(records, Outcome.REJECTED),
                count(records, Outcome.ALREADY_KNOWN), records);
    }

    static BatchExchange refused(String exchangeId, String agencyUser, String fileName, String sha256,
            Instant receivedAt, Status status, String reason) {
        return new BatchExchange(exchangeId, agencyUser, fileName, sha256, receivedAt, status, reason, null, 0, 0, 0,
                0, List.of());
    }

    private static int count(List<RecordOutcome> records, Outcome outcome) {
        return (int) records.stream().filter(record -> record.outcome() == outcome).count();
    }
}
