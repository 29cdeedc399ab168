package org.esphub.simulators.employer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

import org.esphub.simulators.tax.ContributionRegister;
import org.esphub.simulators.tax.InsuredEmployment;

/**
 * What a hiring employer tells the tax / social-insurance authority: the new spell of insured
 * employment when the person starts, its end when they leave. The hub's placement verification
 * and retention checks read exactly this record. The employer declares under its employer id.
 */
public class HireDeclarations {

    private static final Set<String> TEMPORARY_CONTRACTS = Set.of("FIXED_TERM", "SEASONAL", "CASUAL");
    private static final BigDecimal PART_TIME_BELOW_HOURS = new BigDecimal("30");

    private final ContributionRegister register;
    private final boolean enabled;
    private final BigDecimal defaultMonthlyWage;

    /**
     * @param enabled            false: employers declare nothing, the authority never confirms a placement
     * @param defaultMonthlyWage declared when neither the decision nor the report named a wage
     */
    public HireDeclarations(ContributionRegister register, boolean enabled, String defaultMonthlyWage) {
        this.register = register;
        this.enabled = enabled;
        this.defaultMonthlyWage = new BigDecimal(defaultMonthlyWage);
    }

    /** Declares the hire, once: declaring the same spell again changes nothing. */
    public void declareHire(Proposal hired, LocalDate startDate, BigDecimal monthlyWage) {
        if (!enabled) {
            return;
        }
        BigDecimal wage = monthlyWage != null ? monthlyWage
                : hired.monthlyWage() != null ? hired.monthlyWage() : defaultMonthlyWage;
        register.report(hired.personId(), new InsuredEmployment(hired.employerId(), startDate, null,
                employmentType(hired), wage.setScale(2, RoundingMode.HALF_UP).toPlainString(), register.currency()));
    }

    /** Declares the end of the spell that started on {@code startDate}. */
    public void declareEnd(Proposal hired, LocalDate startDate, LocalDate endDate) {
        if (enabled) {
            register.end(hired.personId(), hired.employerId(), startDate, endDate);
        }
    }

    /** The DCI employment type the authority records, from the terms the employer offered. */
    static String employmentType(Proposal hired) {
        if (hired.contractType() != null && TEMPORARY_CONTRACTS.contains(hired.contractType())) {
            return "TEMPORARY";
        }
        if (hired.hoursPerWeek() != null && hired.hoursPerWeek().compareTo(PART_TIME_BELOW_HOURS) < 0) {
            return "PART_TIME";
        }
        return "FULL_TIME";
    }
}
