package org.esphub.simulators.tax;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;

/**
 * The simulated tax / social-insurance register. Every person of the synthetic population has a
 * deterministic history (same seed, same answers); spells reported later through
 * {@link #report} are added on top, e.g. when a simulated employer hires someone.
 *
 * <p>The demo personas have no insured employment, so the referral story stays as the README
 * tells it; about a third of everyone else is employed.
 */
public class ContributionRegister {

    private static final String[] EMPLOYERS = {"Harbour Logistics Ltd", "Green Valley Foods", "City Care Services",
            "Northline Construction", "Bright Retail Group", "Metro Transit Authority", "Sunrise Textiles"};
    private static final String[] TYPES = {"FULL_TIME", "FULL_TIME", "PART_TIME", "TEMPORARY", "SELF_EMPLOYED"};

    private final SyntheticPopulation population;
    private final long seed;
    private final String currency;
    private final Clock clock;
    private final Map<String, List<InsuredEmployment>> reported = new HashMap<>();

    public ContributionRegister(SyntheticPopulation population, long seed, String currency, Clock clock) {
        this.population = population;
        this.seed = seed;
        this.currency = currency;
        this.clock = clock;
    }

    /** @throws org.esphub.simulators.population.UnknownPersonException for a person outside the population */
    public ContributionRecord recordOf(String personId) {
        return recordOf(personId, 0);
    }

    /**
     * The record as it stood {@code staleDays} before the last processed month ended: spells that began
     * later are not in it yet, as in a register that has fallen behind.
     */
    public ContributionRecord recordOf(String personId, int staleDays) {
        Person person = population.get(personId);
        LocalDate asOf = lastDayOfPreviousMonth().minusDays(staleDays);
        List<InsuredEmployment> employments = new ArrayList<>(historyOf(person, asOf));
        synchronized (reported) {
            employments.addAll(reported.getOrDefault(personId, List.of()));
        }
        if (staleDays > 0) {
            // a register behind by that much has not yet heard of the spells that began since
            employments.removeIf(spell -> spell.startDate().isAfter(asOf));
        }
        boolean employed = employments.stream().anyMatch(e -> e.openOn(asOf));
        return new ContributionRecord(personId, employed ? ContributionRecord.EMPLOYED : ContributionRecord.NOT_EMPLOYED,
                asOf, employments);
    }

    /**
     * Adds a spell, as an employer's first contribution declaration would. A declaration repeated
     * word for word (a retried call) adds nothing.
     */
    public ContributionRecord report(String personId, InsuredEmployment employment) {
        population.get(personId);
        synchronized (reported) {
            List<InsuredEmployment> spells = reported.computeIfAbsent(personId, id -> new ArrayList<>());
            if (!spells.contains(employment)) {
                spells.add(employment);
            }
        }
        return recordOf(personId);
    }

    /**
     * Ends a reported spell, as the employer's last declaration would: the employer's spell that
     * started on {@code startDate}; ending it again changes nothing.
     *
     * @return whether such a spell was reported
     */
    public boolean end(String personId, String employerName, LocalDate startDate, LocalDate endDate) {
        synchronized (reported) {
            List<InsuredEmployment> spells = reported.getOrDefault(personId, List.of());
            for (int i = 0; i < spells.size(); i++) {
                InsuredEmployment spell = spells.get(i);
                if (spell.employerName().equals(employerName) && spell.startDate().equals(startDate)) {
                    spells.set(i, new InsuredEmployment(spell.employerName(), spell.startDate(), endDate,
                            spell.employmentType(), spell.monthlyIncome(), spell.currency()));
                    return true;
                }
            }
            return false;
        }
    }

    public String currency() {
        return currency;
    }

    private List<InsuredEmployment> historyOf(Person person, LocalDate asOf) {
        if (population.isDemoPersona(person.personId())) {
            return List.of();
        }
        Random random = new Random(seed ^ person.personId().hashCode());
        if (random.nextInt(3) != 0) {
            return List.of();
        }
        LocalDate start = asOf.minusDays(60 + random.nextInt(2000));
        int income = 400 + random.nextInt(2600);
        return List.of(new InsuredEmployment(EMPLOYERS[random.nextInt(EMPLOYERS.length)], start, null,
                TYPES[random.nextInt(TYPES.length)], income + ".00", currency));
    }

    private LocalDate lastDayOfPreviousMonth() {
        return LocalDate.now(clock).withDayOfMonth(1).minusDays(1);
    }
}
