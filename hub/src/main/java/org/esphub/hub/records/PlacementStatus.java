package org.esphub.hub.records;

/** The states of {@code esp_job_placement}, as {@code GET /job-placements} shows them. */
public final class PlacementStatus {

    /** Employer confirmation and insurance record found: the placement exists. */
    public static final String VERIFIED = "verified";
    /** A retention checkpoint passed. */
    public static final String RETAINED = "retained";
    /** The employment ended before the last checkpoint. */
    public static final String ENDED = "ended";
    /** A retention check found no insured employment. */
    public static final String FAILED = "failed";

    private PlacementStatus() {
    }
}
