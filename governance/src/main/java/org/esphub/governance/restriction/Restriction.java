package org.esphub.governance.restriction;

import java.time.Instant;
import java.util.List;

/**
 * A restriction of processing: while it is open, the gate holds exchanges about the person for these
 * purposes ({@link org.esphub.governance.gate.RefusalReason#RESTRICTED}).
 *
 * @param openedFor the agency (sender_id) that opened it on the person's behalf
 */
public record Restriction(String id, String personId, List<String> purposes, String reason, String openedBy,
        String openedFor, Instant openedAt, Instant liftedAt, String liftedBy) {

    public Restriction {
        purposes = List.copyOf(purposes);
    }

    public boolean open() {
        return liftedAt == null;
    }
}
