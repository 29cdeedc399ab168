package org.esphub.simulators.population;

/** State of a person's social-assistance benefit in the SA system. */
public enum BenefitStatus {
    /** Currently paid. */
    ACTIVE,
    /** Paid in the past; {@link Person#benefitEndDate()} says when it stopped. */
    ENDED,
    /** Granted but temporarily not paid (e.g. during a sanction). */
    SUSPENDED,
    /** Known to SA, never received a benefit. */
    NONE
}
