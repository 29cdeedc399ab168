package org.esphub.hub.compliance;

/**
 * What a compliance episode is doing ({@code esp_compliance_episode.state}) and what its last
 * assessment found ({@code compliance_status}, the annex's values: COMPLIANT, NON_COMPLIANT, PENDING).
 */
public final class EpisodeStates {

    /** Evidence is counted and checked; no episode of non-compliance is open. */
    public static final String MONITORING = "MONITORING";
    /** Non-compliance was found: the person is being heard, a sanction decided or appealed. */
    public static final String UNDER_REVIEW = "UNDER_REVIEW";
    /** The obligations ended (referral ended, placement verified, programme exit). */
    public static final String ENDED = "ENDED";

    /** Not assessed yet: the annex's compliance_status before any result. */
    public static final String PENDING = ComplianceRequest.PENDING;

    private EpisodeStates() {
    }
}
