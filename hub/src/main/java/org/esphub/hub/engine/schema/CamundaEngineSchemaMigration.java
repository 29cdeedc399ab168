package org.esphub.hub.engine.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway migration 16: creates Camunda's engine, history, identity, case and decision tables with
 * the scripts Camunda ships in {@code camunda-engine.jar} ({@code org/camunda/bpm/engine/db/create/}),
 * unless the engine created them already. Run by Flyway, the tables belong to the database user
 * Flyway connects as (in production the migration user), so the user the hub runs as needs no
 * right to create, alter or drop anything, and the engine starts with {@code schema-update: false}.
 * Later Camunda upgrades go the same way: a migration running Camunda's upgrade script.
 */
final class CamundaEngineSchemaMigration implements JavaMigration {

    private static final String SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql";
    /** In the order the engine itself creates them. */
    private static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16");
    }

    @Override
    public String getDescription() {
        return "camunda engine schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (engineSchemaExists(connection)) {
            return; // the engine created it (an installation older than this migration, or the demo's H2)
        }
        String vendor = camundaDatabaseType(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String part : PARTS) {
                for (String sql : statements(String.format(SCRIPTS, vendor, part))) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static boolean engineSchemaExists(Connection connection) throws SQLException {
        for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(),
                    connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String camundaDatabaseType(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("the hub creates Camunda's schema on PostgreSQL and H2 only, not on "
                + productName);
    }

    /** The script's statements, split as Camunda's own schema creation does: by lines ending in ';'. */
    private static List<String> statements(String resource) throws IOException {
        InputStream script = CamundaEngineSchemaMigration.class.getClassLoader().getResourceAsStream(resource);
        if (script == null) {
            throw new IllegalStateException("Camunda's schema script " + resource + " is not on the class path");
        }
        List<String> statements = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String sql = current.toString().trim();
                    statements.add(sql.substring(0, sql.length() - 1));
                    current.setLength(0);
                }
            }
        }
        return statements;
    }
}
