package com.bumpgrade.commerce.api.envelope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/**
 * The first response of each billing-impacting write, per caller and Idempotency-Key. A row is claimed before
 * the work starts (the primary key makes exactly one concurrent request the winner) and completed with the
 * response; a claim whose holder died is taken over after the lease.
 */
@Repository
public class IdempotencyStore {
    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Record(String fingerprint, boolean completed, Integer status, String body) {
    }

    public Optional<Record> find(String scope, String key) {
        return jdbc.query("""
                        SELECT request_fingerprint, state, response_status, response_body
                        FROM idempotency_record WHERE scope = ? AND idempotency_key = ?""",
                (rs, row) -> new Record(rs.getString(1), "completed".equals(rs.getString(2)),
                        (Integer) rs.getObject(3), rs.getString(4)), scope, key).stream().findFirst();
    }

    /** True when this caller now holds the claim. */
    public boolean claim(String scope, String key, String fingerprint) {
        return jdbc.update("""
                INSERT INTO idempotency_record (scope, idempotency_key, request_fingerprint, state)
                VALUES (?, ?, ?, 'in_progress') ON CONFLICT DO NOTHING""", scope, key, fingerprint) == 1;
    }

    /** Takes over a claim left in progress longer than the lease, e.g. by a crashed instance. */
    public boolean takeOverExpired(String scope, String key, String fingerprint, Duration lease) {
        return jdbc.update("""
                        UPDATE idempotency_record SET claimed_at = now()
                        WHERE scope = ? AND idempotency_key = ? AND request_fingerprint = ? AND state = 'in_progress'
                          AND claimed_at < now() - make_interval(secs => ?)""",
                scope, key, fingerprint, (double) lease.toSeconds()) == 1;
    }

    public void complete(String scope, String key, int status, String body) {
        jdbc.update("""
                        UPDATE idempotency_record SET state = 'completed', response_status = ?, response_body = ?,
                            completed_at = now()
                        WHERE scope = ? AND idempotency_key = ?""",
                status, body, scope, key);
    }

    /** Gives the key back after a failure that must stay retryable (a 5xx answer). */
    public void release(String scope, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ? AND state = 'in_progress'",
                scope, key);
    }
}
