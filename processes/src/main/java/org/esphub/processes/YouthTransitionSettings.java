package org.esphub.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;

/**
 * What policy, not code, decides in {@code processes/youth-transition.bpmn}: whom SA may refer, how long PES
 * has for each contact attempt and after how many failed ones SA is asked to help, and when the outcomes
 * are reported. The model reads them by bean name, e.g. {@code ${youthTransitionSettings.inAgeBand(birthDate, now())}}.
 *
 * <p>Plain record without defaults: the hub binds it from {@code esp.lifecycle.youth-transition.*}
 * (defaults documented there); process tests construct it.
 *
 * @param minimumAge           the youngest a referred person may be on the day of the referral (years)
 * @param maximumAge           the oldest (years, inclusive: 24 admits a person until their 25th birthday)
 * @param contactAttemptPeriod how long PES has for one contact attempt before it counts as failed
 * @param maxContactAttempts   failed attempts after which SA, who knows the family, is asked to help
 * @param firstOutcomeAfter    from the chosen pathway to the first outcome reported to SA (e.g. six months)
 * @param secondOutcomeAfter   from the chosen pathway to the second, last outcome (e.g. twelve months)
 */
public record YouthTransitionSettings(int minimumAge, int maximumAge, Duration contactAttemptPeriod,
        int maxContactAttempts, Period firstOutcomeAfter, Period secondOutcomeAfter) {

    public YouthTransitionSettings {
        if (minimumAge < 0 || maximumAge < minimumAge) {
            throw new IllegalArgumentException("the age band must be 0 <= minimumAge <= maximumAge: "
                    + minimumAge + ".." + maximumAge);
        }
        Objects.requireNonNull(contactAttemptPeriod, "contactAttemptPeriod");
        if (contactAttemptPeriod.isNegative() || contactAttemptPeriod.isZero()) {
            throw new IllegalArgumentException("contactAttemptPeriod must be longer than zero");
        }
        if (maxContactAttempts < 1) {
            throw new IllegalArgumentException("maxContactAttempts must be at least 1");
        }
        requirePositive(firstOutcomeAfter, "firstOutcomeAfter");
        requirePositive(secondOutcomeAfter, "secondOutcomeAfter");
        if (!LocalDate.EPOCH.plus(secondOutcomeAfter).isAfter(LocalDate.EPOCH.plus(firstOutcomeAfter))) {
            throw new IllegalArgumentException("secondOutcomeAfter must come after firstOutcomeAfter");
        }
    }

    /** Whether a person born on {@code birthDate} (ISO date) is within the band on the day {@code at}. */
    public boolean inAgeBand(String birthDate, Date at) {
        int age = Period.between(LocalDate.parse(birthDate), day(at)).getYears();
        return age >= minimumAge && age <= maximumAge;
    }

    /** When the contact attempt that starts at {@code at} counts as failed. */
    public Date contactAttemptDueAt(Date at) {
        return Date.from(at.toInstant().plus(contactAttemptPeriod));
    }

    /** When the first outcome is due for a pathway chosen at {@code pathwayChosenAt}. */
    public Date firstOutcomeDueAt(Date pathwayChosenAt) {
        return Date.from(pathwayChosenAt.toInstant().atZone(ZoneOffset.UTC).plus(firstOutcomeAfter).toInstant());
    }

    /** When the second outcome is due for a pathway chosen at {@code pathwayChosenAt}. */
    public Date secondOutcomeDueAt(Date pathwayChosenAt) {
        return Date.from(pathwayChosenAt.toInstant().atZone(ZoneOffset.UTC).plus(secondOutcomeAfter).toInstant());
    }

    private static LocalDate day(Date at) {
        return at.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static void requirePositive(Period period, String name) {
        Objects.requireNonNull(period, name);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero: " + period);
        }
    }
}
