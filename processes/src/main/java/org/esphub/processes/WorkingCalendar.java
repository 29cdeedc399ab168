package org.esphub.processes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Working-day arithmetic for due dates and timers in the process models, e.g.
 * {@code ${workingCalendar.addWorkingDays(referralReceivedAt, intakeWorkingDays)}}.
 *
 * <p>Saturdays, Sundays and the configured public holidays are not working days. The time of day is
 * kept (in the calendar's zone). Plain class: the hub registers it as the bean {@code workingCalendar};
 * process tests register it with {@code Mocks}.
 */
public class WorkingCalendar {

    /** Bean name of the calendar in the models' expressions. */
    public static final String BEAN_NAME = "workingCalendar";

    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    public WorkingCalendar(Collection<LocalDate> holidays, ZoneId zone) {
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param from        start instant; {@code null} means now (the engine clock, so tests can move it)
     * @param workingDays number of working days to add, not negative
     * @return {@code from} moved forward by that many working days, same time of day
     */
    public Date addWorkingDays(Date from, Integer workingDays) {
        if (workingDays == null) {
            throw new IllegalArgumentException("workingDays is required");
        }
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        Date start = from != null ? from : ClockUtil.getCurrentTime();
        ZonedDateTime result = start.toInstant().atZone(zone);
        int remaining = workingDays;
        while (remaining > 0) {
            result = result.plusDays(1);
            if (isWorkingDay(result.toLocalDate())) {
                remaining--;
            }
        }
        return Date.from(result.toInstant());
    }

    /**
     * Calendar days, weekends and holidays included, from the given day until today in the calendar's
     * zone, on the engine clock: how long a job that started that day has lasted, e.g.
     * {@code ${workingCalendar.daysSince(startDate)}}. 0 on the day itself and before it.
     *
     * @param isoDate a calendar day, e.g. {@code 2025-04-01}
     */
    public int daysSince(String isoDate) {
        if (isoDate == null) {
            throw new IllegalArgumentException("a date is required");
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        return (int) Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(isoDate), today));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public ZoneId getZone() {
        return zone;
    }
}
