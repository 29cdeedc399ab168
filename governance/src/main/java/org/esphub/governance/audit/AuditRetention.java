package org.esphub.governance.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Purges audit records older than their retention, never younger than the legal minimum of seven
 * years, keeping the rest verifiable through the anchor.
 */
public class AuditRetention {

    /** Governance rule: audit kept at least 7 years. PostgreSQL enforces the same floor in its trigger. */
    public static final Period MINIMUM = Period.ofYears(7);

    private final AuditStore store;
    private final Period retention;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException if the configured retention is shorter than {@link #MINIMUM}
     */
    public AuditRetention(AuditStore store, Period retention, Clock clock) {
        Instant now = Instant.parse("2000-01-01T00:00:00Z");
        if (now.atOffset(ZoneOffset.UTC).plus(retention).isBefore(now.atOffset(ZoneOffset.UTC).plus(MINIMUM))) {
            throw new IllegalArgumentException("esp.governance.audit.retention " + retention
                    + " is shorter than the legal minimum " + MINIMUM);
        }
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    public Period retention() {
        return retention;
    }

    /** The instant before which records may go. */
    public Instant cutoff() {
        return clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    }

    /** @return how many records were purged */
    public int purge() {
        return store.purgeBefore(cutoff());
    }
}
