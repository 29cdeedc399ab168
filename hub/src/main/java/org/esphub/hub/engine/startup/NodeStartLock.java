package org.esphub.hub.engine.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock every hub node on one database shares: a row of {@code esp_start_lock} (migration 18)
 * locked with {@code SELECT ... FOR UPDATE} in a transaction of its own connection, held until
 * {@link #release()}. A node that dies while holding it loses its connection, and the database
 * releases the lock with it.
 *
 * <p>Waiting is not bounded: a node waits as long as another one is starting, and says once that it
 * waits. A database lock timeout (H2's {@code LOCK_TIMEOUT}, PostgreSQL's {@code lock_timeout})
 * only makes it ask again.
 */
final class NodeStartLock implements AutoCloseable {

    /** The row the engine start holds. */
    static final String ENGINE_START = "engine-start";

    private static final Logger LOG = LoggerFactory.getLogger(NodeStartLock.class);
    /** PostgreSQL's lock_not_available (NOWAIT, lock_timeout), H2's lock timeout (NOWAIT, LOCK_TIMEOUT). */
    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private final DataSource dataSource;
    private final String name;
    private Connection holding;

    NodeStartLock(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** Blocks until this node holds the lock; holding it already, returns at once. */
    synchronized void acquire() {
        if (holding != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                if (!tryLock(connection, " NOWAIT")) {
                    LOG.info("Another hub node is starting its engine (start lock '{}'); waiting for it", name);
                    while (!tryLock(connection, "")) {
                        LOG.debug("Still waiting for the start lock '{}'", name);
                    }
                }
                holding = connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the start lock '" + name + "' in esp_start_lock", e);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        if (waited.toMillis() >= 1000) {
            LOG.info("Took the start lock '{}' after waiting {} ms for another node", name, waited.toMillis());
        }
    }

    /** Lets the next node start; does nothing when this node does not hold the lock. */
    synchronized void release() {
        if (holding == null) {
            return;
        }
        Connection connection = holding;
        holding = null;
        try (connection) {
            connection.rollback(); // nothing was written under the lock's own transaction
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // closing the connection releases the lock all the same
            LOG.warn("Releasing the start lock '{}' failed; its connection is closed instead", name, e);
        }
    }

    boolean held() {
        return holding != null;
    }

    /** Spring calls it when the context closes, also after a failed start. */
    @Override
    public void close() {
        release();
    }

    /** @param wait {@code ""} to wait up to the database's lock timeout, {@code " NOWAIT"} not to wait */
    private boolean tryLock(Connection connection, String wait) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name FROM esp_start_lock WHERE name = ? FOR UPDATE" + wait)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("esp_start_lock has no row '" + name + "' (migration 18)");
                }
                return true;
            }
        } catch (SQLException e) {
            if (!lockTimeout(e)) {
                throw e;
            }
            connection.rollback();
            return false;
        }
    }

    private static boolean lockTimeout(SQLException e) {
        return POSTGRES_LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || H2_LOCK_TIMEOUT.equals(e.getSQLState());
    }
}
