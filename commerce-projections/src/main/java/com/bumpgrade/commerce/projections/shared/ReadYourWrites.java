package com.bumpgrade.commerce.projections.shared;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Read-your-writes for a record's view: a query first waits, briefly, until the view row has applied every
 * event the event store holds for that aggregate (its {@code version} is the last applied sequence number).
 * A write's answer is sent only after its events are committed, so a GET that follows any 2xx shows that write.
 * The wait is bounded: past it, the view's last state is answered with its version, never an error. It holds
 * for every caller alike, and the foreign-publisher check runs after it, so waiting tells nobody anything.
 */
public final class ReadYourWrites {
    /** Well above the read models' usual lag on this machine, well below any client's patience. */
    public static final Duration BOUND = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 10;

    private ReadYourWrites() {
    }

    /** {@code viewTable} and {@code idColumn} are the caller's constants, never request input. */
    public static void awaitCaughtUp(JdbcTemplate jdbc, String viewTable, String idColumn, String aggregateId) {
        Long head = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
        if (head == null) {
            return;
        }
        String versionOfRow = "SELECT version FROM " + viewTable + " WHERE " + idColumn + " = ?";
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            Long version = jdbc.query(versionOfRow, rs -> rs.next() ? rs.getLong(1) : null, aggregateId);
            if (version != null && version >= head || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
