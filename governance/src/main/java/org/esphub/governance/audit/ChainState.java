package org.esphub.governance.audit;

/**
 * The two ends of the chain as the database records them.
 *
 * @param headSequence the last record written (0 before the first)
 * @param anchorSequence the last record purged after its retention (0 while none was); the first
 *     record kept must follow it and carry its hash
 * @param headMac HMAC of both ends under the hub's {@link ChainKey}; null before the head was first keyed
 */
public record ChainState(long headSequence, String headHash, long anchorSequence, String anchorHash, String headMac) {

    /** The chain before its first record, as the migration creates it: nothing to protect yet. */
    boolean unwrittenAndUnkeyed() {
        return headSequence == 0 && anchorSequence == 0 && headMac == null;
    }
}
