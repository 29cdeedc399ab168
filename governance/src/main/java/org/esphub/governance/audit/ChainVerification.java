package org.esphub.governance.audit;

/**
 * The result of recomputing the chain.
 *
 * @param recordsChecked how many records were recomputed
 * @param firstBrokenSequence the first record that does not fit, or null when the chain holds
 * @param problem what is wrong with it, or null
 */
public record ChainVerification(boolean intact, long recordsChecked, long anchorSequence, long headSequence,
        Long firstBrokenSequence, String firstBrokenEventId, String problem) {

    static ChainVerification intact(long checked, ChainState chain) {
        return new ChainVerification(true, checked, chain.anchorSequence(), chain.headSequence(), null, null, null);
    }

    static ChainVerification broken(long checked, ChainState chain, long sequence, String eventId, String problem) {
        return new ChainVerification(false, checked, chain.anchorSequence(), chain.headSequence(), sequence, eventId,
                problem);
    }
}
