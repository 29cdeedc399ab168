package org.esphub.simulators.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people both simulated agencies know: the five {@link DemoPersonas} followed by seeded
 * random persons. Deterministic: the same seed, size and day give the same persons, and a
 * larger population only appends people (person n does not depend on the size).
 *
 * <p>Immutable once built, so it is shared by the SA and PES simulators without locking.
 */
public final class SyntheticPopulation {

    private final List<Person> persons;
    private final Map<String, Person> byId;

    private SyntheticPopulation(List<Person> persons) {
        this.persons = Collections.unmodifiableList(persons);
        Map<String, Person> index = new LinkedHashMap<>();
        persons.forEach(person -> index.put(person.personId(), person));
        this.byId = Collections.unmodifiableMap(index);
    }

    /**
     * @param seed  seed of the random persons
     * @param size  total number of persons, at least the five demo personas
     * @param today the day ages and benefit end dates are counted from
     */
    public static SyntheticPopulation generate(long seed, int size, LocalDate today) {
        if (size < DemoPersonas.COUNT) {
            throw new IllegalArgumentException(
                    "esp.simulators.population-size must be at least " + DemoPersonas.COUNT + " (the demo personas), was " + size);
        }
        List<Person> persons = new ArrayList<>(size);
        persons.addAll(DemoPersonas.asOf(today));
        RandomPersonFactory factory = new RandomPersonFactory(seed, today);
        for (int ordinal = DemoPersonas.COUNT + 1; ordinal <= size; ordinal++) {
            persons.add(factory.next(PersonIds.ofOrdinal(ordinal)));
        }
        return new SyntheticPopulation(persons);
    }

    /** Everyone, in person-id order. */
    public List<Person> all() {
        return persons;
    }

    public int size() {
        return persons.size();
    }

    public Optional<Person> find(String personId) {
        return Optional.ofNullable(byId.get(personId));
    }

    /** Whether the person is one of the fixed demo personas the README's stories use. */
    public boolean isDemoPersona(String personId) {
        Person person = byId.get(personId);
        return person != null && persons.subList(0, DemoPersonas.COUNT).contains(person);
    }

    /** @throws UnknownPersonException when the id is not in the population */
    public Person get(String personId) {
        return find(personId).orElseThrow(() -> new UnknownPersonException(personId));
    }
}
