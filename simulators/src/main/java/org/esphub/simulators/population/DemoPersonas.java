package org.esphub.simulators.population;

import java.time.LocalDate;
import java.util.List;

/**
 * The first five persons of every population: fixed demo personas, one per branch of the hub's
 * referral eligibility rule (work-able, aged 18-64, benefit ACTIVE or ENDED at most 30 days ago).
 * The rule itself lives in the hub; these people only exercise it.
 *
 * <p>Dates are relative to the day the population is generated, so the ages and "days ago" hold
 * whenever the demo runs. Birthdays lie 120 days in the past, far from any age boundary.
 *
 * <table>
 *   <caption>Demo personas</caption>
 *   <tr><th>person_id</th><th>name</th><th>sex</th><th>age</th><th>work_able</th>
 *       <th>benefit_status</th><th>benefit_end_date</th><th>programme</th><th>expected hub outcome</th></tr>
 *   <tr><td>10000000001</td><td>Ana Krasniqi</td><td>female</td><td>34</td><td>true</td>
 *       <td>ACTIVE</td><td>-</td><td>SP-UNEMP-001</td><td>eligible</td></tr>
 *   <tr><td>10000000002</td><td>Driton Berisha</td><td>male</td><td>52</td><td>false</td>
 *       <td>ACTIVE</td><td>-</td><td>SP-SOCASS-003</td><td>not eligible: not work-able</td></tr>
 *   <tr><td>10000000003</td><td>Leila Haddad</td><td>female</td><td>17</td><td>true</td>
 *       <td>ACTIVE</td><td>-</td><td>SP-CCT-002</td><td>not eligible: under 18</td></tr>
 *   <tr><td>10000000004</td><td>Mateo Rojas</td><td>male</td><td>41</td><td>true</td>
 *       <td>ENDED</td><td>10 days ago</td><td>SP-UNEMP-001</td><td>eligible: ended within 30 days</td></tr>
 *   <tr><td>10000000005</td><td>Sofia Novak</td><td>female</td><td>29</td><td>true</td>
 *       <td>ENDED</td><td>90 days ago</td><td>SP-UNEMP-001</td><td>not eligible: ended over 30 days ago</td></tr>
 * </table>
 */
final class DemoPersonas {

    static final int COUNT = 5;

    private static final int DAYS_SINCE_BIRTHDAY = 120;

    private DemoPersonas() {
    }

    static List<Person> asOf(LocalDate today) {
        return List.of(
                persona(today, 1, "Ana", "Krasniqi", "female", 34, true, BenefitStatus.ACTIVE, null,
                        Programme.UNEMPLOYMENT, 3, "Riverton", "3"),
                persona(today, 2, "Driton", "Berisha", "male", 52, false, BenefitStatus.ACTIVE, null,
                        Programme.SOCIAL_ASSISTANCE, 2, "Eastbrook", "2"),
                persona(today, 3, "Leila", "Haddad", "female", 17, true, BenefitStatus.ACTIVE, null,
                        Programme.CONDITIONAL_CASH_TRANSFER, 5, "Northgate", "2"),
                persona(today, 4, "Mateo", "Rojas", "male", 41, true, BenefitStatus.ENDED, today.minusDays(10),
                        Programme.UNEMPLOYMENT, 4, "Lakeside", "4"),
                persona(today, 5, "Sofia", "Novak", "female", 29, true, BenefitStatus.ENDED, today.minusDays(90),
                        Programme.UNEMPLOYMENT, 1, "Hillcrest", "6"));
    }

    private static Person persona(LocalDate today, int ordinal, String givenName, String familyName, String sex,
                                  int age, boolean workAble, BenefitStatus status, LocalDate endDate,
                                  Programme programme, int householdSize, String city, String educationLevel) {
        String personId = PersonIds.ofOrdinal(ordinal);
        return new Person(
                personId,
                givenName,
                familyName,
                sex,
                today.minusYears(age).minusDays(DAYS_SINCE_BIRTHDAY),
                workAble,
                status,
                endDate,
                programme.id(),
                programme.benefitType(),
                householdSize,
                programme.amountFor(householdSize).setScale(2).toPlainString(),
                ContactDetails.phone(personId),
                ContactDetails.email(givenName, familyName, personId),
                city,
                educationLevel);
    }
}
