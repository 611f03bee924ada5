package com.bumpgrade.commerce.api.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One aggregate's stream in {@code domain_event_entry}, for exact-stream assertions after an action: which
 * events it appended, all of them, in order (Kill Bill's expected bus events, then nothing else).
 * <pre>
 *   EventStream stream = EventStream.of(jdbc, intentId);
 *   long mark = stream.mark();
 *   ... the action ...
 *   stream.expectAppendedSince(mark, CheckoutExpired.class);
 * </pre>
 */
public final class EventStream {
    /** The sequence number before an aggregate's first event. */
    public static final long NEW = -1;

    private final JdbcTemplate jdbc;
    private final String aggregateId;

    private EventStream(JdbcTemplate jdbc, String aggregateId) {
        this.jdbc = jdbc;
        this.aggregateId = aggregateId;
    }

    public static EventStream of(JdbcTemplate jdbc, String aggregateId) {
        return new EventStream(jdbc, aggregateId);
    }

    /** The last sequence number now ({@link #NEW} when the aggregate has no event yet). */
    public long mark() {
        Long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, aggregateId);
        return last == null ? NEW : last;
    }

    /** Payload types appended after the mark, by sequence number. */
    public List<Class<?>> appendedSince(long mark) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number > ? ORDER BY sequence_number", String.class, aggregateId, mark)
                .stream().<Class<?>>map(EventStream::type).toList();
    }

    public List<Class<?>> all() {
        return appendedSince(NEW);
    }

    /** Exactly these were appended after the mark, in this order, and nothing else. */
    public void expectAppendedSince(long mark, Class<?>... types) {
        assertThat(appendedSince(mark)).as("events appended to %s", aggregateId).containsExactly(types);
    }

    /** The whole stream of a record the action created. */
    public void expectExactly(Class<?>... types) {
        expectAppendedSince(NEW, types);
    }

    /**
     * For appends made by event processors (webhook translation, reactions): waits until as many events as
     * expected are there, then requires exactly these; more, or others, fail.
     */
    public void awaitAppendedSince(long mark, Class<?>... types) {
        await().atMost(Duration.ofSeconds(20)).until(() -> appendedSince(mark).size() >= types.length);
        expectAppendedSince(mark, types);
    }

    public void expectNothingSince(long mark) {
        expectAppendedSince(mark);
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("stored event of an unknown type " + name, e);
        }
    }
}
