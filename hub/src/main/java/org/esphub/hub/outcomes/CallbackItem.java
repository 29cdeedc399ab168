package org.esphub.hub.outcomes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API item's outcome at intake as the DCI callback of its message tells it: taken ({@code succ},
 * with what it became), refused ({@code rjct}, with the operation's reason code) or known before (a
 * resend, which is not told again). The operations queue their items' outcomes so through
 * {@link DciCallbacks#queueOutcomes}, so each callback item has the same shape whatever the operation.
 *
 * @param reason for people reading it; null where the operation's agreement does not let the reason
 *        out to the sender (the code alone is told then)
 * @param taken what a taken item became, under the callback's own field for it (e.g. {@code outcome}:
 *        {@code VERIFICATION_STARTED}); not told of a refused item
 */
public record CallbackItem(String referenceId, String personId, String status, String reasonCode, String reason,
        Map<String, Object> taken) {

    public static final String ACCEPTED = "succ";
    public static final String REJECTED = "rjct";
    /** A resent item: its case is known, it changed nothing and its sender was told before. */
    public static final String KNOWN = "known";
    /** The field most operations tell a taken item's result in. */
    public static final String OUTCOME = "outcome";

    public static CallbackItem accepted(String referenceId, String personId, String outcome) {
        return new CallbackItem(referenceId, personId, ACCEPTED, null, null, Map.of(OUTCOME, outcome));
    }

    public static CallbackItem rejected(String referenceId, String personId, String reasonCode, String reason) {
        return new CallbackItem(referenceId, personId, REJECTED, reasonCode, reason, Map.of());
    }

    public static CallbackItem known(String referenceId, String personId) {
        return new CallbackItem(referenceId, personId, KNOWN, null, null, Map.of());
    }

    /** The callback's item, snake_case as the standard's responses are. */
    Map<String, Object> json() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", referenceId);
        item.put("person_id", personId);
        item.put("status", status);
        if (reasonCode == null) {
            item.putAll(taken);
        } else {
            item.put("status_reason_code", reasonCode);
            if (reason != null) {
                item.put("status_reason_message", reason);
            }
        }
        return item;
    }
}
