package org.esphub.hub.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the KPIs are cut in time: calendar months or ISO weeks. */
public enum Granularity {
    MONTH, WEEK;

    /** The granularity a request names ({@code month} or {@code week}), if it is one. */
    public static Optional<Granularity> named(String name) {
        for (Granularity granularity : values()) {
            if (granularity.name().equalsIgnoreCase(name)) {
                return Optional.of(granularity);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The last {@code count} periods up to and including the one {@code now} falls in, oldest first. */
    public List<Period> periodsUpTo(Instant now, int count, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate start = this == MONTH ? today.withDayOfMonth(1)
                : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Period> periods = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            LocalDate from = this == MONTH ? start.minusMonths(back) : start.minusWeeks(back);
            LocalDate to = this == MONTH ? from.plusMonths(1) : from.plusWeeks(1);
            periods.add(new Period(labelOf(from), from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant()));
        }
        return periods;
    }

    private String labelOf(LocalDate from) {
        return this == MONTH ? String.format("%d-%02d", from.getYear(), from.getMonthValue())
                : String.format("%d-W%02d", from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
