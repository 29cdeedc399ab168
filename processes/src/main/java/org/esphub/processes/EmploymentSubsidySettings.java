package org.esphub.processes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Periods and amounts of {@code processes/employment-subsidy.bpmn} that policy, not code, decides, and the
 * arithmetic of payments and clawbacks, so that the model holds no formula. The model reads them by bean
 * name, e.g. {@code ${employmentSubsidySettings.monthlyPayment(reportedWage, subsidyRatePercent, monthlyCap)}}.
 * Who is eligible, at which rate and up to which cap is the DMN {@code subsidy-eligibility}'s business.
 *
 * <p>Plain record without defaults: the hub binds it from {@code esp.lifecycle.employment-subsidy.*}
 * (defaults documented there); process tests construct it.
 *
 * @param registrationPeriod   how long the employer has, from the approval notice, to register the worker
 *                             for social insurance before payments can start
 * @param reportingPeriod      one subsidy month: the time between two compliance reports and payments
 * @param appealWindow         how long a refusal or a clawback may be appealed; a clawback is recovered
 *                             only after it
 * @param retentionCheckMonths after how many paid months the tax record is checked for the worker still
 *                             employed (ascending); the last one ends the subsidy with the retention bonus
 * @param retentionBonus       paid to an employer who kept the worker until the last retention check
 */
public record EmploymentSubsidySettings(Duration registrationPeriod, Duration reportingPeriod, Duration appealWindow,
        List<Integer> retentionCheckMonths, long retentionBonus) {

    public EmploymentSubsidySettings {
        requirePositive(registrationPeriod, "registrationPeriod");
        requirePositive(reportingPeriod, "reportingPeriod");
        requirePositive(appealWindow, "appealWindow");
        Objects.requireNonNull(retentionCheckMonths, "retentionCheckMonths");
        if (retentionCheckMonths.isEmpty()) {
            throw new IllegalArgumentException("retentionCheckMonths must name at least one month");
        }
        for (int i = 0; i < retentionCheckMonths.size(); i++) {
            int month = retentionCheckMonths.get(i);
            if (month < 1 || (i > 0 && month <= retentionCheckMonths.get(i - 1))) {
                throw new IllegalArgumentException("retentionCheckMonths must be ascending and positive: "
                        + retentionCheckMonths);
            }
        }
        retentionCheckMonths = List.copyOf(retentionCheckMonths);
        if (retentionBonus < 0) {
            throw new IllegalArgumentException("retentionBonus must not be negative");
        }
    }

    /** The last moment for the worker's social-insurance registration, the approval being notified at {@code at}. */
    public Date registrationDueAt(Date at) {
        return plus(at, registrationPeriod);
    }

    /** When the subsidy month that starts at {@code at} ends (report and payment are due then). */
    public Date monthEndsAt(Date at) {
        return plus(at, reportingPeriod);
    }

    /** When the appeal window of a notice sent at {@code noticeSentAt} closes. */
    public Date appealWindowClosesAt(Date noticeSentAt) {
        return plus(noticeSentAt, appealWindow);
    }

    /** True if the tax record is checked for the worker's retention once {@code monthsPaid} months are paid. */
    public boolean isRetentionCheck(Number monthsPaid) {
        return monthsPaid != null && retentionCheckMonths.contains(monthsPaid.intValue());
    }

    /** True if {@code monthsPaid} is the last retention check: a retained worker completes the subsidy. */
    public boolean isLastRetentionCheck(Number monthsPaid) {
        return monthsPaid != null && monthsPaid.intValue() == retentionMonths();
    }

    /** The months the employer must keep the worker for the subsidy paid to be earned in full. */
    public int retentionMonths() {
        return retentionCheckMonths.get(retentionCheckMonths.size() - 1);
    }

    /**
     * One month's subsidy: the reported gross wage times the programme's rate, at most the programme's
     * monthly cap, rounded down to a whole currency unit. A wage not reported pays nothing.
     */
    public long monthlyPayment(Number reportedWage, Number ratePercent, Number monthlyCap) {
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(monthlyCap, "monthlyCap");
        if (reportedWage == null || reportedWage.doubleValue() <= 0) {
            return 0;
        }
        BigDecimal payment = new BigDecimal(reportedWage.toString()).multiply(new BigDecimal(ratePercent.toString()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
        return Math.min(payment.longValueExact(), monthlyCap.longValue());
    }

    /**
     * What an employer whose worker left (or whose subsidy ended for non-compliance) after {@code monthsPaid}
     * paid months repays: the subsidy paid, pro rata to the part of the retention period not served, rounded
     * down. Nothing once the retention period was served.
     */
    public long clawbackAmount(Number subsidyPaid, Number monthsPaid) {
        long paid = subsidyPaid == null ? 0 : subsidyPaid.longValue();
        int served = monthsPaid == null ? 0 : monthsPaid.intValue();
        int unserved = Math.max(0, retentionMonths() - served);
        return BigDecimal.valueOf(paid).multiply(BigDecimal.valueOf(unserved))
                .divide(BigDecimal.valueOf(retentionMonths()), 0, RoundingMode.DOWN).longValueExact();
    }

    /** The share {@code percent} (0–100) of {@code amount}, rounded down: a clawback as an appeal amended it. */
    public long share(Number amount, Number percent) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(percent, "percent");
        return BigDecimal.valueOf(amount.longValue()).multiply(new BigDecimal(percent.toString()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
    }

    /** The calendar day (UTC, ISO) of {@code at}: the day a retention check asks the tax record about. */
    public String isoDate(Date at) {
        return LocalDate.ofInstant(at.toInstant(), ZoneOffset.UTC).toString();
    }

    private static Date plus(Date from, Duration duration) {
        Objects.requireNonNull(from, "from");
        return Date.from(from.toInstant().plus(duration));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero: " + duration);
        }
    }
}
