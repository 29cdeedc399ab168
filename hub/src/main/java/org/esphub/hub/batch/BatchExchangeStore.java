package org.esphub.hub.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The processed-files table ({@code esp_batch_exchange}): every file taken, with its report. */
@Repository
class BatchExchangeStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    BatchExchangeStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    void add(BatchExchange exchange) {
        jdbc.update("INSERT INTO esp_batch_exchange (exchange_id, agency_user, file_name, file_sha256, received_at,"
                + " status, received_count, accepted_count, rejected_count, already_known_count, repeat_of, report)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", exchange.exchangeId(), exchange.agencyUser(),
                exchange.fileName(), exchange.fileSha256(), Timestamp.from(exchange.receivedAt()),
                exchange.status().name(), exchange.received(), exchange.accepted(), exchange.rejected(),
                exchange.alreadyKnown(), exchange.repeatOf(), json(exchange));
    }

    /** The first exchange that took this very file's records, if one did. */
    Optional<BatchExchange> firstProcessed(String agencyUser, String fileName, String sha256) {
        return jdbc.query("SELECT report FROM esp_batch_exchange WHERE agency_user = ? AND file_name = ?"
                + " AND file_sha256 = ? AND status = 'PROCESSED' ORDER BY received_at, exchange_id",
                (row, n) -> read(row.getString(1)), agencyUser, fileName, sha256).stream().findFirst();
    }

    Optional<BatchExchange> find(String exchangeId) {
        return jdbc.query("SELECT report FROM esp_batch_exchange WHERE exchange_id = ?",
                (row, n) -> read(row.getString(1)), exchangeId).stream().findFirst();
    }

    /** The newest first, without their records (the list is an overview; {@link #find} has them). */
    List<BatchExchange> newest(int limit) {
        return jdbc.query("SELECT report FROM esp_batch_exchange ORDER BY received_at DESC, exchange_id DESC"
                + " FETCH FIRST " + limit + " ROWS ONLY", (row, n) -> withoutRecords(read(row.getString(1))));
    }

    private static BatchExchange withoutRecords(BatchExchange full) {
        return new BatchExchange(full.exchangeId(), full.agencyUser(), full.fileName(), full.fileSha256(),
                full.receivedAt(), full.status(), full.reason(), full.repeatOf(), full.received(), full.accepted(),
                full.rejected(), full.alreadyKnown(), null);
    }

    private String json(BatchExchange exchange) {
        try {
            return mapper.writeValueAsString(exchange);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch exchange always serialises", e);
        }
    }

    private BatchExchange read(String json) {
        try {
            return mapper.readValue(json, BatchExchange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored batch report no longer reads", e);
        }
    }
}
