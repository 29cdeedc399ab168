package org.esphub.routes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads the tax / social-insurance authority's answer for {@code tax.verify-employment}: was the
 * person in insured employment on the day the process asks about? The authority lists a person's
 * spells of contributions; one that has started by that day and has not ended before it counts,
 * whichever employer pays it (a person who moved to another insured job is still employed).
 *
 * <p>Stateless; the route creates it by type ({@code beanType}), so no host has to register it.
 */
public class InsuredEmploymentCheck {

    /** Result variable of the task, read by the model's gateways. */
    static final String RESULT = "insuredEmploymentFound";

    /**
     * @param record the authority's answer ({@code employments}: spells with {@code start_date} and
     *     {@code end_date}, ISO dates, no end date while contributions continue), or {@code null}
     *     when the authority does not know the person, which means no insured employment
     * @param checkDate the ISO date the record must show insured employment on
     * @return the task's result variables
     * @throws IllegalArgumentException when the model gave no readable check date
     * @throws AgencyCallFailed when the authority's answer cannot be read
     */
    public Map<String, Object> onDate(Map<String, Object> record, String checkDate) {
        LocalDate day = checkDay(checkDate);
        if (record == null) {
            return Map.of(RESULT, false);
        }
        if (!(record.get("employments") instanceof List<?> employments)) {
            throw new AgencyCallFailed("the tax authority's answer has no list of employments");
        }
        boolean found = employments.stream().anyMatch(spell -> openOn(spell, day));
        return Map.of(RESULT, found);
    }

    private static boolean openOn(Object spell, LocalDate day) {
        if (!(spell instanceof Map<?, ?> fields)) {
            throw new AgencyCallFailed("the tax authority listed an employment that is not an object: " + spell);
        }
        LocalDate start = date(fields.get("start_date"), "start_date");
        LocalDate end = fields.get("end_date") == null ? null : date(fields.get("end_date"), "end_date");
        if (start == null) {
            throw new AgencyCallFailed("the tax authority listed an employment without start_date");
        }
        return !start.isAfter(day) && (end == null || !end.isBefore(day));
    }

    private static LocalDate date(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new AgencyCallFailed("the tax authority's " + field + " '" + value + "' is not an ISO date");
        }
    }

    private static LocalDate checkDay(String checkDate) {
        if (checkDate == null || checkDate.isBlank()) {
            throw new IllegalArgumentException("tax.verify-employment needs checkDate, the ISO date to check");
        }
        try {
            return LocalDate.parse(checkDate.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checkDate '" + checkDate + "' is not an ISO date (yyyy-MM-dd)", e);
        }
    }
}
