package org.esphub.governance.audit;

/**
 * An audit record as stored: its place in the chain and the hashes that link it.
 *
 * @param previousHash the hash of the record before it (or of the anchor, for the first one kept)
 * @param hash SHA-256 over {@code previousHash} and this record's canonical form
 */
public record AuditEntry(long sequence, String eventId, AuditEvent event, String previousHash, String hash) {
}
