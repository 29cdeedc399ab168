package org.esphub.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/** Whether a person is old enough to consent on their own. */
public record Majority(int ageOfMajority) {

    public boolean isMinorOn(LocalDate birthDate, Instant at) {
        return birthDate != null
                && Period.between(birthDate, at.atZone(ZoneOffset.UTC).toLocalDate()).getYears() < ageOfMajority;
    }
}
