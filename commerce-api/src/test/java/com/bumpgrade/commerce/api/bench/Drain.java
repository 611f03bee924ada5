package com.bumpgrade.commerce.api.bench;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits until the service's event processors have caught up: every stored token (every processor, every
 * segment) is at or past the event store's head, twice in a row with the head unchanged, since reactions append
 * events of their own. So one phase's backlog does not count against the next.
 */
final class Drain {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private Drain() {
    }

    /** Seconds it took; negative (and a printed warning) if the processors had not caught up after the timeout. */
    static double await(Connection connection, Serializer serializer, String after) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        long previousHead = Long.MIN_VALUE;
        while (System.nanoTime() < deadline) {
            long head = Db.head(connection);
            if (lowestPosition(connection, serializer) >= head) {
                if (head == previousHead) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Progress.say("processors drained after %s in %.1f s (head %d)", after, seconds, head);
                    return seconds;
                }
                previousHead = head;
                Thread.sleep(300);
            } else {
                previousHead = Long.MIN_VALUE;
                Thread.sleep(100);
            }
        }
        Progress.say("WARNING: processors not drained %s after %s", TIMEOUT, after);
        return -1;
    }

    /** The lowest position of any processor's segment; -1 for a segment that has no token yet. */
    static long lowestPosition(Connection connection, Serializer serializer) throws SQLException {
        long lowest = Long.MAX_VALUE;
        try (PreparedStatement statement = connection.prepareStatement("SELECT token, token_type FROM token_entry");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                byte[] token = rs.getBytes(1);
                long position = -1;
                if (token != null) {
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString(2), null));
                    position = tracking.position().orElse(-1);
                }
                lowest = Math.min(lowest, position);
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }
}
