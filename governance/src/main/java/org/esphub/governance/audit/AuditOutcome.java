package org.esphub.governance.audit;

/** What became of the exchange or operation an audit record describes. */
public enum AuditOutcome {
    /** The gate let the (filtered) data go to the receiver. */
    RELEASED,
    /** The gate refused: nothing was sent. */
    REFUSED,
    /** A change of the hub's own governance data (a consent recorded or withdrawn, records purged). */
    COMPLETED
}
