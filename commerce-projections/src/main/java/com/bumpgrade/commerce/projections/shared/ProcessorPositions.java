package com.bumpgrade.commerce.projections.shared;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Objects;

/**
 * How far a processing group got, read from its stored tokens (not claimed: reading never takes a segment).
 * One token per segment; a replay token counts as the position it has reached.
 */
public final class ProcessorPositions {
    private ProcessorPositions() {
    }

    /** The group's segments' tokens, each unwrapped to the position it has reached; a segment without one is absent. */
    public static List<GapAwareTrackingToken> of(JdbcTemplate jdbc, Serializer serializer, String group) {
        return stored(jdbc, serializer, List.of(group)).stream().filter(Objects::nonNull)
                .map(WrappedToken::unwrapLowerBound)
                .filter(GapAwareTrackingToken.class::isInstance).map(GapAwareTrackingToken.class::cast).toList();
    }

    /** Every stored token of these groups, one per segment, as stored; null for a segment that handled nothing. */
    public static List<TrackingToken> stored(JdbcTemplate jdbc, Serializer serializer, List<String> groups) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ANY (?)",
                (rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    return token == null ? null : (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null));
                },
                (Object) groups.toArray(String[]::new));
    }
}
