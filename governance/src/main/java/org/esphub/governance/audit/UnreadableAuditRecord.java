package org.esphub.governance.audit;

/** A stored audit record whose columns no longer form a record (e.g. an action edited to nonsense). */
public class UnreadableAuditRecord extends RuntimeException {

    private final long sequence;

    public UnreadableAuditRecord(long sequence, String problem) {
        super("audit record " + sequence + " cannot be read: " + problem);
        this.sequence = sequence;
    }

    public long sequence() {
        return sequence;
    }
}
