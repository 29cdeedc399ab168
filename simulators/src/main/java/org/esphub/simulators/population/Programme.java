package org.esphub.simulators.population;

import java.math.BigDecimal;

/**
 * Social-protection programmes of the simulated SA system. Ids and benefit types follow the
 * examples of the Employment-SP annex ({@code SP-UNEMP-001}, {@code UNEMPLOYMENT_BENEFIT}).
 * Amounts are monthly: a base plus a supplement for each further household member.
 */
public enum Programme {
    UNEMPLOYMENT("SP-UNEMP-001", "UNEMPLOYMENT_BENEFIT", "210.00", "15.00"),
    CONDITIONAL_CASH_TRANSFER("SP-CCT-002", "CONDITIONAL_CASH_TRANSFER", "80.00", "10.00"),
    SOCIAL_ASSISTANCE("SP-SOCASS-003", "SOCIAL_ASSISTANCE", "150.00", "30.00"),
    DISABILITY("SP-DIS-004", "DISABILITY_ALLOWANCE", "190.00", "0.00");

    private final String id;
    private final String benefitType;
    private final BigDecimal baseAmount;
    private final BigDecimal perExtraMember;

    Programme(String id, String benefitType, String baseAmount, String perExtraMember) {
        this.id = id;
        this.benefitType = benefitType;
        this.baseAmount = new BigDecimal(baseAmount);
        this.perExtraMember = new BigDecimal(perExtraMember);
    }

    public String id() {
        return id;
    }

    public String benefitType() {
        return benefitType;
    }

    /** Monthly amount for a household, before any individual adjustment. */
    public BigDecimal amountFor(int householdSize) {
        return baseAmount.add(perExtraMember.multiply(BigDecimal.valueOf(householdSize - 1L)));
    }
}
