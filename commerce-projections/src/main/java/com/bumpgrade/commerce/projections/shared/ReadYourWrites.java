package com.bumpgrade.commerce.projections.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for a record's view: a query first waits, briefly, until the view row has applied every
 * event the event store holds for that aggregate (its {@code version} is the last applied sequence number).
 * A write's answer is sent only after its events are committed, so a GET that follows any 2xx shows that write.
 * The wait is bounded: past it, the view's last state is answered with its version, never an error. It holds
 * for every caller alike, and the foreign-publisher check runs after it, so waiting tells nobody anything.
 * A list waits the same way for each row it answers ({@link #awaitRowsCaughtUp}).
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

    /**
     * The same for a list: {@code read} answers rows of {@code viewTable}; while any of them has a {@code version}
     * below the event store's last sequence for its aggregate, the rows' versions are polled (cheaply, by id), and
     * once all have caught up, or past the bound, {@code read} is asked again and that is the answer. Only the rows
     * the first read found are waited for: a record that is not in the view at all is not known to a list.
     */
    public static <T> List<T> awaitRowsCaughtUp(JdbcTemplate jdbc, String viewTable, String idColumn,
                                                Supplier<List<T>> read, Function<T, String> id,
                                                ToLongFunction<T> version) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        List<T> rows = read.get();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Long> heads = new HashMap<>();
        jdbc.query("SELECT aggregate_identifier, max(sequence_number) FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ANY(?) GROUP BY aggregate_identifier",
                ps -> ps.setArray(1, ids(ps.getConnection(), rows.stream().map(id).distinct().toList())),
                (RowCallbackHandler) rs -> heads.put(rs.getString(1), rs.getLong(2)));
        Set<String> lagging = new HashSet<>();
        for (T row : rows) {
            Long head = heads.get(id.apply(row));
            if (head != null && version.applyAsLong(row) < head) {
                lagging.add(id.apply(row));
            }
        }
        if (lagging.isEmpty()) {
            return rows;
        }
        String versionsOfRows = "SELECT " + idColumn + ", version FROM " + viewTable + " WHERE " + idColumn
                + " = ANY(?)";
        while (!lagging.isEmpty() && System.nanoTime() <= deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            jdbc.query(versionsOfRows, ps -> ps.setArray(1, ids(ps.getConnection(), List.copyOf(lagging))),
                    (RowCallbackHandler) rs -> {
                        if (rs.getLong(2) >= heads.get(rs.getString(1))) {
                            lagging.remove(rs.getString(1));
                        }
                    });
        }
        return read.get();
    }

    private static Array ids(Connection connection, List<String> ids) throws SQLException {
        return connection.createArrayOf("text", ids.toArray());
    }
}
