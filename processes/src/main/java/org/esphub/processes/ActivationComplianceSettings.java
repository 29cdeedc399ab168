package org.esphub.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Periods and durations of {@code processes/activation-compliance.bpmn} that policy, not code, decides.
 * The model reads them by bean name, e.g. {@code ${activationComplianceSettings.reasonsDueAt(now())}}.
 *
 * <p>Plain class without defaults: the hub binds it from {@code esp.lifecycle.activation-compliance.*}
 * (defaults documented there); process tests register it with {@code Mocks}.
 *
 * @param monitoringPeriod            length of a monitoring period, ending in a periodic review (e.g. P30D)
 * @param reasonsPeriod               how long the person has to give reasons before good cause is decided
 * @param appealWindow                how long a sanction notice may be appealed; applied only after it
 * @param historyWindow               rolling window of the sanction history the ladder looks at
 * @param reductionDuration           how long a benefit reduction lasts
 * @param suspensionDuration          how long a benefit suspension lasts
 * @param minimumApplicationsPerPeriod job applications expected per period when SA's request names none
 */
public record ActivationComplianceSettings(Duration monitoringPeriod, Duration reasonsPeriod, Duration appealWindow,
        Duration historyWindow, Duration reductionDuration, Duration suspensionDuration,
        int minimumApplicationsPerPeriod) {

    public ActivationComplianceSettings {
        requirePositive(monitoringPeriod, "monitoringPeriod");
        requirePositive(reasonsPeriod, "reasonsPeriod");
        requirePositive(appealWindow, "appealWindow");
        requirePositive(historyWindow, "historyWindow");
        requirePositive(reductionDuration, "reductionDuration");
        requirePositive(suspensionDuration, "suspensionDuration");
        if (minimumApplicationsPerPeriod < 0) {
            throw new IllegalArgumentException("minimumApplicationsPerPeriod must not be negative");
        }
    }

    /** When the monitoring period that starts at {@code from} ends. */
    public Date periodEndsAt(Date from) {
        return plus(from, monitoringPeriod);
    }

    /** The last moment for the person's reasons, asked for at {@code askedAt}. */
    public Date reasonsDueAt(Date askedAt) {
        return plus(askedAt, reasonsPeriod);
    }

    /** When the appeal window of a notice sent at {@code noticeSentAt} closes. */
    public Date appealWindowClosesAt(Date noticeSentAt) {
        return plus(noticeSentAt, appealWindow);
    }

    /** When a sanction of the given CD.EMPL.11 type applied at {@code appliedAt} ends; null if it does not. */
    public Date sanctionEndsAt(String sanctionType, Date appliedAt) {
        return switch (sanctionType) {
            case ActivationCompliance.SANCTION_BENEFIT_REDUCTION -> plus(appliedAt, reductionDuration);
            case ActivationCompliance.SANCTION_BENEFIT_SUSPENSION -> plus(appliedAt, suspensionDuration);
            default -> null;
        };
    }

    /** The obligation the model uses: SA's figure when its request gave one, else the default. */
    public int minimumApplications(Object requested) {
        return requested instanceof Number number ? number.intValue() : minimumApplicationsPerPeriod;
    }

    /** How many steps of {@code history} (ISO instants, comma separated) fall in the window ending at {@code now}. */
    public int stepsInWindow(String history, Date now) {
        Instant windowStart = now.toInstant().minus(historyWindow);
        return (int) steps(history).filter(step -> step.isAfter(windowStart)).count();
    }

    /** {@code history} with a step taken at {@code at} added. */
    public String withStep(String history, Date at) {
        String step = at.toInstant().toString();
        return history == null || history.isBlank() ? step : history + "," + step;
    }

    private static Stream<Instant> steps(String history) {
        if (history == null || history.isBlank()) {
            return Stream.empty();
        }
        return Arrays.stream(history.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Instant::parse);
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
