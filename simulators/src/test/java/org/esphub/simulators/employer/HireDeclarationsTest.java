package org.esphub.simulators.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.esphub.simulators.tax.InsuredEmployment;
import org.junit.jupiter.api.Test;

class HireDeclarationsTest {

    private static final String PERSONA = "10000000001";
    private static final LocalDate START = LocalDate.parse("2026-05-04");

    private final ContributionRegister tax = new ContributionRegister(
            SyntheticPopulation.generate(20261125L, 10, LocalDate.parse("2026-06-15")), 20261125L, "EUR",
            Clock.fixed(Instant.parse("2026-06-15T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_hire_is_declared_once_with_the_offered_wage_and_its_end_closes_the_spell() {
        HireDeclarations declarations = new HireDeclarations(tax, true, "1200.00");
        Proposal hired = hired(new BigDecimal("38"), new BigDecimal("1450"), "PERMANENT");

        declarations.declareHire(hired, START, null);
        declarations.declareHire(hired, START, null);
        declarations.declareEnd(hired, START, LocalDate.parse("2026-09-30"));

        assertThat(tax.recordOf(PERSONA).employments()).containsExactly(new InsuredEmployment("EMP-4", START,
                LocalDate.parse("2026-09-30"), "FULL_TIME", "1450.00", "EUR"));
    }

    @Test
    void without_a_wage_from_employer_or_report_the_default_is_declared() {
        new HireDeclarations(tax, true, "1200.00").declareHire(hired(null, null, null), START, null);

        assertThat(tax.recordOf(PERSONA).employments()).singleElement()
                .satisfies(spell -> assertThat(spell.monthlyIncome()).isEqualTo("1200.00"));
    }

    @Test
    void switched_off_nothing_is_declared() {
        HireDeclarations declarations = new HireDeclarations(tax, false, "1200.00");

        declarations.declareHire(hired(null, new BigDecimal("1450"), null), START, null);

        assertThat(tax.recordOf(PERSONA).employments()).isEmpty();
    }

    @Test
    void the_employment_type_follows_the_contract_and_the_hours() {
        assertThat(HireDeclarations.employmentType(hired(new BigDecimal("40"), null, "SEASONAL"))).isEqualTo("TEMPORARY");
        assertThat(HireDeclarations.employmentType(hired(new BigDecimal("20"), null, "PERMANENT"))).isEqualTo("PART_TIME");
        assertThat(HireDeclarations.employmentType(hired(null, null, null))).isEqualTo("FULL_TIME");
    }

    private static Proposal hired(BigDecimal hours, BigDecimal wage, String contractType) {
        return new Proposal("PRO-000001", "REF-1", PERSONA, "Ana", "Krasniqi", "EMP-4", "VAC-1", "Operative",
                START.toString(), Proposal.HIRED, null, hours, wage, contractType, null, null, null, null, null);
    }
}
