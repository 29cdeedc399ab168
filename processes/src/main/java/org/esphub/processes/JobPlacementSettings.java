package org.esphub.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Durations, checkpoint days and the minimum wage of {@code processes/job-placement.bpmn}, resolved by
 * the engine as the bean {@code jobPlacementSettings}, e.g.
 * {@code ${jobPlacementSettings.daysAfter(startDate, jobPlacementSettings.verificationDays)}}.
 *
 * <p>Plain class without defaults: the hub binds it from {@code esp.lifecycle.job-placement.*} (the
 * zone from {@code esp.calendar.zone}), process tests register it with {@code Mocks}. Policy values
 * belong in configuration, not in Java.
 */
public class JobPlacementSettings {

    private final int employerDecisionWorkingDays;
    private final int verificationDays;
    private final Duration verificationRecheckInterval;
    private final List<Integer> retentionCheckpointDays;
    private final double minimumMonthlyWage;
    private final ZoneId zone;

    /**
     * @param employerDecisionWorkingDays working days the employer has to answer a proposal before it is withdrawn
     * @param verificationDays            days after the start date by which the employer's confirmation and the
     *                                    insured-employment record must both be there, else the placement failed
     * @param verificationRecheckInterval wait between two looks at the tax / social-insurance record while it
     *                                    does not show the job yet
     * @param retentionCheckpointDays     days after the start date at which the record is checked again, ascending
     * @param minimumMonthlyWage          national minimum monthly wage, an input of the DMN placement-suitability
     * @param zone                        zone in which a start date (a calendar day) begins
     */
    public JobPlacementSettings(int employerDecisionWorkingDays, int verificationDays,
            Duration verificationRecheckInterval, List<Integer> retentionCheckpointDays, double minimumMonthlyWage,
            ZoneId zone) {
        if (employerDecisionWorkingDays < 1) {
            throw new IllegalArgumentException("employerDecisionWorkingDays must be at least 1: " + employerDecisionWorkingDays);
        }
        if (verificationDays < 0) {
            throw new IllegalArgumentException("verificationDays must not be negative: " + verificationDays);
        }
        Objects.requireNonNull(verificationRecheckInterval, "verificationRecheckInterval");
        if (verificationRecheckInterval.isNegative() || verificationRecheckInterval.isZero()) {
            throw new IllegalArgumentException("verificationRecheckInterval must be positive: " + verificationRecheckInterval);
        }
        List<Integer> checkpoints = List.copyOf(Objects.requireNonNull(retentionCheckpointDays, "retentionCheckpointDays"));
        for (int i = 0; i < checkpoints.size(); i++) {
            if (checkpoints.get(i) < 1 || (i > 0 && checkpoints.get(i) <= checkpoints.get(i - 1))) {
                throw new IllegalArgumentException("retentionCheckpointDays must be positive and ascending: " + checkpoints);
            }
        }
        if (minimumMonthlyWage < 0) {
            throw new IllegalArgumentException("minimumMonthlyWage must not be negative: " + minimumMonthlyWage);
        }
        this.employerDecisionWorkingDays = employerDecisionWorkingDays;
        this.verificationDays = verificationDays;
        this.verificationRecheckInterval = verificationRecheckInterval;
        this.retentionCheckpointDays = checkpoints;
        this.minimumMonthlyWage = minimumMonthlyWage;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public int getEmployerDecisionWorkingDays() {
        return employerDecisionWorkingDays;
    }

    public int getVerificationDays() {
        return verificationDays;
    }

    /** ISO-8601 duration, as a BPMN timer's timeDuration takes it. */
    public String getVerificationRecheckInterval() {
        return verificationRecheckInterval.toString();
    }

    public List<Integer> getRetentionCheckpointDays() {
        return retentionCheckpointDays;
    }

    public double getMinimumMonthlyWage() {
        return minimumMonthlyWage;
    }

    /** The beginning of the given day (ISO date, e.g. a start date from a form) in the settings' zone. */
    public Date startOf(String isoDate) {
        return daysAfter(isoDate, 0);
    }

    /** The beginning of the day that lies {@code days} calendar days after the given ISO date. */
    public Date daysAfter(String isoDate, Integer days) {
        return Date.from(dayAfter(isoDate, days).atStartOfDay(zone).toInstant());
    }

    /** The ISO date {@code days} calendar days after the given ISO date, for payloads that carry dates. */
    public String isoDateAfter(String isoDate, Integer days) {
        return dayAfter(isoDate, days).toString();
    }

    private static LocalDate dayAfter(String isoDate, Integer days) {
        if (isoDate == null) {
            throw new IllegalArgumentException("a date is required");
        }
        if (days == null || days < 0) {
            throw new IllegalArgumentException("days must be given and not negative: " + days);
        }
        return LocalDate.parse(isoDate).plusDays(days);
    }
}
