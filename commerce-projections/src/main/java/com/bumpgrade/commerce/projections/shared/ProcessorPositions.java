package com.bumpgrade.commerce.projections.shared;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * How far a processing group got, read from its stored tokens (not claimed: reading never takes a segment).
 * One token per segment; a replay token counts as the position it has reached.
 */
public final class ProcessorPositions {
    private ProcessorPositions() {
    }

    /** The group's segments' tokens, each unwrapped to the position it has reached; a segment without one is absent. */
    public static List<GapAwareTrackingToken> of(JdbcTemplate jdbc, Serializer serializer, String group) {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ? AND token IS NOT NULL",
                (rs, row) -> (TrackingToken) serializer.deserialize(new SimpleSerializedObject<>(
                        rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)), group);
        return tokens.stream().map(WrappedToken::unwrapLowerBound)
                .filter(GapAwareTrackingToken.class::isInstance).map(GapAwareTrackingToken.class::cast).toList();
    }
}
