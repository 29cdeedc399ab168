package org.esphub.simulators.pes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.util.StringUtils;

/**
 * Checks a registration against the population register, as a real PES checks identity before
 * opening a case: the person must exist, and birth date and family name must match.
 */
public class RegistrationValidator {

    private final SyntheticPopulation population;

    public RegistrationValidator(SyntheticPopulation population) {
        this.population = population;
    }

    /**
     * @return the registered person's population record
     * @throws InvalidRegistrationException (422) for missing or mismatching fields
     * @throws org.esphub.simulators.population.UnknownPersonException (404) for an unknown person
     */
    public Person validate(RegistrationRequest request) {
        requireText(request.personId(), "person_id");
        requireText(request.referenceId(), "reference_id");
        Person person = population.get(request.personId());
        if (!person.birthDate().equals(parseBirthDate(request.birthDate()))) {
            throw new InvalidRegistrationException("birth_date does not match the population register for this person.");
        }
        if (request.familyName() == null || !person.familyName().equalsIgnoreCase(request.familyName().strip())) {
            throw new InvalidRegistrationException("family_name does not match the population register for this person.");
        }
        return person;
    }

    private static void requireText(String value, String field) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidRegistrationException(field + " is required.");
        }
    }

    private static LocalDate parseBirthDate(String birthDate) {
        if (!StringUtils.hasText(birthDate)) {
            throw new InvalidRegistrationException("birth_date is required.");
        }
        try {
            return LocalDate.parse(birthDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRegistrationException("birth_date must be an ISO date (yyyy-MM-dd).");
        }
    }
}
