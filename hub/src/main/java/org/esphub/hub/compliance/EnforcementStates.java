package org.esphub.hub.compliance;

/**
 * The life of one enforcement action ({@code esp_enforcement_action.state}): the ladder proposes it,
 * an SA caseworker approves (or changes) or rejects it above a warning, an appeal may overturn it, it is
 * applied at SA only when final, and a reduction or suspension ends.
 */
public final class EnforcementStates {

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String APPLIED = "applied";
    public static final String OVERTURNED = "overturned";
    public static final String ENDED = "ended";

    private EnforcementStates() {
    }
}
