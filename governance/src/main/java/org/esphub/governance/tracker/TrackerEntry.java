package org.esphub.governance.tracker;

import java.time.Instant;
import java.util.List;

/**
 * One exchange the hub made about a person, as the person is told it: never the values that moved,
 * only their categories.
 *
 * @param sequence the audit record it comes from (an auditor finds it by this number)
 * @param exchange the exchange's name in the agreement ({@code pes-register-jobseeker}, {@code api.get-...})
 * @param description what the exchange is, in the agreement's words
 * @param from the parties on whose behalf the hub passed the data (the agreement's parties but the receiver and
 *     the hub), or the hub itself when there are none
 * @param to the party that received the data
 * @param purposeDescription the purpose in the agreement's words
 * @param agreement the agreement as {@code id@version}
 * @param consentId the consent the exchange relied on, null when the law allows it without consent
 * @param dataCategories the categories of the fields the agreement lets this exchange carry
 * @param explanation for a notice of an automated decision, what it told the person (rule, inputs by name,
 *     approver, appeal route); null for any other exchange
 */
public record TrackerEntry(
        long sequence,
        Instant occurredAt,
        String exchange,
        String description,
        List<PartyName> from,
        PartyName to,
        String purpose,
        String purposeDescription,
        String legalBasis,
        String agreement,
        String consentId,
        List<String> dataCategories,
        String explanation) {

    public TrackerEntry {
        from = List.copyOf(from);
        dataCategories = List.copyOf(dataCategories);
    }

    /** A party by its identifier and the name the agreement gives it. */
    public record PartyName(String id, String name) {
    }
}
