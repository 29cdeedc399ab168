package org.esphub.routes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the three sources of employment-status verification into the task's result variables: one
 * finding each ({@link #EMPLOYED}, {@link #NOT_EMPLOYED}, {@link #REGISTERED_JOBSEEKER}, {@link #NOT_KNOWN}),
 * as of when the source's data describes, and, from an open insured employment, its employer, start and
 * monthly income. A source that does not know the person ({@code null} record, its 404) is
 * {@link #NOT_KNOWN}: it votes for nothing.
 *
 * <p>The variable names are those of {@code EmploymentStatusVerification} in the processes module (this
 * module does not depend on it; {@code StatusFindingsTest} holds them equal). Stateless; the routes create
 * it by type.
 */
public class StatusFindings {

    static final String EMPLOYED = "EMPLOYED";
    static final String NOT_EMPLOYED = "NOT_EMPLOYED";
    static final String REGISTERED_JOBSEEKER = "REGISTERED_JOBSEEKER";
    static final String NOT_KNOWN = "NOT_KNOWN";

    static final String PES_FINDING = "pesFinding";
    static final String PES_AS_OF = "pesAsOf";
    static final String TAX_FINDING = "taxFinding";
    static final String TAX_AS_OF = "taxAsOf";
    static final String EMPLOYER_FINDING = "employerFinding";
    static final String EMPLOYER_AS_OF = "employerAsOf";
    static final String EMPLOYER_NAME = "employerName";
    static final String EMPLOYMENT_START_DATE = "employmentStartDate";
    static final String MONTHLY_EMPLOYMENT_INCOME = "monthlyEmploymentIncome";

    /** PES's labour-market status: {@code registered}, {@code as_of} (instant). */
    public Map<String, Object> fromPes(Map<String, Object> record) {
        Map<String, Object> result = new HashMap<>();
        if (record == null) {
            result.put(PES_FINDING, NOT_KNOWN);
            result.put(PES_AS_OF, null);
            return result;
        }
        result.put(PES_FINDING, Boolean.TRUE.equals(record.get("registered")) ? REGISTERED_JOBSEEKER : NOT_KNOWN);
        result.put(PES_AS_OF, text(record.get("as_of"), "PES's as_of"));
        return result;
    }

    /**
     * The authority's spells ({@code employments}) and the day its data is complete to ({@code as_of}, a
     * date): employed when a spell is open on that day; the data describes the end of that day.
     */
    public Map<String, Object> fromTax(Map<String, Object> record) {
        Map<String, Object> result = new HashMap<>();
        result.put(EMPLOYER_NAME, null);
        result.put(EMPLOYMENT_START_DATE, null);
        result.put(MONTHLY_EMPLOYMENT_INCOME, null);
        if (record == null) {
            result.put(TAX_FINDING, NOT_KNOWN);
            result.put(TAX_AS_OF, null);
            return result;
        }
        LocalDate asOf = date(record.get("as_of"), "the tax authority's as_of");
        result.put(TAX_AS_OF, asOf.atTime(LocalTime.MAX).atOffset(ZoneOffset.UTC).toInstant().toString());
        if (!(record.get("employments") instanceof List<?> spells)) {
            throw new AgencyCallFailed("the tax authority's answer has no list of employments");
        }
        Map<?, ?> open = null;
        for (Object spell : spells) {
            if (spell instanceof Map<?, ?> fields && openOn(fields, asOf)) {
                open = fields;
            }
        }
        result.put(TAX_FINDING, open == null ? NOT_EMPLOYED : EMPLOYED);
        if (open != null) {
            result.put(EMPLOYER_NAME, open.get("employer_name"));
            result.put(EMPLOYMENT_START_DATE, text(open.get("start_date"), "start_date"));
            result.put(MONTHLY_EMPLOYMENT_INCOME, amount(open.get("monthly_income")));
        }
        return result;
    }

    /** The employer-direct confirmation: {@code employed}, {@code as_of} (instant). */
    public Map<String, Object> fromEmployer(Map<String, Object> record) {
        Map<String, Object> result = new HashMap<>();
        if (record == null) {
            result.put(EMPLOYER_FINDING, NOT_KNOWN);
            result.put(EMPLOYER_AS_OF, null);
            return result;
        }
        result.put(EMPLOYER_FINDING, Boolean.TRUE.equals(record.get("employed")) ? EMPLOYED : NOT_EMPLOYED);
        result.put(EMPLOYER_AS_OF, text(record.get("as_of"), "the employers' as_of"));
        return result;
    }

    private static boolean openOn(Map<?, ?> spell, LocalDate day) {
        LocalDate start = date(spell.get("start_date"), "start_date");
        Object end = spell.get("end_date");
        return !start.isAfter(day) && (end == null || !date(end, "end_date").isBefore(day));
    }

    private static String text(Object value, String what) {
        if (value == null) {
            throw new AgencyCallFailed(what + " is missing");
        }
        return value.toString();
    }

    private static LocalDate date(Object value, String what) {
        try {
            return LocalDate.parse(text(value, what));
        } catch (DateTimeParseException e) {
            throw new AgencyCallFailed(what + " '" + value + "' is not an ISO date");
        }
    }

    private static Double amount(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString()).doubleValue();
        } catch (NumberFormatException e) {
            throw new AgencyCallFailed("monthly_income '" + value + "' is not a decimal");
        }
    }
}
