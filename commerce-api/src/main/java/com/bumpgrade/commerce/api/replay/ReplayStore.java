package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.api.scaleout.InstanceId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code audit_replay} rows: a replay's progress, heartbeat and verdict. A running replay whose heartbeat has
 * stopped (its instance stopped or died) is reported failed, never left running.
 */
@Component
class ReplayStore {
    /** Longer than any pause between two heartbeats of a live replay. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final InstanceId instance;

    ReplayStore(JdbcTemplate jdbc, ObjectMapper json, InstanceId instance) {
        this.jdbc = jdbc;
        this.json = json;
        this.instance = instance;
    }

    /** Records a new running replay; empty when another one is running. */
    Optional<ReplayView> start(ReplayId id, PublisherId publisher, BillingContext context, Instant now) {
        failStopped(now);
        try {
            jdbc.update("""
                    INSERT INTO audit_replay (replay_id, publisher_id, status, phase, started_at, heartbeat_at,
                        instance_id, requested_by, client, correlation_id)
                    VALUES (?, ?, 'running', 'preparing', ?, ?, ?, ?, ?, ?)""", id.value(), publisher.value(),
                    Timestamp.from(now), Timestamp.from(now), instance.value(), context.actor().value(),
                    context.client().value(), context.correlationId().value());
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        return find(id.value(), publisher);
    }

    Optional<ReplayView> find(String id, PublisherId publisher) {
        failStopped(Instant.now());
        return jdbc.query("SELECT * FROM audit_replay WHERE replay_id = ? AND publisher_id = ?", this::map, id,
                publisher.value()).stream().findFirst();
    }

    void phase(ReplayId id, String phase, long total, long upTo) {
        jdbc.update("UPDATE audit_replay SET phase = ?, events_total = ?, up_to_global_index = ?, heartbeat_at = now() "
                + "WHERE replay_id = ? AND status = 'running'", phase, total, upTo, id.value());
    }

    void progress(ReplayId id, long done) {
        jdbc.update("UPDATE audit_replay SET events_done = ?, heartbeat_at = now() WHERE replay_id = ? "
                + "AND status = 'running'", done, id.value());
    }

    void finish(ReplayId id, String verdict, List<TableComparison> tables) {
        jdbc.update("UPDATE audit_replay SET status = 'finished', phase = 'done', verdict = ?, tables = ?::jsonb, "
                + "finished_at = now() WHERE replay_id = ? AND status = 'running'", verdict, write(tables), id.value());
    }

    void fail(ReplayId id, String failure) {
        jdbc.update("UPDATE audit_replay SET status = 'failed', failure = ?, finished_at = now() WHERE replay_id = ? "
                + "AND status = 'running'", failure, id.value());
    }

    /** Running replays whose heartbeat stopped: failed, {@code interrupted}. */
    int failStopped(Instant now) {
        return jdbc.update("UPDATE audit_replay SET status = 'failed', failure = 'interrupted', finished_at = ? "
                + "WHERE status = 'running' AND heartbeat_at < ?", Timestamp.from(now),
                Timestamp.from(now.minus(HEARTBEAT_TIMEOUT)));
    }

    private ReplayView map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String tables = rs.getString("tables");
        return new ReplayView(rs.getString("replay_id"), rs.getString("status"), rs.getString("phase"),
                rs.getLong("events_total"), rs.getLong("events_done"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("requested_by"),
                rs.getString("correlation_id"), rs.getString("verdict"), tables == null ? null : read(tables),
                rs.getString("failure"));
    }

    private String write(List<TableComparison> tables) {
        try {
            return json.writeValueAsString(tables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replay verdict", e);
        }
    }

    private List<TableComparison> read(String tables) {
        try {
            return List.of(json.readValue(tables, TableComparison[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the replay verdict", e);
        }
    }
}
