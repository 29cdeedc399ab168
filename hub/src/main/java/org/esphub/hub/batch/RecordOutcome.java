package org.esphub.hub.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What became of one record (line) of a batch file, as the reconciliation report tells it.
 *
 * @param line the record's line number in the file, from 1
 * @param messageId the envelope's header.message_id, when it could be read
 * @param referenceIds the referral(s) the record is about, when it could be read
 * @param outcome accepted, rejected or already known
 * @param code the DCI reason code of a rejection ({@code err.*}, {@code rjct.*})
 * @param reason why it was rejected, or a note on an accepted one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordOutcome(int line, @JsonProperty("message_id") String messageId,
        @JsonProperty("reference_ids") java.util.List<String> referenceIds, Outcome outcome, String code,
        String reason) {

    /** The three answers a sender reconciles against. */
    public enum Outcome {
        /** Taken now: a referral recorded, an event correlated, started or held for its process. */
        ACCEPTED,
        /** Refused, with the same code and reason the queue's dead-letter would carry. */
        REJECTED,
        /** Taken before (same message, or same referral): nothing done again. */
        ALREADY_KNOWN
    }
}
