package org.esphub.hub.records;

/**
 * The values of {@code esp_employment_benefit} as {@code GET /employment-benefits} shows them:
 * the companion's benefit type and status names, plus {@code benefit_adjustment}, the hub's name
 * for an approved change of the benefit SA pays (the companion lists none for it).
 */
public final class BenefitTypes {

    public static final String TRAINING = "training";
    public static final String BENEFIT_ADJUSTMENT = "benefit_adjustment";

    public static final String ENROLLED = "enrolled";
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String WITHDRAWN = "withdrawn";

    private BenefitTypes() {
    }
}
