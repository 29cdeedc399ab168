package org.esphub.hub.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Table {@code esp_employment_status}: the latest finding of each source per person. One
 * primary-key read answers a status request; writes are plain upserts, so two refreshes of the
 * same person racing each other both succeed and the later one wins.
 */
public class EmploymentStatusProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public EmploymentStatusProjection(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** @param refreshedAt when the sources were last asked live */
    public record Row(Map<StatusSource, SourceObservation> observations, Instant refreshedAt) {
    }

    public Optional<Row> find(String personId) {
        List<Row> rows = jdbc.query("SELECT pes, tax, refreshed_at FROM esp_employment_status WHERE person_id = ?",
                (rs, n) -> {
                    Map<StatusSource, SourceObservation> observations = new EnumMap<>(StatusSource.class);
                    put(observations, StatusSource.PES, rs.getString("pes"));
                    put(observations, StatusSource.TAX_SOCIAL_INSURANCE, rs.getString("tax"));
                    return new Row(observations, rs.getTimestamp("refreshed_at").toInstant());
                }, personId);
        return rows.stream().findFirst();
    }

    /** Stores a live refresh: every source's finding, and the refresh time. */
    public void store(String personId, Map<StatusSource, SourceObservation> observations, Instant refreshedAt) {
        String pes = json(observations.get(StatusSource.PES));
        String tax = json(observations.get(StatusSource.TAX_SOCIAL_INSURANCE));
        Timestamp at = Timestamp.from(refreshedAt);
        int updated = jdbc.update("UPDATE esp_employment_status SET pes = ?, tax = ?, refreshed_at = ?"
                + " WHERE person_id = ?", pes, tax, at, personId);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO esp_employment_status (person_id, pes, tax, refreshed_at) VALUES (?, ?, ?, ?)",
                        personId, pes, tax, at);
            } catch (DuplicateKeyException raced) {
                jdbc.update("UPDATE esp_employment_status SET pes = ?, tax = ?, refreshed_at = ? WHERE person_id = ?",
                        pes, tax, at, personId);
            }
        }
    }

    /**
     * Replaces the PES finding of a person the projection already holds, as a PES event reports
     * it; a person not in the projection is read live on the first request anyway.
     *
     * @return whether a row was updated
     */
    public boolean updatePes(String personId, SourceObservation pes) {
        return jdbc.update("UPDATE esp_employment_status SET pes = ? WHERE person_id = ?", json(pes), personId) > 0;
    }

    private void put(Map<StatusSource, SourceObservation> observations, StatusSource source, String json) {
        if (json == null) {
            return;
        }
        try {
            observations.put(source, mapper.readValue(json, SourceObservation.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("esp_employment_status holds unreadable " + source + " data", e);
        }
    }

    private String json(SourceObservation observation) {
        if (observation == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(observation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("status finding is not serialisable", e);
        }
    }
}
