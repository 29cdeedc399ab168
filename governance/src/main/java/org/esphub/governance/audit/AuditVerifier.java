package org.esphub.governance.audit;

import java.util.List;

/**
 * Recomputes the chain from the anchor to the head and names the first record that does not
 * fit: an altered record (its hash no longer matches), a removed or inserted one (the next
 * record's link or sequence is off), or records cut from the end (the head no longer matches).
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
