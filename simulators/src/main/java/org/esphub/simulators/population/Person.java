package org.esphub.simulators.population;

import java.time.LocalDate;
import java.time.Period;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One person as the simulated SA system records them: the full record, which the hub's
 * agreement layer cuts down to the allowed fields before anything leaves the hub.
 *
 * @param personId             11 digits, {@code 10000000001} upwards
 * @param sex                  DCI {@code SexCategoryEnum} code: {@code male} or {@code female}
 * @param benefitEndDate       set only when {@code benefitStatus} is {@code ENDED}
 * @param programmeId          {@code null} when {@code benefitStatus} is {@code NONE}
 * @param benefitType          {@code null} when {@code benefitStatus} is {@code NONE}
 * @param monthlyBenefitAmount decimal string such as {@code "245.00"}; {@code null} without benefit
 * @param address              city of residence
 * @param educationLevel       ISCED 2011 level, DCI {@code EducationCode} ({@code "0"} .. {@code "8"})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS) // "no end date" is information; keep nulls whatever the host's Jackson settings
public record Person(
        String personId,
        String givenName,
        String familyName,
        String sex,
        LocalDate birthDate,
        boolean workAble,
        BenefitStatus benefitStatus,
        LocalDate benefitEndDate,
        String programmeId,
        String benefitType,
        int householdSize,
        String monthlyBenefitAmount,
        String phone,
        String email,
        String address,
        String educationLevel) {

    /** Completed years of age on the given day. */
    @JsonIgnore
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
