package org.esphub.governance.audit;

/**
 * The two ends of the chain as the database records them.
 *
 * @param headSequence the last record written (0 before the first)
 * @param anchorSequence the last record purged after its retention (0 while none was); the first
 *     record kept must follow it and carry its hash
 */
public record ChainState(long headSequence, String headHash, long anchorSequence, String anchorHash) {
}
