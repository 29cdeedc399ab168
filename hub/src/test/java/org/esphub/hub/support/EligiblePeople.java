package org.esphub.hub.support;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.esphub.simulators.population.BenefitStatus;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands out persons of the simulated population whom the referral rule finds eligible (work-able,
 * 18 to 64, benefit active), who have no insured employment on the tax register (a job the hub finds
 * there is the one the scenario placed them in, not one they already had) and no active referral,
 * one per call. A person can have only
 * one active referral, so a test that starts one needs a person of its own. Each person is handed out
 * once per JVM: test classes that share a running hub must not meet a person another class left with
 * a history (a placement, a status the simulators keep, an ended referral).
 */
public final class EligiblePeople {

    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Iterator<Person> candidates;
    private final JdbcTemplate jdbc;

    public EligiblePeople(SyntheticPopulation population, ContributionRegister register, JdbcTemplate jdbc) {
        LocalDate today = LocalDate.now();
        // lazily: a scenario takes a person or two, the population has thousands
        this.candidates = population.all().stream()
                .filter(person -> !population.isDemoPersona(person.personId()))
                .filter(person -> person.workAble() && person.benefitStatus() == BenefitStatus.ACTIVE)
                .filter(person -> person.ageOn(today) >= 19 && person.ageOn(today) <= 63)
                .filter(person -> register.recordOf(person.personId()).employments().isEmpty())
                .iterator();
        this.jdbc = jdbc;
    }

    /** The next eligible person id without an active referral. */
    public synchronized String next() {
        while (candidates.hasNext()) {
            String personId = candidates.next().personId();
            if (!HANDED_OUT.add(personId)) {
                continue;
            }
            Integer active = jdbc.queryForObject("SELECT COUNT(*) FROM esp_active_referral WHERE person_id = ?",
                    Integer.class, personId);
            if (active == null || active == 0) {
                return personId;
            }
        }
        throw new IllegalStateException("the population has no eligible person without an active referral left");
    }
}
