package org.esphub.hub.engine.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.esphub.hub.support.ClusterDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The start lock excludes a second node until the first gives it back, on PostgreSQL when
 * {@code ESP_TEST_DATABASE_URL} is set and on H2 otherwise; on H2 a lock timeout shorter than the
 * wait only makes the waiting node ask again.
 */
class NodeStartLockTest {

    private final ExecutorService secondNode = Executors.newSingleThreadExecutor();
    private ClusterDatabase database;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migratedDatabase() throws Exception {
        database = ClusterDatabase.fresh("start_lock");
        // a lock timeout far below the wait below: H2 gives up waiting again and again
        String url = database.postgres() ? database.url() : database.url().replace("LOCK_TIMEOUT=10000", "LOCK_TIMEOUT=100");
        dataSource = new DriverManagerDataSource(url, database.user(), database.password());
        jdbc = new JdbcTemplate(dataSource);
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V18__node_start_lock.sql")).execute(dataSource);
    }

    @AfterEach
    void stop() {
        secondNode.shutdownNow();
    }

    @Test
    void a_second_node_waits_while_the_first_holds_the_lock_and_takes_it_when_given_back() {
        NodeStartLock first = new NodeStartLock(dataSource, NodeStartLock.ENGINE_START);
        NodeStartLock second = new NodeStartLock(dataSource, NodeStartLock.ENGINE_START);
        first.acquire();

        CompletableFuture<Void> secondAcquired = CompletableFuture.runAsync(second::acquire, secondNode);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() > 0);
        assertThat(secondAcquired).as("the second node waits").isNotDone();
        assertThat(second.held()).isFalse();

        first.release();
        await().atMost(Duration.ofSeconds(30)).until(secondAcquired::isDone);
        assertThat(second.held()).isTrue();
        assertThat(first.held()).isFalse();
        second.close();
        assertThat(second.held()).isFalse();
    }

    @Test
    void a_node_whose_start_failed_gives_the_lock_back_when_its_context_closes() {
        NodeStartLock first = new NodeStartLock(dataSource, NodeStartLock.ENGINE_START);
        first.acquire();
        first.close(); // Spring closes the bean when the context closes, after a failed start too

        NodeStartLock second = new NodeStartLock(dataSource, NodeStartLock.ENGINE_START);
        CompletableFuture<Void> secondAcquired = CompletableFuture.runAsync(second::acquire, secondNode);
        await().atMost(Duration.ofSeconds(30)).until(secondAcquired::isDone);
        assertThat(second.held()).isTrue();
        second.release();
    }

    /** Sessions the database sees waiting for a lock another one holds. */
    private int waitingForALock() {
        String sql = database.postgres()
                ? "SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE NOT l.granted AND a.datname = current_database()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return jdbc.queryForObject(sql, Integer.class);
    }
}
