package org.esphub.hub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One empty database for the nodes of a cluster test: on PostgreSQL when
 * {@code ESP_TEST_DATABASE_URL} names one (a database {@code <name>_<suffix>} beside it, made
 * afresh), otherwise an H2 database in memory that every connection of this JVM shares by its name.
 */
public record ClusterDatabase(String url, String user, String password, boolean postgres) {

    public static ClusterDatabase fresh(String suffix) throws SQLException {
        String serverUrl = System.getenv("ESP_TEST_DATABASE_URL");
        if (serverUrl == null || !serverUrl.startsWith("jdbc:postgresql:")) {
            return new ClusterDatabase("jdbc:h2:mem:esp-hub-" + suffix + "-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", false);
        }
        String user = System.getenv().getOrDefault("ESP_TEST_DATABASE_USER", "postgres");
        String password = System.getenv().getOrDefault("ESP_TEST_DATABASE_PASSWORD", "");
        String database = serverUrl.substring(serverUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_" + suffix;
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
        return new ClusterDatabase(serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database, user, password,
                true);
    }
}
