package org.esphub.hub.security;

/** OAuth2 scopes of the agency API, one per kind of operation. */
public final class Scopes {

    public static final String REFERRAL_CREATE = "referral:create";
    public static final String REFERRAL_READ = "referral:read";
    public static final String EMPLOYMENT_READ = "employment:read";
    public static final String BENEFIT_MANAGE = "benefit:manage";
    public static final String PLACEMENT_CREATE = "placement:create";
    public static final String PLACEMENT_UPDATE = "placement:update";
    public static final String COMPLIANCE_MONITOR = "compliance:monitor";
    /** The companion's scope for reading compliance monitoring (GET /compliance-monitoring). */
    public static final String COMPLIANCE_READ = "compliance:read";
    /** The hub's read scopes of the companion's searches, as referral:read is for GET /referrals. */
    public static final String BENEFIT_READ = "benefit:read";
    public static final String PLACEMENT_READ = "placement:read";
    public static final String NOTIFICATION_SEND = "notification:send";
    /** PES refers its clients to social assistance (POST /sa-access-requests, the hub's own operation). */
    public static final String SA_ACCESS_REQUEST = "sa-access:request";
    /** An employer applies for wage subsidies for its hires (POST /subsidy-applications, the hub's own operation). */
    public static final String SUBSIDY_APPLY = "subsidy:apply";
    /** SA refers young people of the households it supports to PES (POST /youth-referrals, the hub's own operation). */
    public static final String YOUTH_REFER = "youth:refer";
    /** SA refers people on its benefits back to work (POST /return-to-work-referrals, the hub's own operation). */
    public static final String RETURN_TO_WORK_REFER = "return-to-work:refer";
    public static final String WEBHOOK_MANAGE = "webhook:manage";
    /** The hub's own operation (not the annex's): record and withdraw consents under /api/consents. */
    public static final String CONSENT_MANAGE = "consent:manage";
    /**
     * The hub's own: an agency system (SA, PES) acts on a person's behalf for their data-protection rights, e.g.
     * GET /persons/{person_id}/data-tracker (every exchange about them), access requests and restrictions.
     */
    public static final String PERSON_RIGHTS = "person:rights";

    private Scopes() {
    }
}
