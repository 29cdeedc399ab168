package org.esphub.dci;

/**
 * The operations of the Employment-SP annex whose requests the hub validates, with where
 * their schemas live in the annex.
 */
public enum DciOperation implements DciRequestType {
    CREATE_REFERRAL("/referrals", "create-referral", "DO_EMPL_01_Request", "referral_request"),
    ENROLL_TRAINING("/training-benefits", "enroll-training", "DO_EMPL_03_Request", "training_request"),
    CREATE_PLACEMENT("/job-placements", "create-placement", "DO_EMPL_04_Request", "placement_request"),
    ASSESS_COMPLIANCE("/compliance/monitor", "assess-compliance", "DO_EMPL_05_Request", "compliance_request");

    private final String path;
    private final String action;
    private final String payloadSchema;
    private final String itemsField;

    DciOperation(String path, String action, String payloadSchema, String itemsField) {
        this.path = path;
        this.action = action;
        this.payloadSchema = payloadSchema;
        this.itemsField = itemsField;
    }

    /** The payload's array of request items, e.g. {@code referral_request}. */
    @Override
    public String itemsField() {
        return itemsField;
    }

    public String path() {
        return path;
    }

    /** The annex names its operations by path alone. */
    @Override
    public String request() {
        return path;
    }

    /** The value {@code header.action} must carry. */
    @Override
    public String action() {
        return action;
    }

    /** JSON pointer (inside the annex) of the whole request body schema: envelope and payload. */
    String envelopePointer() {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1")
                + "/post/requestBody/content/application~1json/schema";
    }

    /** JSON pointer of the plain (unencrypted) payload schema. */
    String payloadPointer() {
        return "/components/schemas/" + payloadSchema;
    }
}
