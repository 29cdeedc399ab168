package org.esphub.hub.api;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * A search's WHERE clause with its arguments, built from query parameters: an absent parameter
 * filters nothing, a malformed one is {@code err.request.bad} naming it. Values are always bound,
 * never written into the SQL.
 */
final class SearchFilter {

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> arguments = new ArrayList<>();

    /** Only rows whose column is one of {@code values} (the caller's sender ids). */
    SearchFilter in(String column, Collection<String> values) {
        where.append(" AND ").append(column).append(" IN (")
                .append(values.stream().map(v -> "?").collect(Collectors.joining(","))).append(")");
        arguments.addAll(values);
        return this;
    }

    SearchFilter equal(String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            arguments.add(value);
        }
        return this;
    }

    /** {@code value} must be one of {@code allowed} (the API's names), else the request is refused. */
    SearchFilter oneOf(String parameter, String column, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, parameter + " must be one of " + allowed.stream().sorted()
                    .toList(), List.of("$." + parameter + ": '" + value + "' is not one of them"));
        }
        return equal(column, value);
    }

    /** {@code column <op> date}, for an ISO date parameter. */
    SearchFilter date(String parameter, String column, String operator, String value) {
        if (value != null) {
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new DciRejection(DciReasonCode.REQUEST_BAD, parameter + " must be an ISO date (yyyy-mm-dd)",
                        List.of("$." + parameter + ": '" + value + "' is not one"));
            }
            where.append(" AND ").append(column).append(' ').append(operator).append(" ?");
            arguments.add(Date.valueOf(date));
        }
        return this;
    }

    String sql() {
        return where.toString();
    }

    Object[] arguments() {
        return arguments.toArray();
    }

    /** The arguments followed by the page's LIMIT and OFFSET. */
    Object[] arguments(SearchPage page) {
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(page.pageSize());
        paged.add(page.offset());
        return paged.toArray();
    }
}
