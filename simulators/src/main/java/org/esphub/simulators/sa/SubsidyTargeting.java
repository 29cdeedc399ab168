package org.esphub.simulators.sa;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;

/**
 * The social registry's answer to a subsidy targeting check: the person's SA status and vulnerability
 * percentile, nothing about the household behind it (Chile's RSH shares the percentile only). A tester
 * sets a person's percentile; otherwise it follows from the person id, the same on every call. All
 * methods are synchronized.
 */
public class SubsidyTargeting {

    private final SyntheticPopulation population;
    private final Map<String, Integer> percentiles = new HashMap<>();

    public SubsidyTargeting(SyntheticPopulation population) {
        this.population = population;
    }

    /** @throws org.esphub.simulators.population.UnknownPersonException (404) for a person SA does not know */
    public synchronized Map<String, Object> answerFor(String personId) {
        Person person = population.get(personId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("person_id", person.personId());
        answer.put("sa_status", person.benefitStatus().name());
        answer.put("vulnerability_percentile", percentiles.getOrDefault(personId, derived(personId)));
        return answer;
    }

    /** @throws InvalidRequestException (400) for a percentile outside 1..100 */
    public synchronized Map<String, Object> set(String personId, Integer percentile) {
        population.get(personId);
        if (percentile == null || percentile < 1 || percentile > 100) {
            throw new InvalidRequestException("request.invalid", "vulnerability_percentile must be 1 to 100.");
        }
        percentiles.put(personId, percentile);
        return answerFor(personId);
    }

    private static int derived(String personId) {
        return Math.floorMod(personId.hashCode(), 100) + 1;
    }
}
