package org.esphub.hub.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.esphub.hub.governance.ApiDisclosure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the companion's searches share: count the rows a filter selects, read one page of them in a
 * stable order, shape each row as the companion's record and release it through the data-sharing gate
 * (audited under the search's exchange and purpose), and answer with the pagination and the records
 * under the search's field. The searches differ only in their {@link Table}, filter and shape.
 */
@Component
class CompanionSearch {

    /**
     * @param exchange the agreement exchange each record is released under
     * @param purpose the purpose of that exchange
     * @param itemsField the answer's field holding the records
     * @param columns the SELECT list
     * @param from the FROM clause, joins included
     * @param orderBy the ORDER BY list, newest first and unique, so that pages do not overlap
     * @param personColumn the row's column naming the person the record is about
     * @param resourceColumn the row's column naming the record the audit entry is about
     */
    record Table(String exchange, String purpose, String itemsField, String columns, String from, String orderBy,
            String personColumn, String resourceColumn) {
    }

    private final JdbcTemplate jdbc;
    private final ApiDisclosure disclosure;

    CompanionSearch(JdbcTemplate jdbc, ApiDisclosure disclosure) {
        this.jdbc = jdbc;
        this.disclosure = disclosure;
    }

    Map<String, Object> search(Table table, SearchFilter filter, SearchPage page, String clientId,
            Function<Map<String, Object>, Map<String, Object>> describe) {
        Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.from() + filter.sql(), Integer.class,
                filter.arguments());
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT " + table.columns() + " FROM " + table.from()
                + filter.sql() + " ORDER BY " + table.orderBy() + " LIMIT ? OFFSET ?", filter.arguments(page));
        List<Map<String, Object>> records = rows.stream()
                .map(row -> disclosure.toClient(table.exchange(), table.purpose(), clientId,
                        (String) row.get(table.personColumn()), (String) row.get(table.resourceColumn()),
                        page.correlationId(), describe.apply(row)))
                .toList();
        return Map.of("pagination", page.pagination(total == null ? 0 : total), table.itemsField(), records);
    }
}
