package org.esphub.governance.audit;

import java.util.List;

/**
 * Recomputes the chain from the anchor to the head and names the first record that does not
 * fit: an altered record (its hash no longer matches), a removed or inserted one (the next
 * record's link or sequence is off), records cut from the end (the head no longer matches), or a
 * chain rewritten consistently in the database (the head's key MAC no longer matches, see
 * {@link ChainKey}).
 */
public class AuditVerifier {

    private static final int PAGE = 1000;

    private final AuditStore store;

    public AuditVerifier(AuditStore store) {
        this.store = store;
    }

    public ChainVerification verify() {
        // records appended while this runs are beyond the head read here and not checked now
        ChainState chain = store.chainState();
        long expectedSequence = chain.anchorSequence() + 1;
        String expectedPrevious = chain.anchorHash();
        long checked = 0;
        while (expectedSequence <= chain.headSequence()) {
            List<AuditEntry> page;
            try {
                page = store.page(expectedSequence - 1, chain.headSequence(), PAGE);
            } catch (UnreadableAuditRecord unreadable) {
                return ChainVerification.broken(checked, chain, unreadable.sequence(), null, unreadable.getMessage());
            }
            if (page.isEmpty()) {
                return ChainVerification.broken(checked, chain, expectedSequence, null, "records " + expectedSequence
                        + " to " + chain.headSequence() + " are missing: the chain head says "
                        + chain.headSequence() + " records were written");
            }
            for (AuditEntry entry : page) {
                String problem = problemWith(entry, expectedSequence, expectedPrevious);
                if (problem != null) {
                    return ChainVerification.broken(checked, chain, entry.sequence(), entry.eventId(), problem);
                }
                checked++;
                expectedSequence++;
                expectedPrevious = entry.hash();
            }
        }
        if (!expectedPrevious.equals(chain.headHash())) {
            return ChainVerification.broken(checked, chain, chain.headSequence(), null,
                    "the last record's hash does not match the chain head");
        }
        if (!store.headKeyed(chain) && !chain.unwrittenAndUnkeyed()) {
            // the records agree with each other and with the head, but the head was not written by a
            // hub holding the key: the chain was rewritten (or cut) consistently in the database
            return ChainVerification.broken(checked, chain, chain.headSequence(), null, chain.headMac() == null
                    ? "the chain head carries no key MAC: it was not written by the hub"
                    : "the chain head's key MAC does not match: the chain was rewritten or cut outside the hub"
                            + " (or the hub runs with another esp.governance.audit.chain-key)");
        }
        return ChainVerification.intact(checked, chain);
    }

    private static String problemWith(AuditEntry entry, long expectedSequence, String expectedPrevious) {
        if (entry.sequence() != expectedSequence) {
            return "record " + expectedSequence + (entry.sequence() > expectedSequence + 1
                    ? " to " + (entry.sequence() - 1) + " are" : " is") + " missing before record " + entry.sequence();
        }
        if (!entry.previousHash().equals(expectedPrevious)) {
            return "its link to the record before it is broken (previous_hash does not match that record's hash)";
        }
        String recomputed = AuditChain.hash(entry.previousHash(), entry.sequence(), entry.eventId(), entry.event());
        if (!recomputed.equals(entry.hash())) {
            return "its content was altered after it was written (the recomputed hash does not match)";
        }
        return null;
    }
}
