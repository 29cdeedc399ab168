package org.esphub.agencylink;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Checks, as soon as the data source exists and before the audit log or the consent registry
 * touch it, that the hub's schema is there: a link node writes into the hub's tables and never
 * creates or migrates them. Without them it stops at once ({@link HubSchemaMissing}) instead of
 * failing on its first audited exchange.
 */
class HubSchemaRequired implements BeanPostProcessor {

    /** The tables (and the newest column of each) that the gate, its restrictions, the consents and the audit log use. */
    static final Map<String, String> TABLES = Map.of(
            "esp_audit_event", "partner",
            "esp_audit_chain", "head_mac",
            "esp_consent", "withdrawn_for",
            "esp_processing_restriction", "lifted_by");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            check(dataSource);
        }
        return bean;
    }

    static void check(DataSource dataSource) {
        String url = "(unknown)";
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            url = metadata.getURL();
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                if (!hasColumn(metadata, table.getKey(), table.getValue())) {
                    missing.add(table.getKey() + "." + table.getValue());
                }
            }
        } catch (SQLException e) {
            throw new HubSchemaMissing(url, List.of("the database cannot be read: " + e.getMessage()));
        }
        if (!missing.isEmpty()) {
            missing.sort(null);
            throw new HubSchemaMissing(url, missing);
        }
    }

    /** Table and column names as the database folds them: lower case (PostgreSQL) or upper case (H2). */
    private static boolean hasColumn(DatabaseMetaData metadata, String table, String column) throws SQLException {
        for (String folded : List.of(table, table.toUpperCase(Locale.ROOT))) {
            String columnName = folded.equals(table) ? column : column.toUpperCase(Locale.ROOT);
            try (ResultSet columns = metadata.getColumns(null, null, folded, columnName)) {
                if (columns.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
