package org.esphub.dci;

/**
 * The companion operations: requests the hub takes in the annex's DCI envelope (signed, bound to
 * their sender, idempotent on message_id) that the annex itself does not define. Each has its own
 * JSON Schema (2020-12) on the classpath, declared here once; {@link DciRequestValidator} checks a
 * request against it.
 */
public enum CompanionOperation implements DciRequestType {
    /** {@code POST /notifications} (API.EMPL.06): an agency tells the hub something about a case. */
    SEND_NOTIFICATION("POST /notifications", "send-notification", "schemas/notification.schema.json",
            "notifications", "the notifications", "nothing was stored"),
    /** {@code PUT /job-placements/{placement_id}} (API.EMPL.04): PES changes a placement it reported. */
    UPDATE_PLACEMENT("PUT /job-placements/{placement_id}", "update-placement",
            "schemas/placement-update.schema.json", "placement_update", "the placement update",
            "nothing was changed"),
    /** {@code POST /sa-access-requests} (PRS.EMPL.09): PES refers clients who may need social assistance to SA. */
    REQUEST_SA_ACCESS("POST /sa-access-requests", "request-sa-access", "schemas/sa-access-request.schema.json",
            "sa_access_request", "the referrals to social assistance", "nothing was started"),
    /** {@code POST /subsidy-applications} (UC4, PRS.EMPL.08): an employer applies for wage subsidies for its hires. */
    APPLY_SUBSIDY("POST /subsidy-applications", "apply-subsidy", "schemas/subsidy-application.schema.json",
            "subsidy_application", "the subsidy applications", "nothing was stored or started"),
    /** {@code POST /youth-referrals} (PRS.EMPL.07): SA refers young people of the households it supports to PES. */
    REFER_YOUTH("POST /youth-referrals", "refer-youth", "schemas/youth-referral.schema.json", "youth_referral",
            "the youth referrals", "nothing was started"),
    /** {@code POST /return-to-work-referrals} (PRS.EMPL.06): SA refers people on sickness, injury or disability benefit back to work. */
    REFER_RETURN_TO_WORK("POST /return-to-work-referrals", "refer-return-to-work",
            "schemas/return-to-work-referral.schema.json", "return_to_work_referral", "the return-to-work referrals",
            "nothing was started");

    private final String request;
    private final String action;
    private final String schema;
    private final String itemsField;
    private final String subject;
    private final String unchanged;

    CompanionOperation(String request, String action, String schema, String itemsField, String subject,
            String unchanged) {
        this.request = request;
        this.action = action;
        this.schema = schema;
        this.itemsField = itemsField;
        this.subject = subject;
        this.unchanged = unchanged;
    }

    @Override
    public String request() {
        return request;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public String itemsField() {
        return itemsField;
    }

    /** The schema's classpath resource, e.g. {@code schemas/notification.schema.json}. */
    public String schema() {
        return schema;
    }

    /** What a request that does not match the schema is refused as, with what it did not change. */
    String mismatch() {
        return "request does not match " + subject + " (classpath:" + schema + "); " + unchanged;
    }
}
